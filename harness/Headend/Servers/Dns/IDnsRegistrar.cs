using System.Net;

namespace EUeConformance.Headend.Servers.Dns;

/// <summary>
/// EUE-PROV 6.2.2: a DHCP server SHOULD update DNS and keep the mapping of each eUE's FQDN to its
/// address current. The DHCP servers call this when they bind a lease to a device with an FQDN (an A
/// record for DHCPv4, AAAA for DHCPv6); the DNS server's zones take it.
/// </summary>
public interface IDnsRegistrar
{
    void Register(string fqdn, IPAddress address);
    void Unregister(string fqdn, IPAddress address);
}
