using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Overrides;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>A DHCPv6 client a responder knows: its MAC, the addresses it may lease, standing omissions, and whether it may have Rapid Commit.</summary>
public sealed record Dhcp6Client(PhysicalAddress Mac, IReadOnlyList<IPAddress> Addresses, IReadOnlyList<Override> Standing, bool AllowRapidCommit)
{
    public string Key => Mac.ToString();
}

/// <summary>One DHCPv6 server's decisions (eCM or eUE); both share UDP port 547 through <see cref="Dhcp6Server"/>.</summary>
public interface IDhcp6Responder
{
    /// <summary>The evidence service name, "ecm-dhcpv6" or "eue-dhcpv6".</summary>
    string Service { get; }
    OverrideSet Overrides { get; }
    bool Serves(PhysicalAddress mac);
    Decision<Protocols.Dhcp6.Dhcp6Message> Decide(Protocols.Dhcp6.Dhcp6Message message, Dhcp6Context context);
}
