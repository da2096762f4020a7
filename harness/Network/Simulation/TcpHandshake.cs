using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// Opening a simulated TCP connection with the three-way handshake (RFC 9293 section 3.5): SYN,
/// SYN-ACK, ACK on the link, each after the link's delay. The client's connect completes when the
/// SYN-ACK arrives, the listener's callback runs when the ACK arrives. No listener answers with a
/// RST (connection refused); an address no host owns goes unresolved and fails as unreachable after
/// the three one-second solicitations a neighbour cache would make (RFC 4861 section 10,
/// MAX_MULTICAST_SOLICIT).
/// </summary>
internal static class TcpHandshake
{
    static readonly TimeSpan ResolutionTimeout = TimeSpan.FromSeconds(3);

    public static async Task<IStreamConnection> ConnectAsync(SimulatedHost client, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var to = remote.Address;
        if (AddressMath.IsUnspecified(to) || AddressMath.IsGroup(to) || remote.Port == 0)
            throw new SocketException((int)SocketError.AddressNotAvailable, $"host {client.Name} cannot connect to {remote}");
        client.CheckScope(to);
        var source = client.ChooseSource(to, to.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, null);
        if (AddressMath.IsUnspecified(source))
            throw new SocketException((int)SocketError.NetworkUnreachable, $"host {client.Name} has no {to.AddressFamily} address to connect from");

        var server = client.Owns(to) ? client : client.Link.Owner(to);
        if (server is null)
        {
            AddressResolution.Unanswered(client, source, to);
            await Task.Delay(ResolutionTimeout, client.Fabric.Clock, cancellationToken);
            throw new SocketException((int)SocketError.HostUnreachable, $"host {client.Name}: nobody on link {client.Link.Name} has {to}");
        }

        var local = client.TcpPorts.Bind(new IPEndPoint(source, 0));
        var random = client.Fabric.Random;
        var clientEnd = new TcpEnd(client, local, new IPEndPoint(AddressMath.ScopedFor(to, client.InterfaceIndex), remote.Port), (uint)random.NextInt64(0, uint.MaxValue))
        {
            EphemeralPort = local,
        };
        var connected = new TaskCompletionSource<IStreamConnection>();
        using var cancel = cancellationToken.Register(() => connected.TrySetCanceled(cancellationToken));

        var syn = clientEnd.Segment(TcpFlags.Syn, [], server.MacBytes);
        client.Link.TransmitReliably(client, syn, () => SynArrives(server, clientEnd, connected, remote.Port));
        try
        {
            return await connected.Task;
        }
        catch
        {
            client.TcpPorts.Release(local);
            throw;
        }
    }

    static void SynArrives(SimulatedHost server, TcpEnd clientEnd, TaskCompletionSource<IStreamConnection> connected, int port)
    {
        var client = clientEnd.Host;
        var to = clientEnd.RemoteEndPoint.Address;
        var listener = server.Unplugged ? null : server.ListenerFor(to, port);
        if (listener is null)
        {
            // RFC 9293 section 3.10.7.1: a SYN to a closed port is answered with RST, ACK.
            var rst = Frames.Tcp(server.MacBytes, client.MacBytes, Unscoped(clientEnd.RemoteEndPoint), Unscoped(clientEnd.LocalEndPoint),
                0, clientEnd.SendNext, TcpFlags.Rst | TcpFlags.Ack, []);
            server.Link.TransmitReliably(server, rst, () => ActorContext.Detached(() => connected.TrySetException(
                new SocketException((int)SocketError.ConnectionRefused, $"{clientEnd.RemoteEndPoint}: nothing listens there on host {server.Name}"))));
            return;
        }

        var serverEnd = new TcpEnd(server,
            new IPEndPoint(AddressMath.ScopedFor(to, server.InterfaceIndex), port),
            new IPEndPoint(AddressMath.ScopedFor(clientEnd.LocalEndPoint.Address, server.InterfaceIndex), clientEnd.LocalEndPoint.Port),
            (uint)server.Fabric.Random.NextInt64(0, uint.MaxValue))
        {
            ReceiveNext = clientEnd.SendNext,
        };
        serverEnd.Pair(clientEnd);
        clientEnd.Pair(serverEnd);
        var synAck = serverEnd.Segment(TcpFlags.Syn | TcpFlags.Ack, [], client.MacBytes);
        server.Link.TransmitReliably(server, synAck, () =>
        {
            clientEnd.ReceiveNext = serverEnd.SendNext;
            if (connected.Task.IsCompleted) return; // the connect was cancelled meanwhile
            client.Track(clientEnd);
            // The ACK goes out before the connect completes: the caller may send as soon as it resumes.
            var ack = clientEnd.Segment(TcpFlags.Ack, [], server.MacBytes);
            client.Link.TransmitReliably(client, ack, () =>
            {
                if (!listener.IsOpen || server.Unplugged) return;
                server.Track(serverEnd);
                listener.Accept(serverEnd);
            });
            ActorContext.Detached(() => connected.TrySetResult(clientEnd));
        });
    }

    static IPEndPoint Unscoped(IPEndPoint e) => new(AddressMath.Unscoped(e.Address), e.Port);
}
