using System.Net;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>CL_V4OPTION_IP_PREF values (option 125/4491 sub-option 124).</summary>
public enum IpPreference : byte
{
    Ipv4 = 1,
    Ipv6 = 2,
}

/// <summary>
/// The CableLabs (enterprise 4491) sub-options of option 125 as the eCM's DHCP exchange uses
/// them (EUE-PROV 6.3.1 Table 2 CM1/CM2, 6.4.1.2, 6.4.1.5): CL_V4OPTION_ORO (1) in the DISCOVER,
/// CL_V4OPTION_CCCV6 (123) and CL_V4OPTION_IP_PREF (124) in the OFFER/ACK. Every sub-option,
/// known or not, is kept in order.
/// </summary>
public sealed class CableLabsV4Options : IEquatable<CableLabsV4Options>
{
    public const byte OroCode = 1, TftpServersCode = 2, Cccv6Code = 123, IpPrefCode = 124;

    public CableLabsV4Options(SubOptionList subOptions) => SubOptions = subOptions;

    public SubOptionList SubOptions { get; }

    /// <summary>CL_V4OPTION_ORO: the sub-option codes requested, one byte each.</summary>
    public IReadOnlyList<byte>? Oro => SubOptions.Find(OroCode)?.Value;

    public IReadOnlyList<IPAddress>? TftpServers => SubOptions.Find(TftpServersCode) is { } s ? Addresses.List(s.Value) : null;

    /// <summary>CL_V4OPTION_CCCV6: the eUE's DHCPv6 server DSS_IDs.</summary>
    public Cccv6DssIds? Cccv6 => SubOptions.Find(Cccv6Code) is { } s ? Cccv6DssIds.Decode(s.Value, Math.Max(s.Offset, 0)) : null;

    /// <summary>CL_V4OPTION_IP_PREF (the raw byte is cast; values other than 1/2 stay visible as such).</summary>
    public IpPreference? IpPref => SubOptions.Find(IpPrefCode) is { Value.Length: 1 } s ? (IpPreference)s.Value[0] : null;

    public static CableLabsV4Options Decode(ReadOnlySpan<byte> data, int baseOffset = 0) =>
        new(SubOptionList.Parse(data, OptionSpaces.CableLabsV4, baseOffset));

    /// <summary>Builds the sub-options in code order; null arguments are left out.</summary>
    public static CableLabsV4Options Create(IEnumerable<byte>? oro = null, Cccv6DssIds? cccv6 = null, IpPreference? ipPref = null,
        IEnumerable<IPAddress>? tftpServers = null)
    {
        var items = new List<SubOption>();
        if (oro is not null) items.Add(new SubOption(OroCode, oro.ToArray()));
        if (tftpServers is not null) items.Add(new SubOption(TftpServersCode, Addresses.Bytes(tftpServers)));
        if (cccv6 is not null) items.Add(new SubOption(Cccv6Code, cccv6.Encode()));
        if (ipPref is { } p) items.Add(new SubOption(IpPrefCode, [(byte)p]));
        return new CableLabsV4Options(new SubOptionList(items));
    }

    public byte[] Encode() => SubOptions.Encode();

    public VendorData ToVendorData() => new(Dhcp4Protocol.CableLabsEnterprise, Encode());

    /// <summary>Option 125 holding only the CableLabs block.</summary>
    public DhcpOption ToOption() => new VendorIdentifyingData([ToVendorData()]).ToOption();

    public bool Equals(CableLabsV4Options? other) => other is not null && SubOptions.Equals(other.SubOptions);
    public override bool Equals(object? obj) => Equals(obj as CableLabsV4Options);
    public override int GetHashCode() => SubOptions.Count;
}

/// <summary>
/// CL_V4OPTION_CCCV6 content: sub-option 1 primary DSS_ID, 2 secondary DSS_ID (EUE-PROV 6.3.2.2,
/// 6.4.1.2; format settled in <see cref="OptionSpaces.ClV4OptionCccv6"/>).
/// </summary>
public sealed class Cccv6DssIds : IEquatable<Cccv6DssIds>
{
    public const byte PrimaryCode = 1, SecondaryCode = 2;

