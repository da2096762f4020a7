using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Pcap;

[Flags]
public enum TcpFlags : byte { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10 }

/// <summary>
/// Ethernet II frames around IPv4/IPv6 and UDP/TCP, with correct lengths and checksums, so that a
/// pcap the harness synthesises (simulation fabric) decodes in Wireshark exactly like a capture.
/// A missing destination MAC is derived: ff:ff:ff:ff:ff:ff for 255.255.255.255, 33:33:xx for IPv6
/// multicast (RFC 2464 section 7), 01:00:5e:xx for IPv4 multicast (RFC 1112).
/// </summary>
public static partial class Frames
{
    const byte ProtoTcp = 6, ProtoUdp = 17;

    public static byte[] Udp(byte[] sourceMac, byte[]? destinationMac, IPEndPoint source, IPEndPoint destination,
        ReadOnlySpan<byte> payload, byte hopLimit = 64, ushort ipId = 0)
    {
        var l4 = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(l4.AsSpan(0), (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(l4.AsSpan(2), (ushort)destination.Port);
        BinaryPrimitives.WriteUInt16BigEndian(l4.AsSpan(4), (ushort)l4.Length);
        payload.CopyTo(l4.AsSpan(8));
        ushort sum = TransportChecksum(source.Address, destination.Address, ProtoUdp, l4);
        // RFC 768: a computed checksum of zero is sent as all ones.
        BinaryPrimitives.WriteUInt16BigEndian(l4.AsSpan(6), sum == 0 ? (ushort)0xFFFF : sum);
        return Ip(sourceMac, destinationMac, source.Address, destination.Address, ProtoUdp, l4, hopLimit, ipId);
    }

    public static byte[] Tcp(byte[] sourceMac, byte[]? destinationMac, IPEndPoint source, IPEndPoint destination,
        uint sequence, uint acknowledgement, TcpFlags flags, ReadOnlySpan<byte> payload, ushort window = 65535, byte hopLimit = 64, ushort ipId = 0)
    {
        var l4 = new byte[20 + payload.Length];
        var s = l4.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(s[0..], (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], (ushort)destination.Port);
        BinaryPrimitives.WriteUInt32BigEndian(s[4..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(s[8..], acknowledgement);
        s[12] = 5 << 4; // data offset: 5 words, no options
        s[13] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(s[14..], window);
        payload.CopyTo(s[20..]);
        BinaryPrimitives.WriteUInt16BigEndian(s[16..], TransportChecksum(source.Address, destination.Address, ProtoTcp, l4));
        return Ip(sourceMac, destinationMac, source.Address, destination.Address, ProtoTcp, l4, hopLimit, ipId);
    }

    static byte[] Ip(byte[] sourceMac, byte[]? destinationMac, IPAddress source, IPAddress destination, byte protocol,
        ReadOnlySpan<byte> l4, byte hopLimit, ushort ipId)
    {
        if (source.AddressFamily != destination.AddressFamily) throw new ArgumentException("source and destination are of different IP versions");
        if (sourceMac.Length != 6) throw new ArgumentException("a MAC address has 6 bytes", nameof(sourceMac));
        var buffer = new WireBuffer(14 + 40 + l4.Length);
        buffer.WriteBytes(destinationMac ?? DestinationMac(destination));
        buffer.WriteBytes(sourceMac);
        if (source.AddressFamily == AddressFamily.InterNetwork)
        {
            buffer.WriteUInt16(0x0800);
            int start = buffer.Length;
            buffer.WriteByte(0x45);
            buffer.WriteByte(0);
            buffer.WriteUInt16((ushort)(20 + l4.Length));
            buffer.WriteUInt16(ipId);
            buffer.WriteUInt16(0x4000); // don't fragment
            buffer.WriteByte(hopLimit);
            buffer.WriteByte(protocol);
            buffer.WriteUInt16(0);
            buffer.WriteBytes(source.GetAddressBytes());
            buffer.WriteBytes(destination.GetAddressBytes());
            var frame = buffer.ToArray();
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(start + 10), InternetChecksum(frame.AsSpan(start, 20)));
            return [.. frame, .. l4];
        }
        buffer.WriteUInt16(0x86DD);
        buffer.WriteUInt32(0x60000000);
        buffer.WriteUInt16((ushort)l4.Length);
        buffer.WriteByte(protocol);
        buffer.WriteByte(hopLimit);
        buffer.WriteBytes(source.GetAddressBytes());
        buffer.WriteBytes(destination.GetAddressBytes());
        buffer.WriteBytes(l4);
        return buffer.ToArray();
    }

    public static byte[] DestinationMac(IPAddress destination)
    {
        var b = destination.GetAddressBytes();
        if (destination.AddressFamily == AddressFamily.InterNetworkV6 && b[0] == 0xFF)
            return [0x33, 0x33, b[12], b[13], b[14], b[15]];
        if (destination.Equals(IPAddress.Broadcast)) return [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        if (destination.AddressFamily == AddressFamily.InterNetwork && b[0] >= 224 && b[0] <= 239)
            return [0x01, 0x00, 0x5E, (byte)(b[1] & 0x7F), b[2], b[3]];
        throw new ArgumentException($"no destination MAC given for unicast {destination}");
    }

    /// <summary>RFC 1071 one's-complement sum, folded and complemented.</summary>
    public static ushort InternetChecksum(ReadOnlySpan<byte> data, uint initial = 0)
    {
        uint sum = initial;
        int i = 0;
        for (; i + 1 < data.Length; i += 2) sum += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length) sum += (uint)(data[i] << 8);
        while (sum >> 16 != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    /// <summary>UDP/TCP checksum over the IPv4 (RFC 768) or IPv6 (RFC 8200 section 8.1) pseudo-header.</summary>
    static ushort TransportChecksum(IPAddress source, IPAddress destination, byte protocol, ReadOnlySpan<byte> l4)
    {
        uint sum = 0;
        foreach (var a in new[] { source, destination })
        {
            var b = a.GetAddressBytes();
            for (int i = 0; i < b.Length; i += 2) sum += (uint)(b[i] << 8 | b[i + 1]);
        }
        sum += protocol;
        sum += (uint)l4.Length & 0xFFFF;
        sum += (uint)l4.Length >> 16;
        return InternetChecksum(l4, sum);
    }
}
