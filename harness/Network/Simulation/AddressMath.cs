using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Simulation;

/// <summary>The address arithmetic a link needs: prefixes, broadcasts, scopes and the EUI-64 link-local address.</summary>
internal static class AddressMath
{
    public static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");
    public static readonly IPAddress AllRouters = IPAddress.Parse("ff02::2");

    /// <summary>
    /// fe80::/64 with the modified EUI-64 interface identifier of <paramref name="mac"/> (RFC 4291
    /// Appendix A): ff:fe inserted in the middle, and the universal/local bit inverted.
    /// </summary>
    public static IPAddress LinkLocalFromMac(PhysicalAddress mac)
    {
        var m = mac.GetAddressBytes();
        if (m.Length != 6) throw new ArgumentException("an Ethernet MAC has 6 bytes", nameof(mac));
        return new IPAddress(new byte[] { 0xFE, 0x80, 0, 0, 0, 0, 0, 0, (byte)(m[0] ^ 0x02), m[1], m[2], 0xFF, 0xFE, m[3], m[4], m[5] });
    }

    public static bool InPrefix(IPAddress address, IPAddress prefix, int length)
    {
        if (address.AddressFamily != prefix.AddressFamily) return false;
        return CommonPrefixLength(address, prefix) >= length;
    }

    public static int CommonPrefixLength(IPAddress a, IPAddress b)
    {
        var x = a.GetAddressBytes();
        var y = b.GetAddressBytes();
        if (x.Length != y.Length) return 0;
        int bits = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int diff = x[i] ^ y[i];
            if (diff == 0) { bits += 8; continue; }
            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)diff) - 24;
        }
        return bits;
    }

    /// <summary>The subnet-directed broadcast of an IPv4 interface address (RFC 919, RFC 922); null for /31 and /32, which have none.</summary>
    public static IPAddress? DirectedBroadcast(InterfaceAddress address)
    {
        if (address.Address.AddressFamily != AddressFamily.InterNetwork || address.PrefixLength >= 31) return null;
        var b = address.Address.GetAddressBytes();
        uint value = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        value |= uint.MaxValue >> address.PrefixLength;
        return new IPAddress(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
    }

    public static bool IsIPv4Multicast(IPAddress a) =>
        a.AddressFamily == AddressFamily.InterNetwork && a.GetAddressBytes()[0] is >= 224 and <= 239;

    public static bool IsGroup(IPAddress a) => a.IsIPv6Multicast || IsIPv4Multicast(a) || a.Equals(IPAddress.Broadcast);

    /// <summary>Link-local unicast or a multicast group of interface- or link-local scope (RFC 4291 section 2.7): meaningless without an interface.</summary>
    public static bool IsLinkScoped(IPAddress a) =>
        a.IsIPv6LinkLocal || (a.IsIPv6Multicast && (a.GetAddressBytes()[1] & 0x0F) <= 2);

    public static bool IsUnspecified(IPAddress a) => a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any);

    /// <summary>The address without its scope ID, for comparing addresses as the wire carries them.</summary>
    public static IPAddress Unscoped(IPAddress a) =>
        a.AddressFamily == AddressFamily.InterNetworkV6 && a.ScopeId != 0 ? new IPAddress(a.GetAddressBytes()) : a;

    /// <summary>The address as a host with interface <paramref name="interfaceIndex"/> sees it: link-local ones carry that scope ID.</summary>
    public static IPAddress ScopedFor(IPAddress a, long interfaceIndex) =>
        a.IsIPv6LinkLocal ? new IPAddress(a.GetAddressBytes(), interfaceIndex) : Unscoped(a);

    public static bool SameAddress(IPAddress a, IPAddress b) => Unscoped(a).Equals(Unscoped(b));
}
