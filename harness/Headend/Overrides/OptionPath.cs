using System.Globalization;

namespace EUeConformance.Headend.Overrides;

/// <summary>
/// Where an option sits, as dotted codes from the top of the message: "54" (DHCPv4 server identifier),
/// "122.6" (option 122 sub-option 6, the realm), "125.123.1" (option 125, CableLabs' block, CL_V4OPTION_CCCV6,
/// primary DSS_ID), "17.2171.3" (OPTION_VENDOR_OPTS, CableLabs' options, CL_OPTION_CCCV6, PROV_SNMP_ENTITY),
/// "3.5" (IA_NA's IAADDR). Inside option 125 (DHCPv4) and 17 (DHCPv6) the codes are CableLabs' (enterprise
/// 4491), the only vendor the flows use.
/// </summary>
public sealed record OptionPath(IReadOnlyList<ushort> Codes)
{
    public static OptionPath Parse(string text)
    {
        var parts = text.Split('.', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => !ushort.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new FormatException($"'{text}' is not an option path: dotted option codes such as 122.6 or 17.2171.3");
        return new OptionPath([.. parts.Select(p => ushort.Parse(p, CultureInfo.InvariantCulture))]);
    }

    public ushort Top => Codes[0];
    public OptionPath Rest => new([.. Codes.Skip(1)]);
    public bool IsLeaf => Codes.Count == 1;

    public bool Equals(OptionPath? other) => other is not null && Codes.SequenceEqual(other.Codes);
    public override int GetHashCode() => Codes.Aggregate(17, (h, c) => h * 31 + c);
    public override string ToString() => string.Join('.', Codes);
}
