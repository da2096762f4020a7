using System.Net;
using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Steps.Bed;

/// <summary>
/// The standard operator network every scenario starts from (documentation prefixes only: 192.0.2.0/24 and
/// 2001:db8:1::/64, RFC 5737 / RFC 3849): the headend's addresses, the leases the eCM and the eUE get, two eUE
/// DHCP server identities (so server selection by option 122 and DSS_ID can be seen), the names in DNS.
/// </summary>
public static class LabAddresses
{
    public static readonly IPAddress HeadendV4 = IPAddress.Parse("192.0.2.1");
    /// <summary>The second eUE DHCPv4 server identity (option 54) the headend can answer as.</summary>
    public static readonly IPAddress SecondServerV4 = IPAddress.Parse("192.0.2.2");
    /// <summary>A server no eCM option names (6.3.2.2: the eUE must ignore its OFFERs).</summary>
    public static readonly IPAddress RogueServerV4 = IPAddress.Parse("192.0.2.3");
    public static readonly IPAddress HeadendV6 = IPAddress.Parse("2001:db8:1::1");
    public static readonly IPAddress Ipv6Prefix = IPAddress.Parse("2001:db8:1::");

    public static readonly IPAddress EcmV4 = IPAddress.Parse("192.0.2.10");
    public static readonly IPAddress EueV4 = IPAddress.Parse("192.0.2.20");
    public static readonly IPAddress EueV4Spare = IPAddress.Parse("192.0.2.21");
    public static readonly IPAddress EcmV6 = IPAddress.Parse("2001:db8:1::10");
    public static readonly IPAddress EueV6 = IPAddress.Parse("2001:db8:1::20");
    public static readonly IPAddress EueV6Spare = IPAddress.Parse("2001:db8:1::21");

    public const string Domain = "example.net";
    public const string EueFqdn = "eue1.example.net";
    public const string ProvisioningServerFqdn = "prov.example.net";
    public const string ConfigServerFqdn = "config.example.net";
    public const string ConfigFileName = "eue1.cfg";
    public const string EcmConfigFileName = "cm1.cfg";

    public static readonly DssId PrimaryDssId = DssId.FromAscii("PRIMARY-DSS");
    public static readonly DssId SecondaryDssId = DssId.FromAscii("SECONDARY-DSS");
    public static readonly DssId RogueDssId = DssId.FromAscii("ROGUE-DSS");
}
