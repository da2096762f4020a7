using System.Buffers.Binary;
using System.Net;

namespace EUeConformance.Protocols.Pcap;

/// <summary>
/// One IPv6 neighbour discovery message (RFC 4861 section 4) as it crossed the link: the Ethernet and
/// IPv6 addressing around it (duplicate address detection is told apart by its unspecified source,
/// RFC 4862 section 5.4.2), the hop limit receivers check (255, section 6.1), and the fields the
/// provisioning flows look at.
/// </summary>
/// <param name="Type">133 RS, 134 RA, 135 NS, 136 NA.</param>
/// <param name="Target">NS and NA: the target address.</param>
/// <param name="LinkLayerAddress">The source (RS, RA, NS) or target (NA) link-layer address option, when present.</param>
/// <param name="Flags">NA: R, S, O in the top bits; RA: M (0x80) and O (0x40).</param>
public sealed record NdMessage(byte[] SourceMac, byte[] DestinationMac, IPAddress Source, IPAddress Destination, byte HopLimit,
    byte Type, byte Code, IPAddress? Target, byte[]? LinkLayerAddress, uint Flags)
{
    public const byte RouterSolicitation = 133, RouterAdvertisement = 134, NeighborSolicitation = 135, NeighborAdvertisement = 136;

    /// <summary>"RS", "RA", "NS" or "NA".</summary>
    public string Kind => Type switch
    {
        RouterSolicitation => "RS",
        RouterAdvertisement => "RA",
        NeighborSolicitation => "NS",
        _ => "NA",
    };

    /// <summary>A Neighbor Solicitation from the unspecified address: a duplicate address detection probe.</summary>
    public bool IsDadProbe => Type == NeighborSolicitation && Source.Equals(IPAddress.IPv6Any);
}

/// <summary>Reads neighbour discovery messages out of captured Ethernet frames (the inverse of <see cref="NeighborDiscoveryFrames"/>).</summary>
public static class NeighborDiscoveryReader
{
    const int EthernetHeader = 14, Ipv6Header = 40;
    const byte ProtoIcmpv6 = 58;

    /// <summary>
    /// The neighbour discovery message in <paramref name="frame"/>, or null when the frame is something else
    /// (not IPv6, a next header other than ICMPv6, an ICMPv6 type outside 133-136) or too short to hold one.
    /// </summary>
    public static NdMessage? TryRead(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < EthernetHeader + Ipv6Header + 4) return null;
        if (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x86DD) return null;
        var ip = frame[EthernetHeader..];
        if (ip[0] >> 4 != 6 || ip[6] != ProtoIcmpv6) return null;
        int payload = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        var icmp = ip[Ipv6Header..];
        if (payload < 4 || icmp.Length < payload) return null;
        icmp = icmp[..payload];
        byte type = icmp[0];
        if (type is < NdMessage.RouterSolicitation or > NdMessage.NeighborAdvertisement) return null;
        var source = new IPAddress(ip.Slice(8, 16));
        var destination = new IPAddress(ip.Slice(24, 16));
        IPAddress? target = null;
        uint flags = 0;
        int optionsAt;
        switch (type)
        {
            case NdMessage.RouterSolicitation:
                optionsAt = 8;
                break;
            case NdMessage.RouterAdvertisement:
                if (icmp.Length < 16) return null;
                flags = icmp[5];
                optionsAt = 16;
                break;
            default:
                if (icmp.Length < 24) return null;
                flags = BinaryPrimitives.ReadUInt32BigEndian(icmp[4..]);
                target = new IPAddress(icmp.Slice(8, 16));
                optionsAt = 24;
                break;
        }
        byte[]? lla = null;
        byte wanted = type == NdMessage.NeighborAdvertisement ? (byte)2 : (byte)1;
        for (int at = optionsAt; at + 2 <= icmp.Length;)
        {
            int length = icmp[at + 1] * 8;
            if (length == 0 || at + length > icmp.Length) break;
            if (icmp[at] == wanted && length >= 8) lla = icmp.Slice(at + 2, 6).ToArray();
            at += length;
        }
        return new NdMessage(frame[6..12].ToArray(), frame[..6].ToArray(), source, destination, ip[7], type, icmp[1], target, lla, flags);
    }
}
