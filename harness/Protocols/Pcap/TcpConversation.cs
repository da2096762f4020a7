using System.Net;

namespace EUeConformance.Protocols.Pcap;

/// <summary>
/// One TCP connection as frames: handshake, data in either direction, and close, with sequence
/// and acknowledgement numbers kept right, so a stream exchange (HTTP, syslog over TCP) recorded in
/// simulation reassembles in Wireshark.
/// </summary>
public sealed class TcpConversation(byte[] clientMac, IPEndPoint client, byte[] serverMac, IPEndPoint server, uint clientIsn = 1000, uint serverIsn = 5000)
{
    uint _clientNext = clientIsn, _serverNext = serverIsn;

    // Open and Close build their frames at once (not lazily): sequence numbers depend on call order.
    public IReadOnlyList<byte[]> Open() =>
    [
        Frames.Tcp(clientMac, serverMac, client, server, _clientNext++, 0, TcpFlags.Syn, []),
        Frames.Tcp(serverMac, clientMac, server, client, _serverNext++, _clientNext, TcpFlags.Syn | TcpFlags.Ack, []),
        Frames.Tcp(clientMac, serverMac, client, server, _clientNext, _serverNext, TcpFlags.Ack, []),
    ];

    public byte[] ClientSends(ReadOnlySpan<byte> data)
    {
        var f = Frames.Tcp(clientMac, serverMac, client, server, _clientNext, _serverNext, TcpFlags.Psh | TcpFlags.Ack, data);
        _clientNext += (uint)data.Length;
        return f;
    }

    public byte[] ServerSends(ReadOnlySpan<byte> data)
    {
        var f = Frames.Tcp(serverMac, clientMac, server, client, _serverNext, _clientNext, TcpFlags.Psh | TcpFlags.Ack, data);
        _serverNext += (uint)data.Length;
        return f;
    }

    public IReadOnlyList<byte[]> Close() =>
    [
        Frames.Tcp(clientMac, serverMac, client, server, _clientNext++, _serverNext, TcpFlags.Fin | TcpFlags.Ack, []),
        Frames.Tcp(serverMac, clientMac, server, client, _serverNext++, _clientNext, TcpFlags.Fin | TcpFlags.Ack, []),
        Frames.Tcp(clientMac, serverMac, client, server, _clientNext, _serverNext, TcpFlags.Ack, []),
    ];
}
