using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using EUeConformance.Protocols.Snmp.Engine;

namespace EUeConformance.Network.Udp;

/// <summary>
/// <see cref="ISnmpTransport"/> on a real UDP socket (RFC 3417 §2: SNMP over UDP, one message per
/// datagram): binds an endpoint (port 0 picks a free one), sends datagrams, and delivers arriving
/// ones to <see cref="Received"/> from one receive loop. Disposing closes the socket and completes
/// the channel.
/// </summary>
public sealed class UdpSnmpTransport : ISnmpTransport
{
    /// <summary>The largest UDP payload over IPv4 (65535 - 20 - 8).</summary>
    const int MaxDatagram = 65507;

    readonly Socket _socket;
    readonly Channel<SnmpDatagram> _received = Channel.CreateUnbounded<SnmpDatagram>(new UnboundedChannelOptions { SingleWriter = true });
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;

    UdpSnmpTransport(Socket socket)
    {
        _socket = socket;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _loop = ReceiveLoopAsync(_stop.Token);
    }

    /// <summary>Binds <paramref name="local"/> (e.g. 127.0.0.1:0 for a free loopback port).</summary>
    public static UdpSnmpTransport Bind(IPEndPoint local)
    {
        var socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try { socket.Bind(local); }
        catch { socket.Dispose(); throw; }
        return new UdpSnmpTransport(socket);
    }

    public IPEndPoint LocalEndPoint { get; }
    public ChannelReader<SnmpDatagram> Received => _received.Reader;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> payload, IPEndPoint remote, CancellationToken cancellationToken = default) =>
        await _socket.SendToAsync(payload, SocketFlags.None, remote, cancellationToken).ConfigureAwait(false);

    async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[MaxDatagram];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                SocketReceiveFromResult got;
                try { got = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, ct).ConfigureAwait(false); }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused) { continue; } // an ICMP error for an earlier send
                _received.Writer.TryWrite(new SnmpDatagram(buffer.AsSpan(0, got.ReceivedBytes).ToArray(), (IPEndPoint)got.RemoteEndPoint));
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
        finally { _received.Writer.TryComplete(); }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    public override string ToString() => $"udp {LocalEndPoint}";
}
