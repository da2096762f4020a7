using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Device.Eue.Services;

/// <summary>The outcome of one download: the bytes, or why there are none.</summary>
public sealed record DownloadResult(byte[]? Content, string? Failure)
{
    public bool Succeeded => Content is not null;
    public static DownloadResult Ok(byte[] content) => new(content, null);
    public static DownloadResult Fail(string why) => new(null, why);
}

/// <summary>
/// The eUE's TFTP client (RFC 1350 with RFC 2347/2348 options; eUE-22/23, 6.3.3): RRQ in octet mode with the
/// blksize the mode calls for (1448 over IPv4, 1428 over IPv6), OACK checked, DATA acknowledged block by
/// block, retransmission on silence, ERROR ends it.
/// </summary>
public sealed class TftpDownloader(INetworkHost host, TimeProvider clock, DeviceTimers timers)
{
    public async Task<DownloadResult> DownloadAsync(IPAddress server, int port, string file, int? blockSize, IPAddress source)
    {
        // A send from an address the eUE no longer holds (it reinitialised or was reset while the transfer was retrying)
        // fails the download, as the socket error does on a real stack, instead of faulting the device.
        try { return await TransferAsync(server, port, file, blockSize, source); }
        catch (System.Net.Sockets.SocketException e) { return DownloadResult.Fail($"TFTP: {e.Message}"); }
    }

    async Task<DownloadResult> TransferAsync(IPAddress server, int port, string file, int? blockSize, IPAddress source)
    {
        bool v6 = server.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        using var inbox = new DatagramInbox(host.OpenUdp(new IPEndPoint(v6 ? IPAddress.IPv6Any : IPAddress.Any, 0)), clock);
        IReadOnlyList<TftpOption> options = blockSize is { } b ? [new TftpOption(TftpOptionDefinitions.BlockSize.Name, b.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [];
        var request = new TftpReadRequest(file, TftpMode.Octet.ToText(), options);
        byte[] lastSent = request.Encode();
        var destination = new IPEndPoint(server, port);
        IPEndPoint? peer = null;
        int size = TftpOptionDefinitions.DefaultBlockSize;
        ushort expected = 1;
        var content = new MemoryStream();
        int retransmission = 0;
        inbox.Socket.Send(lastSent, destination, source);

        while (true)
        {
            var datagram = await inbox.ReceiveAsync(DeviceTimers.At(timers.TftpRetransmissions, retransmission));
            if (datagram is null)
            {
                if (++retransmission >= timers.TftpRetransmissions.Count) return DownloadResult.Fail($"TFTP: no answer from {server} after {retransmission} tries");
                inbox.Socket.Send(lastSent, peer ?? destination, source);
                continue;
            }
            // RFC 1350 §4: once the transfer has a peer (its TID), datagrams from elsewhere are not part of it.
            if (peer is not null && !datagram.Source.Equals(peer)) continue;
            TftpPacket packet;
            try { packet = TftpPacket.Decode(datagram.Payload.Span, Math.Max(size, TftpOptionDefinitions.DefaultBlockSize)); }
            catch (ParseError e) { return DownloadResult.Fail($"TFTP: undecodable packet: {e.Message}"); }
            switch (packet)
            {
                case TftpError error:
                    return DownloadResult.Fail($"TFTP ERROR {error.Code}: {error.Message}");
                case TftpOptionAck oack when peer is null:
                    var check = TftpNegotiation.CheckOptionAck(request, oack);
                    peer = datagram.Source;
                    if (!check.Acceptable)
                    {
                        inbox.Socket.Send(check.Refusal().Encode(), peer, source);
                        return DownloadResult.Fail($"TFTP: OACK refused: {string.Join("; ", check.Violations)}");
                    }
                    size = check.Parameters.BlockSize;
                    lastSent = new TftpAck(0).Encode();
                    inbox.Socket.Send(lastSent, peer, source);
                    retransmission = 0;
                    break;
                case TftpData data:
                    peer ??= datagram.Source;
                    if (data.Block != expected)
                    {
                        // A duplicate of the previous block: acknowledge it again (RFC 1350 §2, no Sorcerer's Apprentice resend of DATA).
                        if (data.Block == (ushort)(expected - 1)) inbox.Socket.Send(new TftpAck(data.Block).Encode(), peer, source);
                        continue;
                    }
                    content.Write(data.Payload.Span);
                    lastSent = new TftpAck(data.Block).Encode();
                    inbox.Socket.Send(lastSent, peer, source);
                    retransmission = 0;
                    if (data.IsLast(size)) return DownloadResult.Ok(content.ToArray());
                    expected++;
                    break;
            }
        }
    }
}
