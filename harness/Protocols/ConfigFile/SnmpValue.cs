using System.Formats.Asn1;
using System.Net;
using System.Numerics;
using System.Text;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>The SMI types a VarBind value may have (RFC 2578 §7.1, RFC 3416 ObjectSyntax).</summary>
public enum SnmpType
{
    Integer,
    OctetString,
    Null,
    ObjectIdentifier,
    IpAddress,
    Counter32,
    /// <summary>Gauge32, also Unsigned32 (same tag, RFC 2578 §7.1.11).</summary>
    Gauge32,
    TimeTicks,
    Opaque,
    Counter64,
}

/// <summary>
/// One SMI value, as carried in a VarBind of TLV 11/64 ("encoded in ASN.1 BER, just as it would be
/// if part of an SNMP Set request", PKT-PROV1.5 §9.1). Application tags per RFC 2578 §7.1:
/// IpAddress [APPLICATION 0], Counter32 [1], Gauge32/Unsigned32 [2], TimeTicks [3], Opaque [4],
/// Counter64 [6].
/// </summary>
public sealed class SnmpValue : IEquatable<SnmpValue>
{
    static readonly Asn1Tag IpAddressTag = new(TagClass.Application, 0);
    static readonly Asn1Tag Counter32Tag = new(TagClass.Application, 1);
    static readonly Asn1Tag Gauge32Tag = new(TagClass.Application, 2);
    static readonly Asn1Tag TimeTicksTag = new(TagClass.Application, 3);
    static readonly Asn1Tag OpaqueTag = new(TagClass.Application, 4);
    static readonly Asn1Tag Counter64Tag = new(TagClass.Application, 6);

    readonly byte[] _bytes;

    SnmpValue(SnmpType type, BigInteger number, byte[]? bytes, string? oid)
    {
        Type = type;
        Number = number;
        _bytes = bytes ?? [];
        Oid = oid;
    }

    public SnmpType Type { get; }
    /// <summary>INTEGER, Counter32, Gauge32, TimeTicks, Counter64.</summary>
    public BigInteger Number { get; }
    /// <summary>OCTET STRING, IpAddress (4 bytes), Opaque.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;
    /// <summary>OBJECT IDENTIFIER in dotted form.</summary>
    public string? Oid { get; }

