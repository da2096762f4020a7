using System.Formats.Asn1;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp;

/// <summary>
/// A forward-only reader of SNMP's BER (RFC 3417 §8) over a span, in the manner of AsnReader and
/// <see cref="WireReader"/>: every read names the Wireshark field it reads, offsets are absolute (from
/// the start of the datagram) and anything malformed is a <see cref="ParseError"/> at the first
/// offending element, never another exception. Content is sliced from the input, so no length read
/// from the wire can make it allocate more than the input holds. Reading is schema-driven: each
/// element must have the tag the message structure puts there, so nesting is as deep as SNMP's
/// structure and no deeper.
/// </summary>
public ref struct BerReader
{
    readonly ReadOnlySpan<byte> _data;
    readonly int _base;
    int _position;

    /// <param name="data">The bytes to read.</param>
    /// <param name="protocol">The protocol a <see cref="ParseError"/> names.</param>
    /// <param name="baseOffset">Offset of <paramref name="data"/> in the outermost datagram.</param>
    /// <param name="minimalLengths">Refuse longer-than-needed length fields (see <see cref="BerHeader"/>).</param>
    public BerReader(ReadOnlySpan<byte> data, string protocol, int baseOffset = 0, bool minimalLengths = false)
    {
        _data = data; Protocol = protocol; _base = baseOffset; _position = 0; MinimalLengths = minimalLengths;
    }

    public string Protocol { get; }
    public bool MinimalLengths { get; }
    /// <summary>Absolute offset of the next element.</summary>
    public readonly int Offset => _base + _position;
    public readonly bool HasData => _position < _data.Length;
    public readonly int Remaining => _data.Length - _position;

    public readonly ParseError Error(string field, string problem, int? absoluteOffset = null) =>
        new(Protocol, absoluteOffset ?? Offset, field, problem);

    /// <summary>The header of the next element (its content fits in what is left); does not move.</summary>
    public readonly BerHeader PeekHeader(string field, string? missing = null)
    {
        if (_position >= _data.Length) throw Error(field, missing ?? "the enclosing element ends before this field");
        return BerHeader.TryRead(_data[_position..], MinimalLengths, out string? problem) ?? throw Error(field, problem!);
    }

    /// <summary>The next element's whole encoding; moves past it.</summary>
    public ReadOnlySpan<byte> ReadElement(string field, out BerHeader header)
    {
        header = PeekHeader(field);
        var element = _data.Slice(_position, header.TotalLength);
        _position += header.TotalLength;
        return element;
    }

    /// <summary>A reader over the content of the next element, which must be constructed with tag <paramref name="expected"/>.</summary>
    public BerReader ReadConstructed(Asn1Tag expected, string field, string what)
    {
        var h = PeekHeader(field, $"the enclosing element ends before the {what}");
        if (h.Tag != expected) throw Error(field, $"expected the {what} ({BerHeader.Describe(expected)}), found {BerHeader.Describe(h.Tag)}");
        int contentAt = Offset + h.HeaderLength;
        var content = _data.Slice(_position + h.HeaderLength, h.ContentLength);
        _position += h.TotalLength;
        return new BerReader(content, Protocol, contentAt, MinimalLengths);
    }

    public BerReader ReadSequence(string field, string what) => ReadConstructed(Asn1Tag.Sequence, field, what);

    /// <summary>The content of the next primitive element with tag <paramref name="expected"/>; moves past it.</summary>
    public ReadOnlySpan<byte> ReadPrimitive(Asn1Tag expected, string field, string what, out int elementOffset)
    {
        elementOffset = Offset;
        var h = PeekHeader(field, $"the enclosing element ends before the {what}");
        if (h.Tag != expected)
        {
            string why = h.Tag.AsPrimitive() == expected
                ? $"constructed encoding of the {what}: SNMP uses the primitive form (RFC 3417 §8)"
                : $"expected the {what} ({BerHeader.Describe(expected)}), found {BerHeader.Describe(h.Tag)}";
            throw Error(field, why);
        }
        var content = _data.Slice(_position + h.HeaderLength, h.ContentLength);
        _position += h.TotalLength;
        return content;
    }

    /// <summary>An INTEGER within [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="range"/> cites where that range is defined.</summary>
    public long ReadInteger(string field, string what, long min, long max, string range)
    {
        var content = ReadPrimitive(Asn1Tag.Integer, field, what, out int at);
        if (BerInteger.Decode(content, out Int128 value) is { } problem) throw Error(field, $"{what}: {problem}", at);
        if (value < min || value > max) throw Error(field, $"{what} {value} is outside {min}..{max} ({range})", at);
        return (long)value;
    }

    public int ReadInt32(string field, string what, int min, int max, string range) => (int)ReadInteger(field, what, min, max, range);

    public ReadOnlySpan<byte> ReadOctetString(string field, string what) => ReadPrimitive(Asn1Tag.PrimitiveOctetString, field, what, out _);

    /// <summary>An OBJECT IDENTIFIER within SMI limits; a problem is reported at the element, naming the content octet.</summary>
    public ObjectIdentifier ReadObjectIdentifier(string field, string what)
    {
        var content = ReadPrimitive(Asn1Tag.ObjectIdentifier, field, what, out int at);
        return ObjectIdentifier.TryDecodeContent(content, out string? problem, out int problemAt)
            ?? throw Error(field, $"invalid {what}: {problem} (content octet {problemAt})", at);
    }

    /// <summary>Nothing may follow the last element of <paramref name="what"/>.</summary>
    public readonly void ExpectEnd(string field, string what)
    {
        if (HasData) throw Error(field, $"{Remaining} byte(s) after the last element of the {what}");
    }
}

/// <summary>BER INTEGER content (X.690 §8.3): two's complement, big-endian, in the fewest octets.</summary>
public static class BerInteger
{
    /// <summary>The largest content SNMP needs: Counter64 2^64-1 takes 9 octets.</summary>
    public const int MaxContentLength = 9;

    /// <summary>Null when <paramref name="content"/> is a valid INTEGER of at most 9 octets, else the reason.</summary>
    public static string? Decode(ReadOnlySpan<byte> content, out Int128 value)
    {
        value = 0;
        if (content.IsEmpty) return "zero-length INTEGER content is not valid BER (X.690 §8.3.1)";
        // X.690 §8.3.2: the first nine bits are neither all zero nor all one.
        if (content.Length > 1 && ((content[0] == 0x00 && content[1] < 0x80) || (content[0] == 0xFF && content[1] >= 0x80)))
            return "INTEGER is not in the fewest octets, which BER requires (X.690 §8.3.2)";
        if (content.Length > MaxContentLength) return $"INTEGER of {content.Length} octets is larger than any SMI type";
        Int128 v = (sbyte)content[0];
        for (int i = 1; i < content.Length; i++) v = v << 8 | content[i];
        value = v;
        return null;
    }
}
