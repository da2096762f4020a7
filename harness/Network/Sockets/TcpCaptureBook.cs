using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// Turns the fabric's TCP connections into evidence frames: one <see cref="TcpConversation"/> per
/// connection (handshake, data segments, close, with sequence numbers kept right), shared by its
/// two ends when both are the fabric's own, so that each byte appears once. Each end records what
/// it writes; what it reads is recorded only when the other end is outside the fabric.
/// </summary>
internal sealed class TcpCaptureBook(Action<CapturedFrame> capture, TimeProvider clock)
{
    /// <summary>Segments of at most one Ethernet MSS, as the wire would carry them.</summary>
    const int SegmentSize = 1460;

    readonly object _gate = new();
    readonly Dictionary<(IPEndPoint Client, IPEndPoint Server), Conversation> _open = [];

    sealed class Conversation(TcpConversation frames, string link)
    {
        public readonly TcpConversation Frames = frames;
        public readonly string Link = link;
        public int Ends;
        public bool Closed;
    }

    /// <summary>One end of a connection joins its conversation; the first end to join records the handshake.</summary>
    public TcpCaptureEnd Attach(string link, bool isClient, IPEndPoint client, PhysicalAddress clientMac, IPEndPoint server, PhysicalAddress serverMac)
    {
        var key = (Plain(client), Plain(server));
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out var c))
            {
                c = new Conversation(new TcpConversation(clientMac.GetAddressBytes(), key.Item1, serverMac.GetAddressBytes(), key.Item2), link);
                _open[key] = c;
                foreach (var f in c.Frames.Open()) Emit(c, f);
            }
            c.Ends++;
            return new TcpCaptureEnd(this, key, c, isClient);
        }
    }

    internal void Data(object conversation, bool fromClient, ReadOnlySpan<byte> data)
    {
        var c = (Conversation)conversation;
        lock (_gate)
        {
            if (c.Closed) return;
            for (int i = 0; i < data.Length; i += SegmentSize)
            {
                var segment = data.Slice(i, Math.Min(SegmentSize, data.Length - i));
                Emit(c, fromClient ? c.Frames.ClientSends(segment) : c.Frames.ServerSends(segment));
            }
        }
    }

    internal bool PeerIsOurs(object conversation)
    {
        lock (_gate) return ((Conversation)conversation).Ends > 1;
    }

    internal void Detach((IPEndPoint, IPEndPoint) key, object conversation)
    {
        var c = (Conversation)conversation;
        lock (_gate)
        {
            if (!c.Closed)
            {
                c.Closed = true;
                foreach (var f in c.Frames.Close()) Emit(c, f);
            }
            if (--c.Ends == 0) _open.Remove(key);
        }
    }

    void Emit(Conversation c, byte[] frame)
    {
        // The source MAC is read back from the frame's own Ethernet header: TcpConversation's
        // Open and Close alternate directions inside one call.
        var source = new PhysicalAddress(frame.AsSpan(6, 6).ToArray());
        capture(new CapturedFrame(clock.GetUtcNow(), c.Link, source, frame));
    }

    static IPEndPoint Plain(IPEndPoint e) => new(new IPAddress(e.Address.GetAddressBytes()), e.Port);
}

/// <summary>One end's handle on its conversation's evidence.</summary>
internal sealed class TcpCaptureEnd(TcpCaptureBook book, (IPEndPoint, IPEndPoint) key, object conversation, bool isClient)
{
    int _detached;

    public void Wrote(ReadOnlySpan<byte> data) => book.Data(conversation, isClient, data);

    public void Read(ReadOnlySpan<byte> data)
    {
        if (!book.PeerIsOurs(conversation)) book.Data(conversation, !isClient, data);
    }

    public void Closed()
    {
        if (Interlocked.Exchange(ref _detached, 1) == 0) book.Detach(key, conversation);
    }
}
