using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>DUID types of RFC 3315 §9 (and RFC 6355 for UUID).</summary>
public enum DuidType : ushort
{
    /// <summary>§9.2: hardware type(2), time(4, seconds since 2000-01-01 UTC mod 2^32), link-layer address.</summary>
    LinkLayerPlusTime = 1,
    /// <summary>§9.3: enterprise number(4), identifier.</summary>
    EnterpriseNumber = 2,
    /// <summary>§9.4: hardware type(2), link-layer address.</summary>
    LinkLayer = 3,
    /// <summary>RFC 6355: a 16-byte UUID.</summary>
    Uuid = 4,
}

/// <summary>
/// A DHCP Unique Identifier (RFC 3315 §9): a 2-byte type then type-specific data. Kept as its
/// bytes; the typed properties read the RFC 3315 layouts, and an unknown type stays opaque.
/// </summary>
public sealed class Duid : IEquatable<Duid>
{
    const string TypeField = "dhcp.client_id.duid_type";

    Duid(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }
    public DuidType Type => (DuidType)(Bytes[0] << 8 | Bytes[1]);

    /// <summary>LLT/LL: the IANA hardware type (1 = Ethernet).</summary>
    public ushort? HardwareType => Type is DuidType.LinkLayerPlusTime or DuidType.LinkLayer ? (ushort)(Bytes[2] << 8 | Bytes[3]) : null;
    /// <summary>LLT: seconds since midnight 2000-01-01 UTC, modulo 2^32.</summary>
    public uint? Time => Type == DuidType.LinkLayerPlusTime ? (uint)(Bytes[4] << 24 | Bytes[5] << 16 | Bytes[6] << 8 | Bytes[7]) : null;
    public byte[]? LinkLayerAddress => Type switch
    {
        DuidType.LinkLayerPlusTime => Bytes[8..],
        DuidType.LinkLayer => Bytes[4..],
        _ => null,
    };
    public uint? EnterpriseNumber => Type == DuidType.EnterpriseNumber ? (uint)(Bytes[2] << 24 | Bytes[3] << 16 | Bytes[4] << 8 | Bytes[5]) : null;
    public byte[]? Identifier => Type == DuidType.EnterpriseNumber ? Bytes[6..] : null;

    public static Duid LinkLayerPlusTime(ushort hardwareType, uint time, ReadOnlySpan<byte> linkLayerAddress)
    {
        var b = new WireBuffer(8 + linkLayerAddress.Length);
        b.WriteUInt16((ushort)DuidType.LinkLayerPlusTime); b.WriteUInt16(hardwareType); b.WriteUInt32(time); b.WriteBytes(linkLayerAddress);
        return new Duid(b.ToArray());
    }

    public static Duid Enterprise(uint enterpriseNumber, ReadOnlySpan<byte> identifier)
    {
        var b = new WireBuffer(6 + identifier.Length);
        b.WriteUInt16((ushort)DuidType.EnterpriseNumber); b.WriteUInt32(enterpriseNumber); b.WriteBytes(identifier);
        return new Duid(b.ToArray());
    }

    public static Duid LinkLayer(ushort hardwareType, ReadOnlySpan<byte> linkLayerAddress)
    {
        var b = new WireBuffer(4 + linkLayerAddress.Length);
        b.WriteUInt16((ushort)DuidType.LinkLayer); b.WriteUInt16(hardwareType); b.WriteBytes(linkLayerAddress);
        return new Duid(b.ToArray());
    }

