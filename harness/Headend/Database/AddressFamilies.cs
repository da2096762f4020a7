using System.Net;
using System.Net.Sockets;

namespace EUeConformance.Headend.Database;

/// <summary>Splitting the mixed address lists of the database by family (DHCPv4 carries only IPv4, DHCPv6 only IPv6).</summary>
public static class AddressFamilies
{
    public static IReadOnlyList<IPAddress> V4(this IEnumerable<IPAddress> addresses) => [.. addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork)];
    public static IReadOnlyList<IPAddress> V6(this IEnumerable<IPAddress> addresses) => [.. addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6)];
}
