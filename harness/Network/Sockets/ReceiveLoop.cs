using System.Net;
using System.Net.Sockets;

namespace EUeConformance.Network.Sockets;

/// <summary>One datagram as the kernel handed it over: the bytes, the sender, and the address it was sent to.</summary>
/// <param name="Destination">From IP_PKTINFO / IPV6_PKTINFO (RFC 3542 §6): tells a broadcast or multicast apart from a unicast.</param>
/// <param name="InterfaceIndex">The interface it arrived on.</param>
internal sealed record ReceivedPacket(byte[] Payload, IPEndPoint Source, IPAddress? Destination, int InterfaceIndex);

/// <summary>
/// Reads a datagram socket (UDP or raw ICMPv6) until it is closed, with recvmsg so that the
/// destination address comes along (Socket.ReceiveMessageFromAsync turns IP_PKTINFO and
/// IPV6_RECVPKTINFO on). Runs on the thread pool; the handler hands each packet to the actor context.
/// A raw ICMPv6 socket cannot take that path: .NET also asks for IPv4 IP_PKTINFO on an IPv6 socket
/// that is not IPV6_V6ONLY, and Linux refuses IPV6_V6ONLY on raw sockets (EINVAL) and IP_PKTINFO on
/// them (ENOPROTOOPT); it is read with recvfrom and its destination is left unknown (null).
/// </summary>
internal static class ReceiveLoop
{
    /// <param name="onFault">Told of a failure that is not the socket closing: a harness error, surfaced by the run loop.</param>
    public static Task Start(Socket socket, Action<ReceivedPacket> onPacket, Action<Exception> onFault) => Task.Run(async () =>
    {
        try { await RunAsync(socket, onPacket, withDestination: socket.SocketType != SocketType.Raw).ConfigureAwait(false); }
        catch (Exception e) { onFault(e); }
    });

    static async Task RunAsync(Socket socket, Action<ReceivedPacket> onPacket, bool withDestination)
    {
        var buffer = new byte[65_536];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            int length;
            EndPoint source;
            IPAddress? destination = null;
            int interfaceIndex = 0;
            try
            {
                if (withDestination)
                {
                    var r = await socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, any).ConfigureAwait(false);
                    (length, source, destination, interfaceIndex) = (r.ReceivedBytes, r.RemoteEndPoint, r.PacketInformation.Address, r.PacketInformation.Interface);
                }
                else
                {
                    var r = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any).ConfigureAwait(false);
                    (length, source) = (r.ReceivedBytes, r.RemoteEndPoint);
                }
            }
            catch (ObjectDisposedException) { return; }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted or SocketError.Shutdown or SocketError.NotSocket) { return; }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable)
            {
                continue; // an ICMP error for an earlier send (IP_RECVERR): not a datagram, keep reading
            }
            onPacket(new ReceivedPacket(buffer.AsSpan(0, length).ToArray(), (IPEndPoint)source, destination, interfaceIndex));
        }
    }
}
