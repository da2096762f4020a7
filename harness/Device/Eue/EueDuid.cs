using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Device.Eue;

/// <summary>
/// The eUE's one client identity for both DHCP versions: a DUID-LL of its own MAC (any RFC 3315 §9.1 DUID
/// is allowed, Table 5 eUE-1) with IAID 1, used as OPTION_CLIENTID in IPv6 mode and, per RFC 4361, as
/// option 61 in IPv4 mode, so the eUE is identified alike in both (EUE-PROV 6.3.3).
/// </summary>
public static class EueDuid
{
    public const uint Iaid = 1;

    public static Duid For(System.Net.NetworkInformation.PhysicalAddress eueMac) =>
        Duid.Ll(Duid.HardwareTypeEthernet, eueMac.GetAddressBytes());
}
