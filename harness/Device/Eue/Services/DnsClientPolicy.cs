using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Device.Eue.Services;

/// <summary>The eUE's DNS client rules (EUE-PROV 6.1.2, Table 5 eUE-20). Overridable for mutants.</summary>
public class DnsClientPolicy
{
    /// <summary>6.1.2, eUE-20: A queries in IPv4 mode, AAAA queries in IPv6 mode.</summary>
    public virtual DnsType AddressQuery(IpAddressingMode mode) => mode == IpAddressingMode.Ipv6 ? DnsType.Aaaa : DnsType.A;

    /// <summary>6.1.2: the DNS servers DHCP gave, in their order, each tried in turn.</summary>
    public virtual IReadOnlyList<IPAddress> Servers(IReadOnlyList<IPAddress> given) => given;
}