    public Cccv6DssIds(SubOptionList subOptions) => SubOptions = subOptions;

    public SubOptionList SubOptions { get; }
    public DssId? Primary => SubOptions.Find(PrimaryCode) is { } s ? new DssId(s.Value) : null;
    public DssId? Secondary => SubOptions.Find(SecondaryCode) is { } s ? new DssId(s.Value) : null;

    public static Cccv6DssIds Decode(ReadOnlySpan<byte> value, int baseOffset = 0) =>
        new(SubOptionList.Parse(value, OptionSpaces.ClV4OptionCccv6, baseOffset));

    public static Cccv6DssIds Create(DssId primary, DssId? secondary = null)
    {
        var items = new List<SubOption> { new(PrimaryCode, primary.Bytes) };
        if (secondary is { } s) items.Add(new SubOption(SecondaryCode, s.Bytes));
        return new Cccv6DssIds(new SubOptionList(items));
    }

    public byte[] Encode() => SubOptions.Encode();

    public bool Equals(Cccv6DssIds? other) => other is not null && SubOptions.Equals(other.SubOptions);
    public override bool Equals(object? obj) => Equals(obj as Cccv6DssIds);
    public override int GetHashCode() => SubOptions.Count;
}

/// <summary>What a DSS_ID tells the eCM (EUE-PROV 6.3.2.2, 6.4.1.2).</summary>
public enum DssIdKind
{
    /// <summary>A DHCPv6 server's identity.</summary>
    Server,
    /// <summary>Exactly four 0x00 octets: the eUE must not provision (like 0.0.0.0 in 122.1).</summary>
    DoNotProvision,
    /// <summary>Exactly four 0xFF octets: any DHCPv6 server (like 255.255.255.255 in 122.1).</summary>
    AnyServer,
}

/// <summary>A DHCPv6 Server Selection Identifier: opaque bytes (usually ASCII), by value.</summary>
public readonly struct DssId : IEquatable<DssId>
{
    /// <summary>EUE-PROV 6.4.1.2 / 6.4.1.4: a server MUST restrict a DSS_ID to 32 bytes.</summary>
    public const int MaximumLength = 32;

    readonly byte[]? _bytes;

    public DssId(ReadOnlySpan<byte> bytes) => _bytes = bytes.ToArray();

    public static DssId FromAscii(string text) => new(System.Text.Encoding.ASCII.GetBytes(text));
    public static DssId DoNotProvision => new([0, 0, 0, 0]);
    public static DssId AnyServer => new([0xFF, 0xFF, 0xFF, 0xFF]);

    public byte[] Bytes => _bytes ?? [];

    /// <summary>EUE-PROV 6.4.1.2: an eCM that obtains a longer DSS_ID MUST only consider the first 32 bytes.</summary>
    public ReadOnlySpan<byte> Effective => Bytes.AsSpan(0, Math.Min(Bytes.Length, MaximumLength));

    public bool IsOverlong => Bytes.Length > MaximumLength;

    public DssIdKind Kind => Bytes switch
    {
        [0, 0, 0, 0] => DssIdKind.DoNotProvision,
        [0xFF, 0xFF, 0xFF, 0xFF] => DssIdKind.AnyServer,
        _ => DssIdKind.Server,
    };

    /// <summary>Whether an ADVERTISE's DSS_ID matches this eCM-provided one (first 32 bytes of each).</summary>
    public bool Matches(DssId advertised) => Kind == DssIdKind.AnyServer || Effective.SequenceEqual(advertised.Effective);

    public bool Equals(DssId other) => Bytes.AsSpan().SequenceEqual(other.Bytes);
    public override bool Equals(object? obj) => obj is DssId d && Equals(d);
    public override int GetHashCode() => Bytes.Length;
    public static bool operator ==(DssId a, DssId b) => a.Equals(b);
    public static bool operator !=(DssId a, DssId b) => !a.Equals(b);

    public override string ToString() => Bytes.All(b => b is >= 0x20 and < 0x7F)
        ? System.Text.Encoding.ASCII.GetString(Bytes)
        : Convert.ToHexString(Bytes);
}
