using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// Builds the evidence frames of the real fabrics from what their endpoints send and receive:
/// loopback cannot be sniffed per logical host at all, and even in a namespace the endpoints know
/// the logical addresses and MACs better than a capture on lo would. Ethernet/IP/UDP framing and
/// checksums come from harness/Protocols/Pcap/Frames, so Wireshark decodes these like a capture.
/// </summary>
internal static class FrameSynthesis
{
    /// <summary>Stands in for a MAC the fabric does not know (a unicast peer outside it): 00:00:00:00:00:00.</summary>
    public static readonly PhysicalAddress UnknownMac = new(new byte[6]);

    public static CapturedFrame Udp(DateTimeOffset at, string link, PhysicalAddress sourceMac, PhysicalAddress? destinationMac,
        IPEndPoint source, IPEndPoint destination, ReadOnlySpan<byte> payload)
    {
        var frame = Frames.Udp(sourceMac.GetAddressBytes(), DestinationMac(destination.Address, destinationMac),
            source, destination, payload, HopLimit(destination.Address));
        return new CapturedFrame(at, link, sourceMac, frame);
    }

    /// <summary>
    /// An ICMPv6 message a raw socket received (type, code, checksum, body) back in its Ethernet and
    /// IPv6 headers, hop limit 255 as neighbour discovery requires (RFC 4861 §6.1); the checksum is
    /// recomputed over the pseudo-header by Frames.Icmpv6.
    /// </summary>
    public static CapturedFrame Icmpv6(DateTimeOffset at, string link, PhysicalAddress sourceMac, PhysicalAddress? destinationMac,
        IPAddress source, IPAddress destination, ReadOnlySpan<byte> message)
    {
        var frame = Frames.Icmpv6(sourceMac.GetAddressBytes(), DestinationMac(destination, destinationMac), source, destination, message[0], message[1], message[4..]);
        return new CapturedFrame(at, link, sourceMac, frame);
    }

    static byte[] DestinationMac(IPAddress destination, PhysicalAddress? known) =>
        IsGroup(destination) ? Frames.DestinationMac(destination) : (known ?? UnknownMac).GetAddressBytes();

    /// <summary>Link-scope traffic (broadcast, ff02::/16) is sent with hop limit 1 by DHCP and friends; the rest with 64.</summary>
    static byte HopLimit(IPAddress destination) => destination.IsIPv6Multicast ? (byte)1 : (byte)64;

    public static bool IsGroup(IPAddress address) =>
        address.Equals(IPAddress.Broadcast) || address.IsIPv6Multicast ||
        (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] is >= 224 and <= 239);
}
