using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// One end of a simulated TCP connection. It keeps its own sequence numbers so that the segments
/// it puts on the link (data cut at the MSS, FIN, the ACKs of the handshake and of the close) read
/// as one consistent conversation in Wireshark (RFC 9293 section 3.4). Segments meet only the link's
/// delay: the byte stream arrives whole and in order, as TCP would deliver it.
/// </summary>
internal sealed class TcpEnd : IStreamConnection
{
    // An Ethernet MTU of 1500 less the IP and TCP headers (RFC 9293 section 3.7.1).
    const int MssV4 = 1460, MssV6 = 1440;
    readonly SimulatedStream _stream;
    TcpEnd? _peer;
    bool _finSent, _unplugged, _released;

    public TcpEnd(SimulatedHost host, IPEndPoint local, IPEndPoint remote, uint initialSequence)
    {
        Host = host;
        LocalEndPoint = local;
        RemoteEndPoint = remote;
        SendNext = initialSequence;
        _stream = new SimulatedStream(this);
    }

    public IPEndPoint LocalEndPoint { get; }
    public IPEndPoint RemoteEndPoint { get; }
    public Stream Stream => _stream;

    internal SimulatedHost Host { get; }
    internal uint SendNext { get; private set; }
    internal uint ReceiveNext { get; set; }
    /// <summary>Set on the client end; released with the connection.</summary>
    internal IPEndPoint? EphemeralPort { get; init; }

    internal void Pair(TcpEnd peer) => _peer = peer;

    /// <summary>Builds the next segment from this end and advances the sequence number by what it occupies (data, SYN and FIN count).</summary>
    internal byte[] Segment(TcpFlags flags, ReadOnlySpan<byte> payload, byte[] peerMac)
    {
        var frame = Frames.Tcp(Host.MacBytes, peerMac, Unscoped(LocalEndPoint), Unscoped(RemoteEndPoint),
            SendNext, (flags & TcpFlags.Ack) != 0 ? ReceiveNext : 0, flags, payload);
        SendNext += (uint)payload.Length + ((flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u);
        return frame;
    }

    /// <summary>Sends <paramref name="data"/> to the peer, cut into segments; never blocks.</summary>
    internal void Send(ReadOnlySpan<byte> data)
    {
        if (_finSent || _unplugged) throw new ObjectDisposedException(ToString(), "the connection is closed for sending");
        if (_peer is not { } peer) throw new InvalidOperationException($"{this} is not connected");
        int mss = LocalEndPoint.AddressFamily == AddressFamily.InterNetwork ? MssV4 : MssV6;
        for (int offset = 0; offset < data.Length; offset += mss)
        {
            var chunk = data.Slice(offset, Math.Min(mss, data.Length - offset)).ToArray();
            var frame = Segment(TcpFlags.Psh | TcpFlags.Ack, chunk, peer.Host.MacBytes);
            Host.Link.TransmitReliably(Host, frame, () => peer.Receive(chunk));
        }
    }

    void Receive(byte[] chunk)
    {
        ReceiveNext += (uint)chunk.Length;
        if (!_unplugged) _stream.Enqueue(chunk);
    }

    /// <summary>Closes this end: a FIN goes out; the peer reads end of stream once it arrives, and acknowledges it.</summary>
    internal void Close()
    {
        if (_finSent || _unplugged) return;
        _finSent = true;
        _stream.Discard();
        if (_peer is not { } peer) return;
        var frame = Segment(TcpFlags.Fin | TcpFlags.Ack, [], peer.Host.MacBytes);
        Host.Link.TransmitReliably(Host, frame, () => peer.ReceiveFin());
    }

    void ReceiveFin()
    {
        ReceiveNext++;
        if (_unplugged || _peer is not { } peer) return;
        // Acknowledged before the reader learns of the end: it resumes inline and may close at once, with its own FIN.
        var ack = Segment(TcpFlags.Ack, [], peer.Host.MacBytes);
        Host.Link.TransmitReliably(Host, ack, () => { });
        if (_finSent) { Release(); peer.Release(); }
        _stream.EndOfStream();
    }

    /// <summary>The host went away: this end stops, silently, and its reads see end of stream.</summary>
    internal void Unplug()
    {
        _unplugged = true;
        _stream.EndOfStream();
    }

    void Release()
    {
        if (_released) return;
        _released = true;
        Host.Forget(this);
        if (EphemeralPort is { } port) Host.TcpPorts.Release(port);
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        return ValueTask.CompletedTask;
    }

    static IPEndPoint Unscoped(IPEndPoint e) => new(AddressMath.Unscoped(e.Address), e.Port);

    public override string ToString() => $"{Host.Name} tcp {LocalEndPoint} -> {RemoteEndPoint}";
}
