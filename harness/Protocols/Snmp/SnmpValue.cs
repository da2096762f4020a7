using System.Formats.Asn1;
using System.Net;
using System.Numerics;
using System.Text;

namespace EUeConformance.Protocols.Snmp;

/// <summary>The SMI types a VarBind value may have (RFC 2578 §7.1, RFC 3416 ObjectSyntax), and the three v2 exceptions.</summary>
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
    /// <summary>noSuchObject [0] IMPLICIT NULL (RFC 3416 §3): a Response-only exception.</summary>
    NoSuchObject,
    /// <summary>noSuchInstance [1] IMPLICIT NULL (RFC 3416 §3).</summary>
    NoSuchInstance,
    /// <summary>endOfMibView [2] IMPLICIT NULL (RFC 3416 §3).</summary>
    EndOfMibView,
}

/// <summary>Which values a position in a message may carry.</summary>
public enum SnmpValueSet
{
    /// <summary>SNMPv1 (RFC 1157/1155): no Counter64, no exceptions.</summary>
    V1,
    /// <summary>SMIv2 values without exceptions: v2c/v3 requests and notifications, configuration files.</summary>
    V2,
    /// <summary>SMIv2 values and the exceptions: v2c/v3 Response PDUs (RFC 3416 §3).</summary>
    V2Response,
}

/// <summary>
/// One SMI value. Application tags per RFC 2578 §7.1: IpAddress [APPLICATION 0], Counter32 [1],
/// Gauge32/Unsigned32 [2], TimeTicks [3], Opaque [4], Counter64 [6]; exceptions per RFC 3416 §3:
/// noSuchObject [CONTEXT 0], noSuchInstance [1], endOfMibView [2], each an IMPLICIT NULL. Also the
/// value of a VarBind in the configuration file's TLV 11/64 ("encoded in ASN.1 BER, just as it would be
/// if part of an SNMP Set request", PKT-PROV1.5 §9.1).
/// </summary>
public sealed class SnmpValue : IEquatable<SnmpValue>
{
    static readonly Asn1Tag IpAddressTag = new(TagClass.Application, 0);
    static readonly Asn1Tag Counter32Tag = new(TagClass.Application, 1);
    static readonly Asn1Tag Gauge32Tag = new(TagClass.Application, 2);
    static readonly Asn1Tag TimeTicksTag = new(TagClass.Application, 3);
    static readonly Asn1Tag OpaqueTag = new(TagClass.Application, 4);
    static readonly Asn1Tag Counter64Tag = new(TagClass.Application, 6);
    static readonly Asn1Tag NoSuchObjectTag = new(TagClass.ContextSpecific, 0);
    static readonly Asn1Tag NoSuchInstanceTag = new(TagClass.ContextSpecific, 1);
    static readonly Asn1Tag EndOfMibViewTag = new(TagClass.ContextSpecific, 2);

    readonly byte[] _bytes;
    // INTEGER as a sign-extended long; the unsigned types as their value.
    readonly ulong _number;

    SnmpValue(SnmpType type, ulong number = 0, byte[]? bytes = null, ObjectIdentifier? oid = null)
    {
        Type = type;
        _number = number;
        _bytes = bytes ?? [];
        ObjectIdentifierValue = oid;
    }

    public SnmpType Type { get; }
    /// <summary>INTEGER, Counter32, Gauge32, TimeTicks, Counter64.</summary>
    public BigInteger Number => Type == SnmpType.Integer ? (long)_number : _number;
    /// <summary>OCTET STRING, IpAddress (4 bytes), Opaque.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;
    /// <summary>OBJECT IDENTIFIER.</summary>
    public ObjectIdentifier? ObjectIdentifierValue { get; }
    /// <summary>OBJECT IDENTIFIER in dotted form.</summary>
    public string? Oid => ObjectIdentifierValue?.ToString();

    public bool IsException => Type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView;
    public bool IsNumber => Type is SnmpType.Integer or SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64;

    // ------------------------------------------------------------ construction

