using System.Buffers.Binary;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// OPTION_VENDOR_OPTS (RFC 3315 §22.17): an enterprise number, then options of that vendor's
/// space, framed code(2) length(2). For 4491 the space is "vendor-4491" (see <see cref="CableLabsOptions"/>).
/// </summary>
public sealed class VendorOptions(uint enterpriseNumber, IReadOnlyList<Dhcp6Option> options)
{
    public uint EnterpriseNumber { get; } = enterpriseNumber;
    public IReadOnlyList<Dhcp6Option> Options { get; } = options;

    public static VendorOptions FromOption(Dhcp6Option option)
    {
        Dhcp6OptionSpaces.Dhcp6.Validate(option, Dhcp6OptionCode.VendorOpts);
        uint enterprise = BinaryPrimitives.ReadUInt32BigEndian(option.Span);
        return new VendorOptions(enterprise, option.ReadOptions(Dhcp6OptionSpaces.ForEnterprise(enterprise), 4));
    }

    /// <summary>The CableLabs view of these options, when the enterprise is 4491.</summary>
    public CableLabsOptions? CableLabs => EnterpriseNumber == Dhcp.CableLabs.EnterpriseNumber ? new CableLabsOptions(Options) : null;

    public Dhcp6Option ToOption()
    {
        var w = new Dhcp6OptionWriter();
        w.WriteUInt32(EnterpriseNumber);
        foreach (var o in Options) w.WriteOption(o);
        return new Dhcp6Option(Dhcp6OptionCode.VendorOpts, w.ToArray());
    }
}
