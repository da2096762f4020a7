using System.Net;
using System.Net.NetworkInformation;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// The operator network the Debian servers are configured for (documentation addresses only): one headend
/// host carrying every server, the reference E-UE's two MACs with their reserved leases, the DSS_ID and realm
/// the DHCP servers hand out, and the provisioning server (snmptrapd) on an address only DNS tells.
/// </summary>
public static class LabPlan
{
    public static readonly PhysicalAddress HeadendMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    public static readonly PhysicalAddress EcmMac = PhysicalAddress.Parse("00-10-95-00-00-01");
    public static readonly PhysicalAddress EueMac = PhysicalAddress.Parse("00-10-95-00-00-02");

    /// <summary>Kea, dnsmasq, tftpd-hpa, rsyslog, radvd, xinetd (RFC 868).</summary>
    public static readonly IPAddress ServerV4 = IPAddress.Parse("192.0.2.1");
    public static readonly IPAddress ServerV6 = IPAddress.Parse("2001:db8:1::1");
    /// <summary>snmptrapd, the provisioning server's SNMP entity: the eUE learns it only by resolving <see cref="ProvisioningServerFqdn"/>.</summary>
    public static readonly IPAddress SnmpEntityV4 = IPAddress.Parse("192.0.2.162");
    public static readonly IPAddress SnmpEntityV6 = IPAddress.Parse("2001:db8:1::162");

    /// <summary>Kea host reservations.</summary>
    public static readonly IPAddress EcmV4 = IPAddress.Parse("192.0.2.10");
    public static readonly IPAddress EueV4 = IPAddress.Parse("192.0.2.20");
    public static readonly IPAddress EcmV6 = IPAddress.Parse("2001:db8:1::10");
    public static readonly IPAddress EueV6 = IPAddress.Parse("2001:db8:1::20");
    public const string Prefix6 = "2001:db8:1::";

    public const string Domain = "example.net";
    public const string EueHostName = "eue1";
    public const string EueFqdn = "eue1.example.net";
    public const string ProvisioningServerFqdn = "prov.example.net";
    /// <summary>BASIC.2: the Basic flow with the final provisioning-status INFORM (FlowPolicy), which snmptrapd can take.</summary>
    public const string Realm = "BASIC.2";
    /// <summary>The DSS_ID of the one eUE DHCPv6 server (Kea), in CL_OPTION_CCCV6 / CL_V4OPTION_CCCV6 sub-option 1.</summary>
    public const string DssId = "KEA-DSS-1";
    public const string ConfigFileName = "eue1.cfg";
    /// <summary>The eCM's time offset (DHCPv4 option 2, CL_OPTION_TIME_OFFSET 38), seconds.</summary>
    public const int TimeOffsetSeconds = -18000;
    /// <summary>122.8 / CCCV6.8, minutes.</summary>
    public const byte ProvisioningTimerMinutes = 5;
}
