using System.Text;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// A DHCPv6 Server Selection Identifier (EUE-PROV 6.3.2.2, 6.4.1.2, 6.4.1.4), carried in
/// CL_OPTION_CCCV6 sub-options 1 and 2. A server MUST keep it to 32 octets; a longer one is not
/// malformed: the receiver "MUST only consider the first 32 bytes" (<see cref="Effective"/>).
/// Exactly four 0x00 octets mean "do not provision", exactly four 0xFF octets "any server".
/// Wireshark (dissect_packetcable_cccV6_option) shows sub-options 1 and 2 as text and flags a length over 34.
/// </summary>
public readonly struct DssId : IEquatable<DssId>
{
    public const int MaxLength = 32;

    readonly ReadOnlyMemory<byte> _bytes;

    public DssId(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public static DssId FromString(string value) => new(Encoding.ASCII.GetBytes(value));
    public static DssId DoNotProvision { get; } = new(new byte[] { 0x00, 0x00, 0x00, 0x00 });
    public static DssId AnyServer { get; } = new(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF });

    /// <summary>The octets as sent.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;
    /// <summary>EUE-PROV 6.4.1.4: DSS_ID longer than 32 bytes: only the first 32 count.</summary>
    public ReadOnlyMemory<byte> Effective => _bytes.Length > MaxLength ? _bytes[..MaxLength] : _bytes;
    /// <summary>Longer than the 32 octets a server may send (a server-side violation, EUE-PROV 6.4.1.4).</summary>
    public bool IsOverlong => _bytes.Length > MaxLength;
    /// <summary>EUE-PROV 6.4.1.4: exactly four zero octets, like 0.0.0.0 in option 122 sub-option 1.</summary>
    public bool IsDoNotProvision => _bytes.Span.SequenceEqual(stackalloc byte[] { 0, 0, 0, 0 });
    /// <summary>EUE-PROV 6.4.1.4: exactly four all-ones octets, like 255.255.255.255 in option 122 sub-option 1.</summary>
    public bool IsAnyServer => _bytes.Span.SequenceEqual(stackalloc byte[] { 0xFF, 0xFF, 0xFF, 0xFF });

    /// <summary>Same identifier, comparing only the octets that count (<see cref="Effective"/>).</summary>
    public bool Matches(DssId other) => Effective.Span.SequenceEqual(other.Effective.Span);

    public Dhcp6Option ToSubOption(ushort code = ClCccv6SubOption.PrimaryDssId) => new(code, _bytes);

    public bool Equals(DssId other) => _bytes.Span.SequenceEqual(other._bytes.Span);
    public override bool Equals(object? obj) => obj is DssId d && Equals(d);
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_bytes.Span);
        return h.ToHashCode();
    }

    public override string ToString()
    {
        foreach (byte b in _bytes.Span)
            if (b is < 0x20 or > 0x7E) return Convert.ToHexString(_bytes.Span);
        return Encoding.ASCII.GetString(_bytes.Span);
    }
}
