namespace EUeConformance.Protocols.Dhcp;

/// <summary>
/// What CableLabs numbers once for both DHCP versions: its enterprise number (IANA SMI 4491), under which
/// DHCPv4 option 124/125 (RFC 3925) and DHCPv6 OPTION_VENDOR_CLASS/OPTION_VENDOR_OPTS carry the CableLabs
/// options, and the eUE's device class string of EUE-PROV 6.6.1.
/// </summary>
public static class CableLabs
{
    public const uint EnterpriseNumber = 4491;

    /// <summary>
    /// EUE-PROV 6.6.1: an eUE names itself "pktc2.0": the OPTION_VENDOR_CLASS data item in DHCPv6, and the
    /// prefix before the TLV 5 capabilities in DHCPv4 option 60.
    /// </summary>
    public const string Pktc20 = "pktc2.0";
}
