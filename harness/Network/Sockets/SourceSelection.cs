using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// The source address a one-interface host's kernel picks for a wildcard socket (RFC 6724 §5,
/// reduced to the rules that matter on one link): the link-local address for link-scope
/// destinations and a global one otherwise (rule 2, matching scope), an address on the
/// destination's prefix first (rule 8, longest match, approximated by on-prefix); the unspecified
/// address when the host has none of that family (a DHCP client before its lease, RFC 2131 §4.1).
/// The loopback fabric uses the choice; the namespace fabrics use it to label the evidence frame.
/// </summary>
public static class SourceSelection
{
    public static IPAddress Choose(IReadOnlyList<InterfaceAddress> addresses, IPAddress destination)
    {
        var family = destination.AddressFamily;
        var mine = addresses.Where(a => a.Address.AddressFamily == family).ToList();
        if (family == AddressFamily.InterNetworkV6)
        {
            bool linkScope = RouterDiscoveryMessages.IsLinkScoped(destination);
            var sameScope = mine.Where(a => a.Address.IsIPv6LinkLocal == linkScope).ToList();
            if (sameScope.Count > 0) mine = sameScope;
        }
        var onPrefix = mine.FirstOrDefault(a => InPrefix(destination, a.Address, a.PrefixLength));
        var chosen = (onPrefix ?? mine.FirstOrDefault())?.Address;
        return chosen is null ? (family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any) : new IPAddress(chosen.GetAddressBytes());
    }

    /// <summary>True when <paramref name="a"/> lies in <paramref name="network"/>/<paramref name="length"/>.</summary>
    public static bool InPrefix(IPAddress a, IPAddress network, int length)
    {
        if (a.AddressFamily != network.AddressFamily) return false;
        var x = a.GetAddressBytes();
        var y = network.GetAddressBytes();
        for (int i = 0; i < x.Length && length > 0; i++, length -= 8)
        {
            int mask = length >= 8 ? 0xFF : (0xFF00 >> length) & 0xFF;
            if ((x[i] & mask) != (y[i] & mask)) return false;
        }
        return true;
    }
}
