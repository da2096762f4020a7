namespace EUeConformance.Protocols.Dhcp4;

/// <summary>How the canonical encoder lays a message out (a decoded message replays its own layout instead).</summary>
public sealed record DhcpEncodingSettings
{
    public static DhcpEncodingSettings Default { get; } = new();

    /// <summary>
    /// Pad with zeros after the end option up to this many bytes. 300 is the BOOTP minimum
    /// (RFC 1542 §3.1.1) that ISC clients and servers pad to; 0 disables padding.
    /// </summary>
    public int MinimumLength { get; init; } = Dhcp4Protocol.BootpMinimumLength;

    /// <summary>
    /// Bytes of options (after the cookie, end option included) the options field may take before
    /// the rest spills into file, then sname, when option 52 overloads them. 308 = the 312-byte
    /// options field of RFC 2131 §2 minus the cookie. Without option 52 the field is unbounded.
    /// </summary>
    public int OverloadedOptionsFieldLength { get; init; } = Dhcp4Protocol.MinimumOptionsFieldLength - 4;
}
