using System.Buffers.Binary;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>DUID types of RFC 3315 §9.1 (an eUE may use any of them: EUE-PROV Table 5, eUE-1).</summary>
public enum DuidType : ushort
{
    /// <summary>Link-layer address plus time (§9.2).</summary>
    Llt = 1,
    /// <summary>Vendor-assigned, based on an enterprise number (§9.3).</summary>
    En = 2,
    /// <summary>Link-layer address (§9.4).</summary>
    Ll = 3,
}

/// <summary>
/// A DHCP Unique Identifier (RFC 3315 §9), the data of OPTION_CLIENTID and OPTION_SERVERID: kept
/// as its octets, with the fields of DUID-LLT, DUID-EN and DUID-LL read from them. A DUID of
/// another type (e.g. RFC 6355 UUID) keeps its octets and has only <see cref="Type"/>.
/// </summary>
public sealed class Duid : IEquatable<Duid>
{
    /// <summary>RFC 3315 §9.2: DUID-LLT time counts seconds from midnight (UTC), January 1, 2000.</summary>
    public static readonly DateTimeOffset TimeEpoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>IANA hardware type 1, Ethernet (RFC 826), used in DUID-LLT and DUID-LL.</summary>
    public const ushort HardwareTypeEthernet = 1;

    readonly byte[] _bytes;

    Duid(byte[] bytes) => _bytes = bytes;

    /// <summary>The DUID from its octets (type first); checked as the decoder checks OPTION_CLIENTID.</summary>
    public static Duid FromBytes(ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Dhcp6OptionSpaces.Dhcp6.Validate(new Dhcp6Option(Dhcp6OptionCode.ClientId, copy));
        return new Duid(copy);
    }

    internal static Duid FromValidated(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>DUID-LLT (RFC 3315 §9.2): hardware type, time in seconds since 2000-01-01 UTC, link-layer address.</summary>
    public static Duid Llt(ushort hardwareType, uint time, ReadOnlySpan<byte> linkLayerAddress)
    {
        CheckSize(8 + linkLayerAddress.Length);
        var b = new byte[8 + linkLayerAddress.Length];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)DuidType.Llt);
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
        CheckSize(6 + identifier.Length);
        var b = new byte[6 + identifier.Length];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)DuidType.En);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(2), enterpriseNumber);
        identifier.CopyTo(b.AsSpan(6));
        return new Duid(b);
    }

    /// <summary>DUID-LL (RFC 3315 §9.4): hardware type, then the link-layer address.</summary>
    public static Duid Ll(ushort hardwareType, ReadOnlySpan<byte> linkLayerAddress)
    {
        CheckSize(4 + linkLayerAddress.Length);
        var b = new byte[4 + linkLayerAddress.Length];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)DuidType.Ll);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), hardwareType);
        linkLayerAddress.CopyTo(b.AsSpan(4));
        return new Duid(b);
    }

    static void CheckSize(int size)
    {
        if (size > OptionValidator.MaxDuidLength)
            throw new ArgumentException($"a DUID of {size} octets exceeds 128 octets after its type (RFC 3315 §9.1)");
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

    public Dhcp6Option ToClientId() => new(Dhcp6OptionCode.ClientId, _bytes);
    public Dhcp6Option ToServerId() => new(Dhcp6OptionCode.ServerId, _bytes);

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
