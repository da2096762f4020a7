using System.Net;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Pcap;

/// <summary>A Prefix Information option (RFC 4861 section 4.6.2).</summary>
/// <param name="OnLink">The L flag.</param>
/// <param name="Autonomous">The A flag: hosts may form addresses from the prefix themselves (SLAAC).</param>
public sealed record NdPrefix(IPAddress Prefix, int Length, bool OnLink, bool Autonomous, TimeSpan ValidLifetime, TimeSpan PreferredLifetime);

/// <summary>
/// The IPv6 neighbour discovery messages (RFC 4861 section 4) a capture of a provisioning flow
/// holds: router solicitation and advertisement, and the neighbour solicitation and advertisement
/// of duplicate address detection (RFC 4862 section 5.4). Built as ICMPv6 frames by
/// <see cref="Frames.Icmpv6"/>, with a link-layer address option wherever the source is specified.
/// </summary>
public static class NeighborDiscoveryFrames
{
    const byte RouterSolicitationType = 133, RouterAdvertisementType = 134;
    const byte NeighborSolicitationType = 135, NeighborAdvertisementType = 136;
    const byte SourceLinkLayerOption = 1, TargetLinkLayerOption = 2, PrefixInformationOption = 3;

    public static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");
    public static readonly IPAddress AllRouters = IPAddress.Parse("ff02::2");

    /// <summary>RFC 4861 section 4.1; an unspecified source carries no link-layer option (section 4.1, "MUST NOT").</summary>
    public static byte[] RouterSolicitation(byte[] sourceMac, IPAddress source)
    {
        var body = new WireBuffer(12);
        body.WriteUInt32(0); // reserved
        if (!source.Equals(IPAddress.IPv6Any)) LinkLayerOption(body, SourceLinkLayerOption, sourceMac);
        return Frames.Icmpv6(sourceMac, null, source, AllRouters, RouterSolicitationType, 0, body.WrittenSpan);
    }

    /// <summary>RFC 4861 section 4.2, with the router's link-layer address and its prefixes.</summary>
    public static byte[] RouterAdvertisement(byte[] sourceMac, byte[]? destinationMac, IPAddress source, IPAddress destination,
        bool managed, bool other, TimeSpan routerLifetime, IReadOnlyList<NdPrefix> prefixes, byte curHopLimit = 64)
    {
        var body = new WireBuffer(12 + 8 + 32 * prefixes.Count);
        body.WriteByte(curHopLimit);
        body.WriteByte((byte)((managed ? 0x80 : 0) | (other ? 0x40 : 0)));
        body.WriteUInt16((ushort)Math.Clamp(routerLifetime.TotalSeconds, 0, ushort.MaxValue));
        body.WriteUInt32(0); // reachable time: unspecified
        body.WriteUInt32(0); // retrans timer: unspecified
        LinkLayerOption(body, SourceLinkLayerOption, sourceMac);
        foreach (var p in prefixes)
        {
            body.WriteByte(PrefixInformationOption);
            body.WriteByte(4); // length in units of 8 octets
            body.WriteByte((byte)p.Length);
            body.WriteByte((byte)((p.OnLink ? 0x80 : 0) | (p.Autonomous ? 0x40 : 0)));
            body.WriteUInt32(Seconds(p.ValidLifetime));
            body.WriteUInt32(Seconds(p.PreferredLifetime));
            body.WriteUInt32(0); // reserved
            body.WriteBytes(Masked(p.Prefix, p.Length));
        }
        return Frames.Icmpv6(sourceMac, destinationMac, source, destination, RouterAdvertisementType, 0, body.WrittenSpan);
    }

    /// <summary>RFC 4861 section 4.3; for DAD the source is unspecified and the destination the target's solicited-node group.</summary>
    public static byte[] NeighborSolicitation(byte[] sourceMac, IPAddress source, IPAddress destination, IPAddress target)
    {
        var body = new WireBuffer(28);
        body.WriteUInt32(0); // reserved
        body.WriteBytes(target.GetAddressBytes());
        if (!source.Equals(IPAddress.IPv6Any)) LinkLayerOption(body, SourceLinkLayerOption, sourceMac);
        return Frames.Icmpv6(sourceMac, null, source, destination, NeighborSolicitationType, 0, body.WrittenSpan);
    }

    /// <summary>RFC 4861 section 4.4; a defence of an address against DAD goes to all-nodes, unsolicited, with O set (RFC 4861 section 7.2.4).</summary>
    public static byte[] NeighborAdvertisement(byte[] sourceMac, byte[]? destinationMac, IPAddress source, IPAddress destination, IPAddress target,
        bool router, bool solicited, bool @override)
    {
        var body = new WireBuffer(28);
        body.WriteUInt32((router ? 0x80000000u : 0) | (solicited ? 0x40000000u : 0) | (@override ? 0x20000000u : 0));
        body.WriteBytes(target.GetAddressBytes());
        LinkLayerOption(body, TargetLinkLayerOption, sourceMac);
        return Frames.Icmpv6(sourceMac, destinationMac, source, destination, NeighborAdvertisementType, 0, body.WrittenSpan);
    }

    /// <summary>The solicited-node multicast group of an address (RFC 4291 section 2.7.1): ff02::1:ff and its low 24 bits.</summary>
    public static IPAddress SolicitedNodeGroup(IPAddress address)
    {
        var a = address.GetAddressBytes();
        return new IPAddress(new byte[] { 0xFF, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF, a[13], a[14], a[15] });
    }

    static void LinkLayerOption(WireBuffer body, byte type, byte[] mac)
    {
        body.WriteByte(type);
        body.WriteByte(1); // 8 octets: type, length and a 6-octet MAC
        body.WriteBytes(mac);
    }

    static uint Seconds(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span.TotalSeconds >= uint.MaxValue ? uint.MaxValue : (uint)Math.Max(0, span.TotalSeconds);

    static byte[] Masked(IPAddress prefix, int length)
    {
        var b = prefix.GetAddressBytes();
        for (int i = 0; i < b.Length; i++)
        {
            int keep = Math.Clamp(length - i * 8, 0, 8);
            b[i] &= (byte)(0xFF << (8 - keep));
        }
        return b;
    }
}