    /// <summary>Checks the layout of the known types; RFC 3315 §9.1 caps a DUID at 128 bytes of data after the type.</summary>
    public static Duid Decode(ReadOnlySpan<byte> bytes, int baseOffset)
    {
        var reader = new WireReader(bytes, Dhcp4Protocol.Name, baseOffset);
        ushort type = reader.ReadUInt16(TypeField);
        int minimum = (DuidType)type switch
        {
            DuidType.LinkLayerPlusTime => 6 + 1,
            DuidType.EnterpriseNumber => 4 + 1,
            DuidType.LinkLayer => 2 + 1,
            DuidType.Uuid => 16,
            _ => 0,
        };
        if (reader.Remaining < minimum)
            throw reader.Error("dhcp.client_id", $"a DUID of type {type} needs at least {minimum} byte(s) after the type, has {reader.Remaining}");
        if ((DuidType)type == DuidType.Uuid && reader.Remaining != 16)
            throw reader.Error("dhcp.client_id", $"a DUID-UUID has 16 bytes after the type, not {reader.Remaining}");
        if (reader.Remaining > 128)
            throw reader.Error("dhcp.client_id", $"a DUID has at most 128 bytes after the type (RFC 3315 §9.1), not {reader.Remaining}");
        return new Duid(bytes.ToArray());
    }

    public bool Equals(Duid? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);
    public override bool Equals(object? obj) => Equals(obj as Duid);
    public override int GetHashCode() => Bytes.Length;
    public override string ToString() => Convert.ToHexString(Bytes);
}

/// <summary>
/// Option 61 (RFC 2132 §9.14): a type byte then the identifier. Type 255 is RFC 4361 §6.1's
/// node-specific identifier: IAID (4 bytes) then a DUID (RFC 3315 §9); EUE-PROV 6.3.3 requires
/// an eUE in IPv4 mode to use it, so that it is identified the same way over IPv4 and IPv6.
/// </summary>
public sealed class ClientIdentifier : IEquatable<ClientIdentifier>
{
    public const byte NodeSpecificType = 255;

    ClientIdentifier(byte[] bytes, uint? iaid, Duid? duid) { Bytes = bytes; Iaid = iaid; Duid = duid; }

    public byte[] Bytes { get; }
    public byte Type => Bytes[0];
    public bool IsRfc4361 => Type == NodeSpecificType;
    public uint? Iaid { get; }
    public Duid? Duid { get; }
    /// <summary>For a type other than 255: the identifier after the type (e.g. a MAC for type 1).</summary>
    public byte[] Identifier => Bytes[1..];

    public static ClientIdentifier Rfc4361(uint iaid, Duid duid)
    {
        var b = new WireBuffer(5 + duid.Bytes.Length);
        b.WriteByte(NodeSpecificType); b.WriteUInt32(iaid); b.WriteBytes(duid.Bytes);
        return new ClientIdentifier(b.ToArray(), iaid, duid);
    }

    /// <summary>The classic form: hardware type (1 = Ethernet) then the hardware address.</summary>
    public static ClientIdentifier FromHardwareAddress(byte hardwareType, ReadOnlySpan<byte> address) =>
        new([hardwareType, .. address], null, null);

    public static ClientIdentifier Decode(ReadOnlySpan<byte> value, int baseOffset)
    {
        var reader = new WireReader(value, Dhcp4Protocol.Name, baseOffset);
        byte type = reader.ReadByte("dhcp.client_id.type");
        if (type != NodeSpecificType)
        {
            if (!reader.HasData) throw reader.Error("dhcp.client_id", "a client identifier needs at least 2 bytes (RFC 2132 §9.14)");
            return new ClientIdentifier(value.ToArray(), null, null);
        }
        uint iaid = reader.ReadUInt32("dhcp.client_id.iaid");
        var duid = Duid.Decode(reader.Rest, reader.Offset);
        return new ClientIdentifier(value.ToArray(), iaid, duid);
    }

    public DhcpOption ToOption() => new(DhcpOptionCode.ClientIdentifier, Bytes);

    public bool Equals(ClientIdentifier? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);
    public override bool Equals(object? obj) => Equals(obj as ClientIdentifier);
    public override int GetHashCode() => Bytes.Length;
    public override string ToString() => IsRfc4361 ? $"IAID {Iaid:X8} DUID {Duid}" : Convert.ToHexString(Bytes);
}