    public static SnmpValue Integer(long value)
    {
        if (value is < int.MinValue or > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(value), "SNMP INTEGER is Integer32 (RFC 3416)");
        return new(SnmpType.Integer, value, null, null);
    }
    /// <summary>TruthValue (RFC 2579): true(1), false(2).</summary>
    public static SnmpValue TruthValue(bool value) => Integer(value ? 1 : 2);
    public static SnmpValue OctetString(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(value), "SMI OCTET STRING is at most 65535 bytes (RFC 2578 §7.1.2)");
        return new(SnmpType.OctetString, 0, value.ToArray(), null);
    }
    /// <summary>A DisplayString/SnmpAdminString value, UTF-8 encoded.</summary>
    public static SnmpValue OctetString(string text) => OctetString(Encoding.UTF8.GetBytes(text));
    public static SnmpValue Null() => new(SnmpType.Null, 0, null, null);
    public static SnmpValue ObjectIdentifier(string oid) => new(SnmpType.ObjectIdentifier, 0, null, ObjectIdentifiers.Validate(oid));
    public static SnmpValue IpAddress(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) throw new ArgumentException("IpAddress is an IPv4 address (RFC 2578 §7.1.5)", nameof(address));
        return new(SnmpType.IpAddress, 0, address.GetAddressBytes(), null);
    }
    public static SnmpValue Counter32(uint value) => new(SnmpType.Counter32, value, null, null);
    public static SnmpValue Gauge32(uint value) => new(SnmpType.Gauge32, value, null, null);
    public static SnmpValue Unsigned32(uint value) => Gauge32(value);
    public static SnmpValue TimeTicks(uint value) => new(SnmpType.TimeTicks, value, null, null);
    public static SnmpValue Opaque(ReadOnlySpan<byte> value) => new(SnmpType.Opaque, 0, value.ToArray(), null);
    public static SnmpValue Counter64(ulong value) => new(SnmpType.Counter64, value, null, null);

    public Asn1Tag Tag => Type switch
    {
        SnmpType.Integer => Asn1Tag.Integer,
        SnmpType.OctetString => Asn1Tag.PrimitiveOctetString,
        SnmpType.Null => Asn1Tag.Null,
        SnmpType.ObjectIdentifier => Asn1Tag.ObjectIdentifier,
        SnmpType.IpAddress => IpAddressTag,
        SnmpType.Counter32 => Counter32Tag,
        SnmpType.Gauge32 => Gauge32Tag,
        SnmpType.TimeTicks => TimeTicksTag,
        SnmpType.Opaque => OpaqueTag,
        _ => Counter64Tag,
    };

    /// <summary>Writes the value in its minimal (DER-style) encoding.</summary>
    public void WriteTo(AsnWriter writer)
    {
        switch (Type)
        {
            case SnmpType.Integer or SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64:
                writer.WriteInteger(Number, Tag);
                break;
            case SnmpType.OctetString or SnmpType.IpAddress or SnmpType.Opaque:
                writer.WriteOctetString(_bytes, Tag);
                break;
            case SnmpType.Null:
                writer.WriteNull();
                break;
            default:
                writer.WriteObjectIdentifier(Oid!);
                break;
        }
    }

    /// <summary>Maps a tag to its SMI type, or null when the tag is not one of RFC 2578's.</summary>
    public static SnmpType? TypeOf(Asn1Tag tag)
    {
        // RFC 3417 §8: simple types use the primitive form only, so no constructed tag is a value.
        if (tag.IsConstructed) return null;
        return (tag.TagClass, tag.TagValue) switch
        {
            (TagClass.Universal, 2) => SnmpType.Integer,
            (TagClass.Universal, 4) => SnmpType.OctetString,
            (TagClass.Universal, 5) => SnmpType.Null,
            (TagClass.Universal, 6) => SnmpType.ObjectIdentifier,
            (TagClass.Application, 0) => SnmpType.IpAddress,
            (TagClass.Application, 1) => SnmpType.Counter32,
            (TagClass.Application, 2) => SnmpType.Gauge32,
            (TagClass.Application, 3) => SnmpType.TimeTicks,
            (TagClass.Application, 4) => SnmpType.Opaque,
            (TagClass.Application, 6) => SnmpType.Counter64,
            _ => null,
        };
    }

    /// <summary>
    /// Decodes one complete BER TLV (already checked for a definite length) as an SMI value.
    /// Returns null with a reason when it is not a valid value of its type.
    /// </summary>
    internal static SnmpValue? TryDecode(ReadOnlySpan<byte> encoded, SnmpType type, Asn1Tag tag, out string? problem)
    {
        problem = null;
        try
        {
            const AsnEncodingRules ber = AsnEncodingRules.BER;
            switch (type)
            {
                case SnmpType.Integer:
                {
                    var v = AsnDecoder.ReadInteger(encoded, ber, out _, tag);
                    if (v < int.MinValue || v > int.MaxValue) { problem = $"INTEGER {v} is outside Integer32 (RFC 3416)"; return null; }
                    return new(type, v, null, null);
                }
                case SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks:
                {
                    var v = AsnDecoder.ReadInteger(encoded, ber, out _, tag);
                    if (v < 0 || v > uint.MaxValue) { problem = $"{type} {v} is outside 0..4294967295 (RFC 2578 §7.1)"; return null; }
                    return new(type, v, null, null);
                }
                case SnmpType.Counter64:
                {
                    var v = AsnDecoder.ReadInteger(encoded, ber, out _, tag);
                    if (v < 0 || v > ulong.MaxValue) { problem = $"Counter64 {v} is outside 0..2^64-1 (RFC 2578 §7.1.10)"; return null; }
                    return new(type, v, null, null);
                }
                case SnmpType.OctetString or SnmpType.Opaque or SnmpType.IpAddress:
                {
                    var bytes = AsnDecoder.ReadOctetString(encoded, ber, out _, tag);
                    if (type == SnmpType.IpAddress && bytes.Length != 4) { problem = $"IpAddress of {bytes.Length} bytes, not 4 (RFC 2578 §7.1.5)"; return null; }
                    if (type == SnmpType.OctetString && bytes.Length > ushort.MaxValue) { problem = "OCTET STRING longer than 65535 bytes (RFC 2578 §7.1.2)"; return null; }
                    return new(type, 0, bytes, null);
                }
                case SnmpType.Null:
                    AsnDecoder.ReadNull(encoded, ber, out _, tag);
                    return Null();
                default:
                {
                    string oid = AsnDecoder.ReadObjectIdentifier(encoded, ber, out _, tag);
                    problem = ObjectIdentifiers.SmiProblem(oid);
                    return problem is null ? new(type, 0, null, oid) : null;
                }
            }
        }
        catch (AsnContentException e)
        {
            problem = $"{type} is not valid BER: {e.Message}";
            return null;
        }
    }

    public bool Equals(SnmpValue? other) =>
        other is not null && Type == other.Type && Number == other.Number && Oid == other.Oid && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as SnmpValue);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Type); h.Add(Number); h.Add(Oid); h.AddBytes(_bytes);
        return h.ToHashCode();
    }

    /// <summary>net-snmp style text, for evidence: INTEGER: 1, STRING: "BASIC.1", Hex-STRING: 00 01, OID: 1.3.6.1.</summary>
    public override string ToString() => Type switch
    {
        SnmpType.Integer => $"INTEGER: {Number}",
        SnmpType.OctetString => IsPrintable(_bytes) ? $"STRING: \"{Encoding.ASCII.GetString(_bytes)}\"" : $"Hex-STRING: {Convert.ToHexString(_bytes)}",
        SnmpType.Null => "NULL",
        SnmpType.ObjectIdentifier => $"OID: {Oid}",
        SnmpType.IpAddress => $"IpAddress: {new IPAddress(_bytes)}",
        SnmpType.Counter32 => $"Counter32: {Number}",
        SnmpType.Gauge32 => $"Gauge32: {Number}",
        SnmpType.TimeTicks => $"Timeticks: ({Number})",
        SnmpType.Opaque => $"OPAQUE: {Convert.ToHexString(_bytes)}",
        _ => $"Counter64: {Number}",
    };

    static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
            if (b is < 0x20 or > 0x7E) return false;
        return true;
    }
}
