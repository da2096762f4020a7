using System.Text;

namespace EUeConformance.Protocols.Dhcp;

/// <summary>What a DSS_ID tells its receiver (EUE-PROV 6.3.2.2, 6.4.1.2, 6.4.1.4).</summary>
public enum DssIdKind
{
    /// <summary>A DHCPv6 server's identity.</summary>
    Server,
    /// <summary>Exactly four 0x00 octets: the eUE must not provision (like 0.0.0.0 in option 122 sub-option 1).</summary>
    DoNotProvision,
    /// <summary>Exactly four 0xFF octets: any DHCPv6 server (like 255.255.255.255 in option 122 sub-option 1).</summary>
    AnyServer,
}

/// <summary>
/// A DHCPv6 Server Selection Identifier (EUE-PROV 6.3.2.2, 6.4.1.2, 6.4.1.4): opaque octets, usually
/// ASCII. The eCM learns the eUE's DHCPv6 servers from DHCPv4 option 125 (CableLabs sub-option 123,
/// CL_V4OPTION_CCCV6, sub-options 1 and 2) or from DHCPv6 CL_OPTION_CCCV6 sub-options 1 and 2, and the
/// eUE reads the responding server's from its ADVERTISE: one type for both. A server MUST keep it to 32
/// octets; a longer one is not malformed: the receiver "MUST only consider the first 32 bytes"
/// (<see cref="Effective"/>). Wireshark shows the DHCPv6 sub-options as text and flags a length over 34.
/// </summary>
public readonly struct DssId : IEquatable<DssId>
{
    /// <summary>EUE-PROV 6.4.1.2 / 6.4.1.4: a server MUST restrict a DSS_ID to 32 octets.</summary>
    public const int MaxLength = 32;

    readonly byte[]? _bytes;

    public DssId(ReadOnlySpan<byte> bytes) => _bytes = bytes.ToArray();

    public static DssId FromAscii(string text) => new(Encoding.ASCII.GetBytes(text));
    public static DssId DoNotProvision { get; } = new([0x00, 0x00, 0x00, 0x00]);
    public static DssId AnyServer { get; } = new([0xFF, 0xFF, 0xFF, 0xFF]);

    /// <summary>The octets as sent.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>EUE-PROV 6.4.1.2 / 6.4.1.4: of a DSS_ID longer than 32 octets only the first 32 count.</summary>
    public ReadOnlyMemory<byte> Effective => Bytes.Length > MaxLength ? Bytes[..MaxLength] : Bytes;

    /// <summary>Longer than the 32 octets a server may send (a server-side violation, EUE-PROV 6.4.1.4).</summary>
    public bool IsOverlong => Bytes.Length > MaxLength;

    /// <summary>The reserved values are exactly four octets: 00000000 and FFFFFFFF (not "0000" in ASCII, nor five zeros).</summary>
    public DssIdKind Kind => Bytes.Span switch
    {
        [0x00, 0x00, 0x00, 0x00] => DssIdKind.DoNotProvision,
        [0xFF, 0xFF, 0xFF, 0xFF] => DssIdKind.AnyServer,
        _ => DssIdKind.Server,
    };

    public bool IsDoNotProvision => Kind == DssIdKind.DoNotProvision;
    public bool IsAnyServer => Kind == DssIdKind.AnyServer;

    /// <summary>
    /// Whether a server's DSS_ID (<paramref name="advertised"/>) matches this one, the DSS_ID the eCM was
    /// given: FFFFFFFF accepts any server; otherwise the first 32 octets of each must be equal.
    /// </summary>
    public bool Matches(DssId advertised) => IsAnyServer || Effective.Span.SequenceEqual(advertised.Effective.Span);

    public bool Equals(DssId other) => Bytes.Span.SequenceEqual(other.Bytes.Span);
    public override bool Equals(object? obj) => obj is DssId d && Equals(d);
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(Bytes.Span);
        return h.ToHashCode();
    }
    public static bool operator ==(DssId a, DssId b) => a.Equals(b);
    public static bool operator !=(DssId a, DssId b) => !a.Equals(b);

    /// <summary>The octets as ASCII when all are printable, otherwise in hex.</summary>
    public override string ToString()
    {
        foreach (byte b in Bytes.Span)
            if (b is < 0x20 or > 0x7E) return Convert.ToHexString(Bytes.Span);
        return Encoding.ASCII.GetString(Bytes.Span);
    }
}
