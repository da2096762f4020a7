using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// Router Solicitation and Advertisement messages (RFC 4861 §4.1, §4.2) as the real fabrics put
/// them on raw ICMPv6 sockets and read them back. The bytes come from the project's one encoder,
/// harness/Protocols/Pcap/NeighborDiscoveryFrames (also used for the evidence), with the Ethernet
/// and IPv6 headers taken off: on a raw ICMPv6 socket the kernel adds the IPv6 header and
/// recomputes the checksum (RFC 3542 §3.1).
/// </summary>
internal static class RouterDiscoveryMessages
{
    public const byte SolicitationType = 133, AdvertisementType = 134;
    const byte OptionPrefixInformation = 3;
    const int EthernetAndIPv6 = 14 + 40;

    /// <summary>RFC 4861 §6.2.1 defaults: AdvValidLifetime 30 days, AdvPreferredLifetime 7 days.</summary>
    static readonly TimeSpan ValidLifetime = TimeSpan.FromDays(30), PreferredLifetime = TimeSpan.FromDays(7);

    /// <summary>The whole frame of a solicitation (no link-layer option from the unspecified source, §4.1).</summary>
    public static byte[] SolicitationFrame(PhysicalAddress mac, IPAddress source) =>
        NeighborDiscoveryFrames.RouterSolicitation(mac.GetAddressBytes(), Plain(source));

    /// <summary>
    /// The whole frame of an advertisement: M and O bits, router lifetime, the sender's MAC, one
    /// on-link prefix option per prefix, autonomous only when M is clear so that a host told
    /// "managed" takes its addresses from DHCPv6 alone (RFC 4862 §5.5.3, EUE-PROV 6.3.4).
    /// </summary>
    public static byte[] AdvertisementFrame(RouterAdvertisement advertisement, PhysicalAddress mac, PhysicalAddress? destinationMac, IPAddress source, IPAddress destination)
    {
        var prefixes = advertisement.Prefixes
            .Select(p => new NdPrefix(p.Address, p.PrefixLength, OnLink: true, Autonomous: !advertisement.Managed, ValidLifetime, PreferredLifetime))
            .ToList();
        return NeighborDiscoveryFrames.RouterAdvertisement(mac.GetAddressBytes(), destinationMac?.GetAddressBytes(), Plain(source), Plain(destination),
            advertisement.Managed, advertisement.Other, advertisement.RouterLifetime, prefixes);
    }

    /// <summary>The ICMPv6 message inside a frame built above: what a raw socket sends.</summary>
    public static byte[] Message(byte[] frame) => frame[EthernetAndIPv6..];

    static IPAddress Plain(IPAddress a) => a.ScopeId != 0 ? new IPAddress(a.GetAddressBytes()) : a;

    /// <summary>The ICMPv6 type, or null when the message is too short to have one.</summary>
    public static byte? TypeOf(ReadOnlySpan<byte> message) => message.Length >= 8 ? message[0] : null;

    /// <summary>
    /// Reads an advertisement, skipping options it does not know; null when it fails the length
    /// and code checks of RFC 4861 §6.1.2 (16 octets or more, code 0, no zero-length option).
    /// </summary>
    public static RouterAdvertisement? ReadAdvertisement(ReadOnlySpan<byte> message)
    {
        if (message.Length < 16 || message[0] != AdvertisementType || message[1] != 0) return null;
        bool managed = (message[5] & 0x80) != 0, other = (message[5] & 0x40) != 0;
        var lifetime = TimeSpan.FromSeconds(BinaryPrimitives.ReadUInt16BigEndian(message[6..]));
        var prefixes = new List<InterfaceAddress>();
        for (var rest = message[16..]; rest.Length >= 2;)
        {
            int length = rest[1] * 8;
            if (length == 0 || length > rest.Length) return null;
            if (rest[0] == OptionPrefixInformation && length == 32)
                prefixes.Add(new InterfaceAddress(new IPAddress(rest.Slice(16, 16)), rest[2]));
            rest = rest[length..];
        }
        return new RouterAdvertisement(managed, other, lifetime, prefixes);
    }

    /// <summary>The IPv6 link-local address RFC 4291 §2.5.1 and Appendix A derive from a 48-bit MAC (modified EUI-64).</summary>
    public static IPAddress LinkLocalFromMac(PhysicalAddress mac)
    {
        var m = mac.GetAddressBytes();
        if (m.Length != 6) throw new ArgumentException("an EUI-48 MAC has 6 bytes", nameof(mac));
        var a = new byte[16];
        a[0] = 0xFE; a[1] = 0x80;
        a[8] = (byte)(m[0] ^ 0x02); a[9] = m[1]; a[10] = m[2];
        a[11] = 0xFF; a[12] = 0xFE;
        a[13] = m[3]; a[14] = m[4]; a[15] = m[5];
        return new IPAddress(a);
    }

    public static IPAddress AllNodes { get; } = IPAddress.Parse("ff02::1");
    public static IPAddress AllRouters { get; } = IPAddress.Parse("ff02::2");

    public static bool IsLinkScoped(IPAddress a) =>
        a.AddressFamily == AddressFamily.InterNetworkV6 && (a.IsIPv6LinkLocal || (a.IsIPv6Multicast && (a.GetAddressBytes()[1] & 0x0F) == 2));
}
