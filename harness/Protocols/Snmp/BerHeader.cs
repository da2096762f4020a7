using System.Formats.Asn1;

namespace EUeConformance.Protocols.Snmp;

/// <summary>
/// One BER identifier and length, read with the restrictions RFC 3417 §8 puts on SNMP's use of BER:
/// the definite length form only. RFC 3417 §8 also lets a sender use more length octets than needed;
/// <c>minimalLengths</c> refuses that too (the strict profile: every accepted element re-encodes to
/// the same bytes). Lengths of more than four octets, or beyond 2^31-1, are refused in both profiles
/// (net-snmp's asn_parse_length does the same). The identifier is read by System.Formats.Asn1's
/// Asn1Tag.TryDecode. Positions are relative to the span given.
/// </summary>
public readonly record struct BerHeader(Asn1Tag Tag, int HeaderLength, int ContentLength)
{
    public int TotalLength => HeaderLength + ContentLength;

    /// <summary>Reads the header at the start of <paramref name="data"/>, RFC 3417 profile; the content must fit in it. Null, with the reason, otherwise.</summary>
    public static BerHeader? TryRead(ReadOnlySpan<byte> data, out string? problem) => TryRead(data, minimalLengths: false, out problem);

    /// <summary>Reads the header; with <paramref name="minimalLengths"/> a longer-than-needed length is refused as well.</summary>
    public static BerHeader? TryRead(ReadOnlySpan<byte> data, bool minimalLengths, out string? problem)
    {
        problem = null;
        if (data.IsEmpty) { problem = "no BER element: the input ends here"; return null; }
        if (!Asn1Tag.TryDecode(data, out var tag, out int tagLength)) { problem = "truncated or invalid BER identifier"; return null; }
        if (tagLength >= data.Length) { problem = "BER element ends after its identifier: no length"; return null; }
        byte first = data[tagLength];
        int length, lengthBytes;
        if (first < 0x80) { length = first; lengthBytes = 1; }
        else
        {
            // RFC 3417 §8 (1): "only the definite form is used; use of the indefinite form encoding is prohibited".
            if (first == 0x80) { problem = "indefinite length form (0x80) is prohibited in SNMP (RFC 3417 §8)"; return null; }
            // X.690 §8.1.3.5 c): 0xFF is reserved.
            if (first == 0xFF) { problem = "length octet 0xFF is reserved (X.690 §8.1.3.5)"; return null; }
            int n = first & 0x7F;
            if (n > 4) { problem = $"a length field of {n} octets: larger than any SNMP message (at most 4 octets are accepted)"; return null; }
            if (tagLength + 1 + n > data.Length) { problem = $"the input ends inside a {n}-octet length field"; return null; }
            long value = 0;
            for (int i = 0; i < n; i++) value = value << 8 | data[tagLength + 1 + i];
            if (value > int.MaxValue) { problem = $"BER length {value} exceeds 2^31-1"; return null; }
            if (minimalLengths && (data[tagLength + 1] == 0 || value < 0x80))
            { problem = $"BER length {value} in {1 + n} octets, not the minimal {LengthFieldSize((int)value)} (RFC 3417 §8 permits it; the strict profile does not)"; return null; }
            length = (int)value; lengthBytes = 1 + n;
        }
        int headerLength = tagLength + lengthBytes;
        if (length > data.Length - headerLength) { problem = $"BER length {length} runs past the end ({data.Length - headerLength} byte(s) left)"; return null; }
        return new BerHeader(tag, headerLength, length);
    }

    /// <summary>Octets of the minimal definite length field for <paramref name="length"/> (X.690 §10.1).</summary>
    public static int LengthFieldSize(int length) => length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : length <= 0xFFFFFF ? 4 : 5;

    /// <summary>Writes the minimal definite length field; returns its size.</summary>
    public static int WriteLength(int length, Span<byte> destination)
    {
        int size = LengthFieldSize(length);
        if (size == 1) { destination[0] = (byte)length; return 1; }
        destination[0] = (byte)(0x80 | (size - 1));
        for (int i = size - 1; i >= 1; i--) { destination[i] = (byte)length; length >>= 8; }
        return size;
    }

    public static string Describe(Asn1Tag tag) =>
        (tag.TagClass == TagClass.Universal ? $"[UNIVERSAL {tag.TagValue}]" : $"[{tag.TagClass.ToString().ToUpperInvariant()} {tag.TagValue}]")
        + (tag.IsConstructed ? " constructed" : "");
}
