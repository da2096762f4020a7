using System.Buffers.Binary;

namespace EUeConformance.Protocols.Dhcp;

/// <summary>DUID types of RFC 3315 §9.1, and RFC 6355's DUID-UUID (an eUE may use any of them: EUE-PROV Table 5, eUE-1).</summary>
public enum DuidType : ushort
{
    /// <summary>Link-layer address plus time (RFC 3315 §9.2).</summary>
    Llt = 1,
    /// <summary>Vendor-assigned, based on an enterprise number (RFC 3315 §9.3).</summary>
    En = 2,
    /// <summary>Link-layer address (RFC 3315 §9.4).</summary>
    Ll = 3,
    /// <summary>A 16-octet UUID (RFC 6355 §4).</summary>
    Uuid = 4,
}

/// <summary>
/// A DHCP Unique Identifier (RFC 3315 §9): the data of DHCPv6 OPTION_CLIENTID and OPTION_SERVERID, and
/// the tail of a DHCPv4 client identifier of type 255 (RFC 4361 §6.1), which EUE-PROV 6.3.3 has an eUE
/// use so that it is identified alike over IPv4 and IPv6. Kept as its octets, with the fields of
/// DUID-LLT, DUID-EN and DUID-LL read from them; another type keeps its octets and has only <see cref="Type"/>.
/// Each codec places a layout problem (<see cref="LayoutProblem"/>) by its own ParseError conventions.
/// </summary>
public sealed class Duid : IEquatable<Duid>
{
    /// <summary>RFC 3315 §9.2: DUID-LLT time counts seconds from midnight (UTC), January 1, 2000.</summary>
    public static readonly DateTimeOffset TimeEpoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>IANA hardware type 1, Ethernet (RFC 826), used in DUID-LLT and DUID-LL.</summary>
    public const ushort HardwareTypeEthernet = 1;

    /// <summary>RFC 3315 §9.1: a DUID is at most 128 octets, not counting its 2-octet type.</summary>
    public const int MaxLength = 2 + 128;

    /// <summary>RFC 6355 §4: DUID-UUID is the type and a 16-octet UUID.</summary>
    public const int UuidLength = 2 + 16;

    readonly byte[] _bytes;

    Duid(byte[] bytes) => _bytes = bytes;

    /// <summary>The DUID from its octets (type first); octets that are no DUID (<see cref="LayoutProblem"/>) are an <see cref="ArgumentException"/>.</summary>
    public static Duid FromBytes(ReadOnlySpan<byte> bytes) =>
        LayoutProblem(bytes) is { } problem ? throw new ArgumentException(problem, nameof(bytes)) : new Duid(bytes.ToArray());

