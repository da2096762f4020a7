using System.Formats.Asn1;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// One BER identifier and length read with System.Formats.Asn1 (Asn1Tag.TryDecode and
/// AsnDecoder.DecodeLength under BER rules), with the restrictions RFC 3417 §8 puts on SNMP's use of
/// BER: the definite length form only (a longer-than-minimal definite form is allowed), and the
/// primitive form for INTEGER and OCTET STRING. Positions are relative to the span given.
/// </summary>
readonly record struct BerHeader(Asn1Tag Tag, int HeaderLength, int ContentLength)
{
    public int TotalLength => HeaderLength + ContentLength;

    /// <summary>Reads the header at the start of <paramref name="data"/>; the content must fit in it. Null, with the reason, otherwise.</summary>
    public static BerHeader? TryRead(ReadOnlySpan<byte> data, out string? problem)
    {
        problem = null;
        if (data.IsEmpty) { problem = "no BER element: the input ends here"; return null; }
        if (!Asn1Tag.TryDecode(data, out var tag, out int tagLength)) { problem = "truncated or invalid BER identifier"; return null; }
        if (tagLength >= data.Length) { problem = "BER element ends after its identifier: no length"; return null; }
        // RFC 3417 §8 (1): "only the definite form is used; use of the indefinite form encoding is prohibited".
        if (data[tagLength] == 0x80) { problem = "indefinite length form (0x80) is prohibited in SNMP (RFC 3417 §8)"; return null; }
        int? length;
        int lengthBytes;
        try { length = AsnDecoder.DecodeLength(data[tagLength..], AsnEncodingRules.BER, out lengthBytes); }
        catch (AsnContentException e) { problem = $"invalid BER length: {e.Message}"; return null; }
        if (length is not { } len) { problem = "indefinite length form is prohibited in SNMP (RFC 3417 §8)"; return null; }
        int headerLength = tagLength + lengthBytes;
        if (len > data.Length - headerLength) { problem = $"BER length {len} runs past the end ({data.Length - headerLength} byte(s) left)"; return null; }
        return new BerHeader(tag, headerLength, len);
    }

    public static string Describe(Asn1Tag tag) =>
        (tag.TagClass == TagClass.Universal ? $"[UNIVERSAL {tag.TagValue}]" : $"[{tag.TagClass.ToString().ToUpperInvariant()} {tag.TagValue}]")
        + (tag.IsConstructed ? " constructed" : "");
}
