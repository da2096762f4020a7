using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Overrides;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>A client a responder knows: its MAC, the addresses it may lease, and the database's standing omissions for it.</summary>
public sealed record Dhcp4Client(PhysicalAddress Mac, IReadOnlyList<IPAddress> Addresses, IReadOnlyList<Override> Standing)
{
    public string Key => Mac.ToString();
}
