using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The E-UE provisioning options one eCM DHCP reply carried, read version-neutrally: the eUE's DHCPv4
/// servers (option 122 sub-options 1/2, or CL_OPTION_CCC), its DHCPv6 DSS_IDs (CL_V4OPTION_CCCV6 or
/// CL_OPTION_CCCV6 sub-options 1/2) and the preference (CL_V4OPTION_IP_PREF / CL_OPTION_IP_PREF).
/// Only what the eCM asked for is read (EUE-PROV Table 2/3 CM3 note, 6.3.2 ¶1: an option not requested
/// is ignored even when present). The raw options are kept for the eUE (6.2.1.1: the eCM relays them).
/// </summary>
public sealed record EueProvisioningOptions
{
    public bool HasDhcpv4Servers { get; init; }
    public IPAddress? Dhcpv4Primary { get; init; }
    public IPAddress? Dhcpv4Secondary { get; init; }
    public bool HasDhcpv6DssIds { get; init; }
    public DssId? DssIdPrimary { get; init; }
    public DssId? DssIdSecondary { get; init; }
    /// <summary>1 = IPv4, 2 = IPv6; other values are no preference.</summary>
    public byte? IpPreference { get; init; }
    /// <summary>The option 122 as received (DHCPv4 eCM), relayed to the eUE.</summary>
    public ClientConfiguration? Option122 { get; init; }
    /// <summary>The CL_OPTION_CCC as received (DHCPv6 eCM).</summary>
    public ClOptionCcc? ClOptionCcc { get; init; }
    /// <summary>The CL_OPTION_CCCV6 as received (DHCPv6 eCM).</summary>
    public ClOptionCccv6? ClOptionCccv6 { get; init; }
    /// <summary>The eCM's own DOCSIS configuration file, which the E-UE knows (6.2.1.2 bullet 5: the eUE's file is a separate one).</summary>
    public string? EcmConfigFileName { get; init; }

    public static EueProvisioningOptions None { get; } = new();

    /// <summary>Whether every requested option is present (and the preference too when both were asked for).</summary>
    public bool Complete(EueOptionRequest request) =>
        (!request.Dhcpv4Servers || HasDhcpv4Servers) && (!request.Dhcpv6DssIds || HasDhcpv6DssIds) && (!request.IpPreference || IpPreference is not null);

    /// <summary>Whether at least one requested option is present.</summary>
    public bool SatisfiesAny(EueOptionRequest request) =>
        (request.Dhcpv4Servers && HasDhcpv4Servers) || (request.Dhcpv6DssIds && HasDhcpv6DssIds);

    // EUE-PROV 6.3.1 Table 2 CM3 note, 6.3.2 ¶1: the eCM reads only the E-UE options it requested from a DHCPv4 OFFER/ACK.
    public static EueProvisioningOptions FromDhcpv4(DhcpMessage message, EueOptionRequest request)
    {
        var result = new EueProvisioningOptions();
        if (request.Dhcpv4Servers && Try(() => message.ClientConfiguration) is { } ccc)
            result = result with { HasDhcpv4Servers = ccc.PrimaryDhcpServer is not null, Dhcpv4Primary = ccc.PrimaryDhcpServer, Dhcpv4Secondary = ccc.SecondaryDhcpServer, Option122 = ccc };
        var cl = Try(() => message.CableLabsV4);
        if (request.Dhcpv6DssIds && cl is not null && Try(() => cl.Cccv6) is { } dss)
            result = result with { HasDhcpv6DssIds = dss.Primary is not null, DssIdPrimary = dss.Primary, DssIdSecondary = dss.Secondary };
        if (request.IpPreference && cl is not null && cl.SubOptions.Find(CableLabsV4Options.IpPrefCode) is { Value.Length: 1 } pref)
            result = result with { IpPreference = pref.Value[0] };
        return result;
    }

    // EUE-PROV 6.3.1 Table 3 CM3v6 note, 6.3.2 ¶1: the same for a DHCPv6 ADVERTISE/REPLY (CableLabs vendor options).
    public static EueProvisioningOptions FromDhcpv6(Dhcp6Message message, EueOptionRequest request)
    {
        var cl = Try(() => message.CableLabs);
        if (cl is null) return None;
        var result = new EueProvisioningOptions();
        if (request.Dhcpv4Servers && Try(() => cl.Ccc) is { } ccc)
        {
            var primary = Try(() => ccc.PrimaryDhcpServer);
            result = result with { HasDhcpv4Servers = primary is not null, Dhcpv4Primary = primary, Dhcpv4Secondary = Try(() => ccc.SecondaryDhcpServer), ClOptionCcc = ccc };
        }
        if (request.Dhcpv6DssIds && Try(() => cl.Cccv6) is { } cccv6)
            result = result with { HasDhcpv6DssIds = cccv6.PrimaryDssId is not null, DssIdPrimary = cccv6.PrimaryDssId, DssIdSecondary = cccv6.SecondaryDssId, ClOptionCccv6 = cccv6 };
        if (request.IpPreference && cl.Find(ClOptionCode.IpPref) is { Length: 1 } pref)
            result = result with { IpPreference = pref.Span[0] };
        return result;
    }

    /// <summary>A malformed option counts as absent: the eCM cannot use what it cannot read.</summary>
    static T? Try<T>(Func<T?> read) where T : class
    {
        try { return read(); }
        catch (EUeConformance.Protocols.Wire.ParseError) { return null; }
    }
}
