using EUeConformance.Protocols.Tftp;

namespace EUeConformance.Headend.Servers.Tftp;

/// <summary>
/// One read transfer as a state machine (RFC 1350 with RFC 2347/2348/2349 options), driven by the
/// packets the client sends and by timer ticks. It answers the request with an OACK when options were
/// accepted (then waits for ACK 0) or with DATA 1; each ACK of the current block brings the next block;
/// a block shorter than the block size ends the file (an empty block when the size is a multiple of it);
/// on a tick with no ACK it sends the last packet again, up to <see cref="MaxRetransmissions"/> times,
/// then gives up. A duplicate or old ACK is ignored (no sorcerer's apprentice, RFC 1123 §4.2.3.1).
/// </summary>
public sealed class TftpTransfer
{
    readonly byte[] _content;
    TftpPacket? _last;
    int _block;          // the block last sent; 0 while an OACK waits for its ACK
    bool _lastBlockSent;

    public TftpTransfer(TftpReadRequest request, byte[] content, TftpServerPolicy policy)
    {
        Request = request;
        _content = content;
        var answer = TftpNegotiation.Answer(request, policy, content.Length);
        OptionAck = answer.OptionAck;
        Parameters = answer.Parameters;
    }

    /// <summary>RFC 1350 leaves retransmission to the implementation; tftpd-hpa gives up after about this many.</summary>
    public const int MaxRetransmissions = 5;
    /// <summary>The retransmission interval when the client negotiated no timeout (tftpd-hpa's default is 1 s).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    public TftpReadRequest Request { get; }
    public TftpOptionAck? OptionAck { get; }
    public TftpTransferParameters Parameters { get; }
    public int BlockSize => Parameters.BlockSize;
    public TimeSpan Timeout => Parameters.TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : DefaultTimeout;
    public int Retransmissions { get; private set; }
    public bool Done { get; private set; }
    public string? Outcome { get; private set; }

    /// <summary>The first packet: the OACK, or DATA 1 when no option was accepted.</summary>
    public TftpPacket Start() => _last = OptionAck is { } oack ? oack : Data(1);

    /// <summary>What a packet from the client brings: the next packet, or nothing (done, ignored, or the client gave up).</summary>
    public TftpPacket? OnPacket(TftpPacket packet)
    {
        if (Done) return null;
        switch (packet)
        {
            case TftpAck ack when ack.Block == (ushort)_block:
                Retransmissions = 0;
                if (_lastBlockSent) { Finish("complete"); return null; }
                return _last = Data(_block + 1);
            case TftpAck:
                return null;
            case TftpError error:
                Finish($"the client ended the transfer: error {(ushort)error.Code} '{error.Message}'");
                return null;
            default:
                return null;
        }
    }

    /// <summary>A tick with the last packet unacknowledged: send it again, or give up.</summary>
    public TftpPacket? OnTimeout()
    {
        if (Done || _last is null) return null;
        if (++Retransmissions > MaxRetransmissions)
        {
            Finish($"no acknowledgement after {MaxRetransmissions} retransmissions");
            return null;
        }
        return _last;
    }

    TftpData Data(int block)
    {
        _block = block;
        long offset = (long)(block - 1) * BlockSize;
        int length = (int)Math.Clamp(_content.Length - offset, 0, BlockSize);
        if (length < BlockSize) _lastBlockSent = true;
        // RFC 1350 numbers blocks in 16 bits; past 65535 they wrap to 0 (what tftp-hpa and atftp do).
        return new TftpData((ushort)block, _content.AsMemory((int)Math.Min(offset, _content.Length), length));
    }

    void Finish(string outcome)
    {
        Done = true;
        Outcome = outcome;
    }
}
