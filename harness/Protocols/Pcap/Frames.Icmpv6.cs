using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace EUeConformance.Protocols.Pcap;

public static partial class Frames
{
    const byte ProtoIcmpv6 = 58;

    /// <summary>
    /// An ICMPv6 message (RFC 4443 section 2.1: type, code, checksum, body) in IPv6 and Ethernet,
    /// with the checksum over the IPv6 pseudo-header (RFC 4443 section 2.3). Neighbour discovery
    /// messages go out with hop limit 255, which receivers check (RFC 4861 section 6.1).
    /// </summary>
    public static byte[] Icmpv6(byte[] sourceMac, byte[]? destinationMac, IPAddress source, IPAddress destination,
        byte type, byte code, ReadOnlySpan<byte> body, byte hopLimit = 255)
    {
        if (source.AddressFamily != AddressFamily.InterNetworkV6) throw new ArgumentException("ICMPv6 travels in IPv6", nameof(source));
        var message = new byte[4 + body.Length];
        message[0] = type;
        message[1] = code;
        body.CopyTo(message.AsSpan(4));
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), TransportChecksum(source, destination, ProtoIcmpv6, message));
        return Ip(sourceMac, destinationMac, source, destination, ProtoIcmpv6, message, hopLimit, 0);
    }
}
