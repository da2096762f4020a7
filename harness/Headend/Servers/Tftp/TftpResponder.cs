using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Tftp;

namespace EUeConformance.Headend.Servers.Tftp;

/// <summary>
/// The Configuration Server's TFTP decisions (EUE-PROV 6.2.6, eUE-22/23): a read request for a file it has
/// starts a <see cref="TftpTransfer"/> (options negotiated by RFC 2347/2348/2349, e.g. the blksize of 1448
/// over IPv4 or 1428 over IPv6 that 6.3.3 and eUE-22 have the eUE ask for); an unknown file is ERROR 1; a
/// write is ERROR 2 (the server only serves). Every packet in or out passes the server's overrides.
/// </summary>
public sealed class TftpResponder(Func<string, byte[]?> files, TftpServerPolicy? policy = null, OverrideSet? overrides = null)
{
    readonly ReplyComposer<TftpPacket> _composer = new(overrides ??= new OverrideSet(), TftpEditor.Apply);

    public OverrideSet Overrides { get; } = overrides;
    readonly Dictionary<string, int> _ignored = new(StringComparer.Ordinal);
    public TftpServerPolicy Policy { get; } = policy ?? new TftpServerPolicy();

    /// <summary>A request on port 69; <paramref name="transfer"/> is set when a transfer starts.</summary>
    public Decision<TftpPacket> OnRequest(TftpPacket request, IPEndPoint from, out TftpTransfer? transfer)
    {
        TftpTransfer? started = null;
        if (request is TftpReadRequest read && Overrides.Items.OfType<IgnoreReadRequests>().FirstOrDefault(o => o.File == read.Filename.TrimStart('/')) is { } ignore)
        {
            int seen = _ignored[ignore.File] = _ignored.GetValueOrDefault(ignore.File) + 1;
            if (seen <= ignore.Count)
            {
                transfer = null;
                return Decision<TftpPacket>.Nothing($"read request {seen} for {ignore.File} ignored by override ({ignore.Count} in all)");
            }
        }
        var decision = _composer.Compose(TftpFields.KindOf(request), null, notes =>
        {
            switch (request)
            {
                case TftpReadRequest rrq when files(rrq.Filename) is { } content:
                    started = new TftpTransfer(rrq, content, Policy);
                    notes.Add($"serving {rrq.Filename} ({content.Length} bytes, block size {started.BlockSize})");
                    return [Draft(started.Start(), from)];
                case TftpReadRequest rrq:
                    notes.Add($"no file '{rrq.Filename}'");
                    return [Draft(new TftpError(TftpErrorCode.FileNotFound, "file not found"), from)];
                case TftpWriteRequest:
                    return [Draft(new TftpError(TftpErrorCode.AccessViolation, "this server only serves files"), from)];
                default:
                    notes.Add("not a request: ignored on port 69");
                    return [];
            }
        }, request: request);
        transfer = started;
        return decision;
    }

    /// <summary>A packet on a transfer's port from its client.</summary>
    public Decision<TftpPacket> OnTransferPacket(TftpTransfer transfer, TftpPacket packet, IPEndPoint from) =>
        _composer.Compose(TftpFields.KindOf(packet), null, notes =>
        {
            var next = transfer.OnPacket(packet);
            if (transfer.Done) notes.Add($"transfer of {transfer.Request.Filename}: {transfer.Outcome}");
            return next is null ? [] : [Draft(next, from)];
        }, request: packet);

    /// <summary>A tick of the transfer's retransmission timer.</summary>
    public Decision<TftpPacket> OnTimeout(TftpTransfer transfer, IPEndPoint client) =>
        _composer.Compose("timeout", null, notes =>
        {
            var again = transfer.OnTimeout();
            notes.Add(again is null ? $"transfer of {transfer.Request.Filename}: {transfer.Outcome}" : $"retransmission {transfer.Retransmissions}");
            return again is null ? [] : [Draft(again, client)];
        });

    /// <summary>RFC 1350 §4: a packet from an unexpected port gets ERROR 5 and the transfer goes on.</summary>
    public static TftpError UnknownTransferId => new(TftpErrorCode.UnknownTransferId, "unknown transfer ID");

    static ReplyDraft<TftpPacket> Draft(TftpPacket packet, IPEndPoint to) => new(TftpFields.KindOf(packet), null, _ => packet, to, _ => null);
}
