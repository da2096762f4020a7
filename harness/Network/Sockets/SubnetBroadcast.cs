using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>IPv4 broadcast addresses: the limited one and a subnet's directed one (RFC 919, RFC 1812 §5.3.5).</summary>
public static class SubnetBroadcast
{
    /// <summary>The all-ones host part of <paramref name="a"/>'s subnet; null for /31 and /32, which have none (RFC 3021).</summary>
    public static IPAddress? Of(InterfaceAddress a)
    {
        if (a.Address.AddressFamily != AddressFamily.InterNetwork || a.PrefixLength >= 31) return null;
        var b = a.Address.GetAddressBytes();
        for (int i = 0; i < 4; i++)
        {
            int hostBits = Math.Clamp(32 - a.PrefixLength - (3 - i) * 8, 0, 8);
            b[i] |= (byte)((1 << hostBits) - 1);
        }
        return new IPAddress(b);
    }

    /// <summary>True for 255.255.255.255 and for the broadcast address of any of <paramref name="addresses"/>' subnets.</summary>
    public static bool IsBroadcast(IPAddress destination, IEnumerable<InterfaceAddress> addresses) =>
        destination.Equals(IPAddress.Broadcast) || addresses.Any(a => destination.Equals(Of(a)));
}
