using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>TCP on a <see cref="KernelHost"/>: real sockets created in the host's namespace, bound to its interface.</summary>
internal static class KernelStreams
{
    public static IStreamListener Listen(KernelHost host, IPEndPoint local, Func<IStreamConnection, Task> onAccepted)
    {
        var socket = host.CreateSocket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp, s =>
        {
            s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // a restarted server rebinds past TIME_WAIT
            s.Bind(local);
            s.Listen();
        });
        var bound = (IPEndPoint)socket.LocalEndPoint!;
        try { host.Claim(ProtocolType.Tcp, bound); }
        catch { socket.Dispose(); throw; }
        var listener = new Listener(host, new RealStreamListener(socket, bound, host.Fabric.Context, accepted => Wrap(host, accepted, isClient: false), onAccepted), bound);
        host.Track(listener);
        return listener;
    }

    public static async Task<IStreamConnection> ConnectAsync(KernelHost host, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var socket = host.CreateSocket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(remote, cancellationToken);
            return Wrap(host, socket, isClient: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    static IStreamConnection Wrap(KernelHost host, Socket socket, bool isClient)
    {
        var fabric = host.Fabric;
        var local = host.Scoped((IPEndPoint)socket.LocalEndPoint!);
        var remote = host.Scoped((IPEndPoint)socket.RemoteEndPoint!);
        var peerMac = fabric.MacOf(remote.Address) ?? FrameSynthesis.UnknownMac;
        var capture = isClient
            ? fabric.Tcp.Attach(host.Link.Name, true, local, host.Mac, remote, peerMac)
            : fabric.Tcp.Attach(host.Link.Name, false, remote, peerMac, local, host.Mac);
        return new RealStreamConnection(socket, local, remote, capture);
    }

    sealed class Listener(KernelHost host, RealStreamListener inner, IPEndPoint local) : IStreamListener
    {
        public IPEndPoint LocalEndPoint => inner.LocalEndPoint;

        public void Dispose()
        {
            inner.Dispose();
            host.Release(ProtocolType.Tcp, local);
        }
    }
}
