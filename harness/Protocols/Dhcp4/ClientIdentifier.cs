using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

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
        b.WriteByte(NodeSpecificType); b.WriteUInt32(iaid); b.WriteBytes(duid.Bytes.Span);
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
        int duidAt = reader.Offset;
        var duid = reader.Rest;
        // The DUID's rules are RFC 3315's, shared with DHCPv6; DHCPv4 points at the octets after the DUID type.
        if (duid.Length < 2) throw reader.Error("dhcp.client_id.duid_type", $"needs 2 byte(s) for the DUID type, only {duid.Length} left");
        if (Duid.LayoutProblem(duid) is { } problem) throw new ParseError(Dhcp4Protocol.Name, duidAt + 2, "dhcp.client_id", problem);
        return new ClientIdentifier(value.ToArray(), iaid, Duid.FromValidated(duid));
    }

    public DhcpOption ToOption() => new(DhcpOptionCode.ClientIdentifier, Bytes);

    public bool Equals(ClientIdentifier? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);
    public override bool Equals(object? obj) => Equals(obj as ClientIdentifier);
    public override int GetHashCode() => Bytes.Length;
    public override string ToString() => IsRfc4361 ? $"IAID {Iaid:X8} DUID {Duid}" : Convert.ToHexString(Bytes);
}