    /// <summary>For the decoders, whose ParseErrors already said what was wrong: octets that passed <see cref="LayoutProblem"/>.</summary>
    internal static Duid FromValidated(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>
    /// Why <paramref name="bytes"/> are not a DUID, or null when they are: a 2-octet type, at most 128 octets
    /// after it (RFC 3315 §9.1), the fixed fields of DUID-LLT, -EN and -LL (§9.2-9.4: 8, 6 and 4 octets, the
    /// minimums Wireshark's packet-dhcpv6.c marks malformed below; the link-layer address or identifier may
    /// be empty), and exactly 16 octets of UUID (RFC 6355 §4). Other types are opaque.
    /// </summary>
    public static string? LayoutProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2) return $"{bytes.Length} octet(s): a DUID needs at least its 2-octet type (RFC 3315 §9.1)";
        if (bytes.Length > MaxLength) return $"{bytes.Length} octets: a DUID is at most 128 octets after its type (RFC 3315 §9.1)";
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        int min = (DuidType)type switch { DuidType.Llt => 8, DuidType.En => 6, DuidType.Ll => 4, _ => 2 };
        if (bytes.Length < min) return $"{bytes.Length} octets: DUID type {type} needs at least {min} (RFC 3315 §9.2-9.4)";
        if ((DuidType)type == DuidType.Uuid && bytes.Length != UuidLength)
            return $"{bytes.Length} octets: a DUID-UUID is its type and 16 octets (RFC 6355 §4)";
        return null;
    }

    /// <summary>DUID-LLT (RFC 3315 §9.2): hardware type, time in seconds since 2000-01-01 UTC, link-layer address.</summary>
    public static Duid Llt(ushort hardwareType, uint time, ReadOnlySpan<byte> linkLayerAddress)
    {
        var b = New(DuidType.Llt, 8, linkLayerAddress.Length);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), hardwareType);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4), time);
        linkLayerAddress.CopyTo(b.AsSpan(8));
        return new Duid(b);
    }

    /// <summary>DUID-LLT from a point in time (whole seconds since 2000-01-01 UTC, modulo 2^32 as §9.2 says).</summary>
    public static Duid Llt(ushort hardwareType, DateTimeOffset time, ReadOnlySpan<byte> linkLayerAddress) =>
        Llt(hardwareType, unchecked((uint)(long)(time - TimeEpoch).TotalSeconds), linkLayerAddress);

    /// <summary>DUID-EN (RFC 3315 §9.3): enterprise number, then the vendor's identifier.</summary>
    public static Duid En(uint enterpriseNumber, ReadOnlySpan<byte> identifier)
    {
        var b = New(DuidType.En, 6, identifier.Length);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(2), enterpriseNumber);
        identifier.CopyTo(b.AsSpan(6));
        return new Duid(b);
    }

    /// <summary>DUID-LL (RFC 3315 §9.4): hardware type, then the link-layer address.</summary>
    public static Duid Ll(ushort hardwareType, ReadOnlySpan<byte> linkLayerAddress)
    {
        var b = New(DuidType.Ll, 4, linkLayerAddress.Length);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), hardwareType);
        linkLayerAddress.CopyTo(b.AsSpan(4));
        return new Duid(b);
    }

    static byte[] New(DuidType type, int fixedLength, int variableLength)
    {
        int size = fixedLength + variableLength;
        if (size > MaxLength) throw new ArgumentException($"a DUID of {size} octets exceeds 128 octets after its type (RFC 3315 §9.1)");
        var b = new byte[size];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)type);
        return b;
    }

    public ReadOnlyMemory<byte> Bytes => _bytes;
    public DuidType Type => (DuidType)BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>DUID-LLT and DUID-LL: the hardware type; otherwise null.</summary>
    public ushort? HardwareType => Type is DuidType.Llt or DuidType.Ll ? BinaryPrimitives.ReadUInt16BigEndian(_bytes.AsSpan(2)) : null;

    /// <summary>DUID-LLT: the time field, seconds since 2000-01-01 UTC; otherwise null.</summary>
    public uint? Time => Type == DuidType.Llt ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.AsSpan(4)) : null;

    /// <summary>DUID-LLT: the time field as a point in time; otherwise null.</summary>
    public DateTimeOffset? TimeStamp => Time is { } t ? TimeEpoch.AddSeconds(t) : null;

    /// <summary>DUID-LLT and DUID-LL: the link-layer address; otherwise null.</summary>
    public ReadOnlyMemory<byte>? LinkLayerAddress => Type switch
    {
        DuidType.Llt => _bytes.AsMemory(8),
        DuidType.Ll => _bytes.AsMemory(4),
        _ => null,
    };

    /// <summary>DUID-EN: the enterprise number; otherwise null.</summary>
    public uint? EnterpriseNumber => Type == DuidType.En ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.AsSpan(2)) : null;

    /// <summary>DUID-EN: the vendor-assigned identifier; otherwise null.</summary>
    public ReadOnlyMemory<byte>? Identifier => Type == DuidType.En ? _bytes.AsMemory(6) : null;

    public bool Equals(Duid? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);
    public override bool Equals(object? obj) => Equals(obj as Duid);
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_bytes);
        return h.ToHashCode();
    }

    public override string ToString() => $"{Type}:{Convert.ToHexString(_bytes)}";
}
