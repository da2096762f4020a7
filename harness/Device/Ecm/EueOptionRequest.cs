using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// Which E-UE provisioning options the eCM asks its DHCP server for, decided by what its eUE
/// supports (EUE-PROV 6.3.1 Table 2 CM1, Table 3 CM1v6): the eUE's DHCPv4 servers only for an IPv4-capable
/// eUE, its DHCPv6 DSS_IDs only for an IPv6-capable one, and the preference only for a dual-stack one.
/// </summary>
public sealed record EueOptionRequest(bool Dhcpv4Servers, bool Dhcpv6DssIds, bool IpPreference)
{
    // EUE-PROV 6.3.1 Table 2 CM1 / Table 3 CM1v6: each request is made if and only if the eUE supports that mode;
    // the preference is asked for if and only if it supports both.
    public static EueOptionRequest For(IpModeSupport eueModes) =>
        new(eueModes.SupportsIpv4(), eueModes.SupportsIpv6(), eueModes.IsDualStack());

    public bool Any => Dhcpv4Servers || Dhcpv6DssIds;
    public bool Both => Dhcpv4Servers && Dhcpv6DssIds;

    // EUE-PROV 6.3.1 Table 2 CM1: option 122 goes into the parameter request list (option 55) only for an IPv4-capable eUE.
    public IEnumerable<byte> Dhcpv4ParameterRequestCodes()
    {
        if (Dhcpv4Servers) yield return DhcpOptionCode.CableLabsClientConfiguration;
    }

    // EUE-PROV 6.3.1 Table 2 CM1: CL_V4OPTION_ORO inside option 125 asks for CCCV6 (123) for an IPv6-capable eUE,
    // and for IP_PREF (124) as well for a dual-stack one; no option 125 request otherwise.
    public IReadOnlyList<byte> ClV4OptionOro()
    {
        var codes = new List<byte>();
        if (Dhcpv6DssIds) codes.Add(CableLabsV4Options.Cccv6Code);
        if (IpPreference) codes.Add(CableLabsV4Options.IpPrefCode);
        return codes;
    }

    // EUE-PROV 6.3.1 Table 3 CM1v6: CL_OPTION_ORO carries CL_OPTION_CCC for an IPv4-capable eUE, CL_OPTION_CCCV6 for an
    // IPv6-capable one, and CL_OPTION_IP_PREF as well for a dual-stack one.
    public IReadOnlyList<ushort> ClOptionOro()
    {
        var codes = new List<ushort>();
        if (Dhcpv4Servers) codes.Add(ClOptionCode.Ccc);
        if (Dhcpv6DssIds) codes.Add(ClOptionCode.Cccv6);
        if (IpPreference) codes.Add(ClOptionCode.IpPref);
        return codes;
    }
}
