using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// Which of a host's addresses a datagram goes out from when its socket is bound to Any and the
/// sender named none: the rules of RFC 6724 section 5 that matter on one link. IPv6: the scope
/// must fit the destination (rule 2: link-local for fe80:: and ff02::), then the longest matching
/// prefix (rule 8). IPv4: the address whose subnet holds the destination (as a routing table would),
/// else the first. A host without an address of the family sends from the unspecified address, as a
/// DHCPv4 client does before it has a lease (RFC 2131 section 4.1).
/// </summary>
internal static class SourceAddressSelection
{
    public static IPAddress Select(IPAddress destination, IReadOnlyList<InterfaceAddress> candidates)
    {
        if (destination.AddressFamily == AddressFamily.InterNetwork)
        {
            var v4 = candidates.Where(c => c.Address.AddressFamily == AddressFamily.InterNetwork).ToList();
            if (v4.Count == 0) return IPAddress.Any;
            var onLink = v4.FirstOrDefault(c => AddressMath.InPrefix(destination, c.Address, c.PrefixLength)
                || destination.Equals(AddressMath.DirectedBroadcast(c)));
            return (onLink ?? v4[0]).Address;
        }

        var v6 = candidates.Where(c => c.Address.AddressFamily == AddressFamily.InterNetworkV6).ToList();
        if (v6.Count == 0) return IPAddress.IPv6Any;
        var linkLocal = v6.FirstOrDefault(c => c.Address.IsIPv6LinkLocal);
        if (AddressMath.IsLinkScoped(destination) && linkLocal is not null) return linkLocal.Address;
        var wider = v6.Where(c => !c.Address.IsIPv6LinkLocal).ToList();
        if (wider.Count == 0) return v6[0].Address;
        // OrderByDescending is stable: among equal matches the first configured wins.
        return wider.OrderByDescending(c => AddressMath.CommonPrefixLength(c.Address, destination)).First().Address;
    }
}
