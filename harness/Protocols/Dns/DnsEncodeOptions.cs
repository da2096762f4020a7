namespace EUeConformance.Protocols.Dns;

/// <summary>How <see cref="DnsMessage.Encode(DnsEncodeOptions?)"/> lays a message out.</summary>
public sealed record DnsEncodeOptions
{
    /// <summary>RFC 1035 §2.3.4 / §4.2.1: a UDP message without EDNS is at most 512 octets.</summary>
    public const int ClassicUdpSize = 512;

    /// <summary>Compress names (RFC 1035 §4.1.4) where the type allows it (RFC 3597 §4). Off: every name is written out in full.</summary>
    public bool Compress { get; init; } = true;

    /// <summary>
    /// When a message was decoded, write each name the way its sender did (same pointers) where that is
    /// still valid, so re-encoding reproduces the input; otherwise compress afresh. Ignored without <see cref="Compress"/>.
    /// </summary>
    public bool KeepDecodedLayout { get; init; } = true;

    /// <summary>The largest message to produce; records that would not fit are dropped whole (RFC 2181 §9). 65535 = no limit.</summary>
    public int MaxSize { get; init; } = ushort.MaxValue;

    public static DnsEncodeOptions Default { get; } = new();

    /// <summary>A UDP limit: 512 classic, or the requestor's EDNS payload size (never below 512, RFC 6891 §6.2.5).</summary>
    public static DnsEncodeOptions Udp(int? ednsUdpPayloadSize = null) =>
        new() { MaxSize = Math.Clamp(ednsUdpPayloadSize ?? ClassicUdpSize, ClassicUdpSize, ushort.MaxValue) };

    /// <summary>The UDP limit for answering <paramref name="query"/>: its OPT record's payload size, or 512 without one.</summary>
    public static DnsEncodeOptions UdpReplyTo(DnsMessage query) => Udp(query.Edns?.UdpPayloadSize);
}
