using System.Net;
using EUeConformance.Protocols.Dhcp;

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

    public VendorData ToVendorData() => new(CableLabs.EnterpriseNumber, Encode());

    /// <summary>Option 125 holding only the CableLabs block.</summary>
    public DhcpOption ToOption() => new VendorIdentifyingData([ToVendorData()]).ToOption();

    public bool Equals(CableLabsV4Options? other) => other is not null && SubOptions.Equals(other.SubOptions);
    public override bool Equals(object? obj) => Equals(obj as CableLabsV4Options);
    public override int GetHashCode() => SubOptions.Count;
}

/// <summary>
/// CL_V4OPTION_CCCV6 content: sub-option 1 primary DSS_ID, 2 secondary DSS_ID (EUE-PROV 6.3.2.2,
/// 6.4.1.2; format settled in <see cref="OptionSpaces.ClV4OptionCccv6"/>). The DSS_ID is the same
/// <see cref="DssId"/> that DHCPv6 CL_OPTION_CCCV6 carries; only the framing (1-octet code and length) is DHCPv4's.
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
        var items = new List<SubOption> { new(PrimaryCode, primary.Bytes.Span) };
        if (secondary is { } s) items.Add(new SubOption(SecondaryCode, s.Bytes.Span));
        return new Cccv6DssIds(new SubOptionList(items));
    }

    public byte[] Encode() => SubOptions.Encode();

    public bool Equals(Cccv6DssIds? other) => other is not null && SubOptions.Equals(other.SubOptions);
    public override bool Equals(object? obj) => Equals(obj as Cccv6DssIds);
    public override int GetHashCode() => SubOptions.Count;
}