    public static SnmpValue Integer(long value)
    {
        if (value is < int.MinValue or > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(value), "SNMP INTEGER is Integer32 (RFC 3416)");
        return new(SnmpType.Integer, unchecked((ulong)value));
    }
    /// <summary>TruthValue (RFC 2579): true(1), false(2).</summary>
    public static SnmpValue TruthValue(bool value) => Integer(value ? 1 : 2);
    public static SnmpValue OctetString(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(value), "SMI OCTET STRING is at most 65535 bytes (RFC 2578 §7.1.2)");
        return new(SnmpType.OctetString, bytes: value.ToArray());
    }
    /// <summary>A DisplayString/SnmpAdminString value, UTF-8 encoded.</summary>
    public static SnmpValue OctetString(string text) => OctetString(Encoding.UTF8.GetBytes(text));
    public static SnmpValue Null() => NullValue;
    public static SnmpValue ObjectIdentifier(string oid) => new(SnmpType.ObjectIdentifier, oid: Snmp.ObjectIdentifier.Parse(oid));
    public static SnmpValue ObjectIdentifier(ObjectIdentifier oid) => new(SnmpType.ObjectIdentifier, oid: oid ?? throw new ArgumentNullException(nameof(oid)));
    public static SnmpValue IpAddress(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) throw new ArgumentException("IpAddress is an IPv4 address (RFC 2578 §7.1.5)", nameof(address));
        return new(SnmpType.IpAddress, bytes: address.GetAddressBytes());
    }
    public static SnmpValue Counter32(uint value) => new(SnmpType.Counter32, value);
    public static SnmpValue Gauge32(uint value) => new(SnmpType.Gauge32, value);
    public static SnmpValue Unsigned32(uint value) => Gauge32(value);
    public static SnmpValue TimeTicks(uint value) => new(SnmpType.TimeTicks, value);
    public static SnmpValue Opaque(ReadOnlySpan<byte> value) => new(SnmpType.Opaque, bytes: value.ToArray());
    public static SnmpValue Counter64(ulong value) => new(SnmpType.Counter64, value);

    static readonly SnmpValue NullValue = new(SnmpType.Null);
    public static SnmpValue NoSuchObject { get; } = new(SnmpType.NoSuchObject);
    public static SnmpValue NoSuchInstance { get; } = new(SnmpType.NoSuchInstance);
    public static SnmpValue EndOfMibView { get; } = new(SnmpType.EndOfMibView);

    // ------------------------------------------------------------ typed access

    /// <summary>INTEGER's value (TruthValue, RowStatus, enumerations).</summary>
    public int ToInt32() => Type == SnmpType.Integer ? (int)(long)_number : throw NotA("INTEGER");
    /// <summary>Counter32, Gauge32/Unsigned32, TimeTicks.</summary>
    public uint ToUInt32() => Type is SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks ? (uint)_number : throw NotA("Counter32, Gauge32 or TimeTicks");
    public ulong ToUInt64() => Type == SnmpType.Counter64 ? _number : (ulong)ToUInt32();
    /// <summary>An OCTET STRING as UTF-8 text (DisplayString, SnmpAdminString).</summary>
    public string ToText() => Type == SnmpType.OctetString ? Encoding.UTF8.GetString(_bytes) : throw NotA("OCTET STRING");
    public IPAddress ToIpAddress() => Type == SnmpType.IpAddress ? new IPAddress(_bytes) : throw NotA("IpAddress");

    InvalidOperationException NotA(string what) => new($"{this} is not {what}");

    // ------------------------------------------------------------ encoding

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
        SnmpType.Counter64 => Counter64Tag,
        SnmpType.NoSuchObject => NoSuchObjectTag,
        SnmpType.NoSuchInstance => NoSuchInstanceTag,
        _ => EndOfMibViewTag,
    };

    /// <summary>Writes the value in its minimal (DER) encoding.</summary>
    public void WriteTo(AsnWriter writer)
    {
        switch (Type)
        {
            case SnmpType.Integer:
                writer.WriteInteger((long)_number, Tag);
                break;
            case SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64:
                writer.WriteInteger(_number, Tag);
                break;
            case SnmpType.OctetString or SnmpType.IpAddress or SnmpType.Opaque:
                writer.WriteOctetString(_bytes, Tag);
                break;
            case SnmpType.ObjectIdentifier:
                writer.WriteObjectIdentifier(ObjectIdentifierValue!.ToString());
                break;
            default:
                writer.WriteNull(Tag);
                break;
        }
    }

    /// <summary>Octets of this value's minimal encoding (tag, length and content), computed without encoding.</summary>
    public int EncodedLength
    {
        get
        {
            int content = Type switch
            {
                SnmpType.Integer => SignedLength((long)_number),
                SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64 => UnsignedLength(_number),
                SnmpType.OctetString or SnmpType.IpAddress or SnmpType.Opaque => _bytes.Length,
                SnmpType.ObjectIdentifier => ObjectIdentifierValue!.ContentLength,
                _ => 0,
            };
            return 1 + BerHeader.LengthFieldSize(content) + content;
        }
    }

    static int SignedLength(long v)
    {
        int n = 1;
        while (n < 8 && (v >> (8 * n - 1)) is not 0 and not -1) n++;
        return n;
    }

    static int UnsignedLength(ulong v)
    {
        int n = 1;
        while (n < 9 && v >> (8 * n - 1) != 0) n++;
        return n;
    }

    /// <summary>Maps a tag to its type (the exceptions included), or null when the tag is none of RFC 2578's or RFC 3416's.</summary>
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
            (TagClass.ContextSpecific, 0) => SnmpType.NoSuchObject,
            (TagClass.ContextSpecific, 1) => SnmpType.NoSuchInstance,
            (TagClass.ContextSpecific, 2) => SnmpType.EndOfMibView,
            _ => null,
        };
    }

    /// <summary>
    /// Reads one value from <paramref name="reader"/>; anything that is not a valid value of its
    /// type, or not allowed by <paramref name="allowed"/> here, is a ParseError at the value.
    /// </summary>
    public static SnmpValue Read(ref BerReader reader, SnmpValueSet allowed, string field = SnmpFields.Value)
    {
        int at = reader.Offset;
        var element = reader.ReadElement(field, out var h);
        var content = element[h.HeaderLength..];
        if (h.Tag.IsConstructed)
            throw reader.Error(field, $"constructed encoding {BerHeader.Describe(h.Tag)}: SNMP values use the primitive form (RFC 3417 §8)", at);
        if (TypeOf(h.Tag) is not { } type)
            throw reader.Error(field, $"tag {BerHeader.Describe(h.Tag)} is not an SMI type (RFC 2578 §7.1)", at);
        if (allowed == SnmpValueSet.V1 && type == SnmpType.Counter64)
            throw reader.Error(field, "Counter64 is an SMIv2 type: an SNMPv1 message cannot carry it (RFC 1155 §3.2.3 has no such type; RFC 3584 §4.2.2)", at);
        if (allowed != SnmpValueSet.V2Response && type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView)
            throw reader.Error(field, $"{Name(type)} is an exception that only a v2 Response carries (RFC 3416 §3)", at);
        return TryDecode(content, type, out string? problem) ?? throw reader.Error(field, problem!, at);
    }

    static SnmpValue? TryDecode(ReadOnlySpan<byte> content, SnmpType type, out string? problem)
    {
        problem = null;
        switch (type)
        {
            case SnmpType.Integer:
            {
                if (BerInteger.Decode(content, out Int128 v) is { } p) { problem = $"INTEGER is not valid BER: {p}"; return null; }
                if (v < int.MinValue || v > int.MaxValue) { problem = $"INTEGER {v} is outside Integer32 (RFC 3416)"; return null; }
                return new(type, unchecked((ulong)(long)v));
            }
            case SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64:
            {
                if (BerInteger.Decode(content, out Int128 v) is { } p) { problem = $"{type} is not valid BER: {p}"; return null; }
                Int128 max = type == SnmpType.Counter64 ? ulong.MaxValue : uint.MaxValue;
                if (v < 0 || v > max) { problem = $"{type} {v} is outside 0..{max} (RFC 2578 §7.1)"; return null; }
                return new(type, (ulong)v);
            }
            case SnmpType.OctetString or SnmpType.Opaque or SnmpType.IpAddress:
                if (type == SnmpType.IpAddress && content.Length != 4) { problem = $"IpAddress of {content.Length} bytes, not 4 (RFC 2578 §7.1.5)"; return null; }
                if (type == SnmpType.OctetString && content.Length > ushort.MaxValue) { problem = "OCTET STRING longer than 65535 bytes (RFC 2578 §7.1.2)"; return null; }
                return new(type, bytes: content.ToArray());
            case SnmpType.ObjectIdentifier:
            {
                var oid = Snmp.ObjectIdentifier.TryDecodeContent(content, out string? p, out int pAt);
                if (oid is null) { problem = $"invalid OBJECT IDENTIFIER value: {p} (content octet {pAt})"; return null; }
                return new(type, oid: oid);
            }
            default:
                // NULL and the exceptions: X.690 §8.8.2, the contents octets are empty.
                if (!content.IsEmpty) { problem = $"{Name(type)} has {content.Length} content octet(s); a NULL has none (X.690 §8.8.2)"; return null; }
                return type switch { SnmpType.Null => NullValue, SnmpType.NoSuchObject => NoSuchObject, SnmpType.NoSuchInstance => NoSuchInstance, _ => EndOfMibView };
        }
    }

    static string Name(SnmpType type) => type switch
    {
        SnmpType.NoSuchObject => "noSuchObject",
        SnmpType.NoSuchInstance => "noSuchInstance",
        SnmpType.EndOfMibView => "endOfMibView",
        _ => type.ToString(),
    };

    // ------------------------------------------------------------ equality and text

    public bool Equals(SnmpValue? other) =>
        other is not null && Type == other.Type && _number == other._number && ObjectIdentifierValue == other.ObjectIdentifierValue && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as SnmpValue);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Type); h.Add(_number); h.Add(ObjectIdentifierValue); h.AddBytes(_bytes);
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
        SnmpType.Counter64 => $"Counter64: {Number}",
        SnmpType.NoSuchObject => "No Such Object available on this agent at this OID",
        SnmpType.NoSuchInstance => "No Such Instance currently exists at this OID",
        _ => "No more variables left in this MIB View (It is past the end of the MIB tree)",
    };

    static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
            if (b is < 0x20 or > 0x7E) return false;
        return true;
    }
}
