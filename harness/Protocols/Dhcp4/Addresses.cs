using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>IPv4 address helpers for option values (4 bytes each, network order).</summary>
public static class Addresses
{
    public static IPAddress One(ReadOnlySpan<byte> four) => new(four[..4]);

    public static IReadOnlyList<IPAddress> List(ReadOnlySpan<byte> value)
    {
        var list = new IPAddress[value.Length / 4];
        for (int i = 0; i < list.Length; i++) list[i] = new IPAddress(value.Slice(i * 4, 4));
        return list;
    }

    public static byte[] Bytes(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork) throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        return address.GetAddressBytes();
    }

    public static byte[] Bytes(IEnumerable<IPAddress> addresses) => [.. addresses.SelectMany(Bytes)];

    public static void Write(Span<byte> destination, IPAddress? address)
    {
        if (address is null) { destination[..4].Clear(); return; }
        if (address.AddressFamily != AddressFamily.InterNetwork) throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        if (!address.TryWriteBytes(destination, out _)) throw new ArgumentException("no room for an IPv4 address", nameof(destination));
    }

    public static uint ToUInt32(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(Bytes(address));
}
