using System.Formats.Asn1;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>
/// One SNMP VarBind, SEQUENCE { name OBJECT IDENTIFIER, value ObjectSyntax }, the value of TLV 11
/// and TLV 64 (PKT-PROV1.5 §9.1: "encoded in ASN.1 Basic Encoding Rules, just as it would be if part
/// of an SNMP Set request"). Decoding accepts BER but, as RFC 3417 §8 requires of SNMP, rejects the
/// indefinite length form and constructed encodings of simple types; encoding is minimal (DER).
/// </summary>
public sealed record VarBind(string Oid, SnmpValue Value)
{
    public string Oid { get; } = ObjectIdentifiers.Validate(Oid);
    public SnmpValue Value { get; } = Value ?? throw new ArgumentNullException(nameof(Value));

    public byte[] Encode()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(Oid);
            Value.WriteTo(w);
        }
        return w.Encode();
    }

    /// <summary>Decodes a VarBind that fills <paramref name="bytes"/> exactly; throws only <see cref="ParseError"/>.</summary>
    public static VarBind Decode(ReadOnlySpan<byte> bytes, int baseOffset = 0) =>
        TryDecode(bytes, baseOffset, out var error) ?? throw error!;

    /// <summary>Decodes, or returns null and a <see cref="ParseError"/> that points at the offending byte.</summary>
    public static VarBind? TryDecode(ReadOnlySpan<byte> bytes, int baseOffset, out ParseError? error)
    {
        error = null;
        ParseError Fail(int at, string field, string problem) => new(ConfigFileFields.Protocol, baseOffset + at, field, problem);

        if (!TryReadHeader(bytes, 0, out var seqTag, out int seqContent, out int seqLength, out string? why))
        { error = Fail(0, ConfigFileFields.SnmpObject, why!); return null; }
        if (seqTag != Asn1Tag.Sequence)
        { error = Fail(0, ConfigFileFields.SnmpObject, $"a VarBind is a SEQUENCE (tag 0x30), found tag {Describe(seqTag)}"); return null; }
        int seqEnd = seqContent + seqLength;
        if (seqEnd < bytes.Length)
        { error = Fail(seqEnd, ConfigFileFields.SnmpObject, $"{bytes.Length - seqEnd} byte(s) after the VarBind SEQUENCE"); return null; }

        int at = seqContent;
        if (at == seqEnd) { error = Fail(at, ConfigFileFields.VarBindName, "empty VarBind SEQUENCE: no name"); return null; }
        if (!TryReadHeader(bytes[..seqEnd], at, out var nameTag, out int nameContent, out int nameLength, out why))
        { error = Fail(at, ConfigFileFields.VarBindName, why!); return null; }
        if (nameTag != Asn1Tag.ObjectIdentifier)
        { error = Fail(at, ConfigFileFields.VarBindName, $"VarBind name must be an OBJECT IDENTIFIER (tag 0x06), found {Describe(nameTag)}"); return null; }
        string oid;
        try { oid = AsnDecoder.ReadObjectIdentifier(bytes[at..(nameContent + nameLength)], AsnEncodingRules.BER, out _); }
        catch (AsnContentException e) { error = Fail(at, ConfigFileFields.VarBindName, $"invalid OBJECT IDENTIFIER: {e.Message}"); return null; }
        if (ObjectIdentifiers.SmiProblem(oid) is { } oidProblem) { error = Fail(at, ConfigFileFields.VarBindName, oidProblem); return null; }

        at = nameContent + nameLength;
        if (at == seqEnd) { error = Fail(at, ConfigFileFields.VarBindValue, $"VarBind {oid} has no value"); return null; }
        if (!TryReadHeader(bytes[..seqEnd], at, out var valueTag, out int valueContent, out int valueLength, out why))
        { error = Fail(at, ConfigFileFields.VarBindValue, why!); return null; }
        if (valueTag.IsConstructed)
        { error = Fail(at, ConfigFileFields.VarBindValue, $"constructed encoding {Describe(valueTag)}: SNMP values use the primitive form (RFC 3417 §8)"); return null; }
        if (SnmpValue.TypeOf(valueTag) is not { } type)
        { error = Fail(at, ConfigFileFields.VarBindValue, $"tag {Describe(valueTag)} is not an SMI type (RFC 2578 §7.1)"); return null; }
        int valueEnd = valueContent + valueLength;
        var value = SnmpValue.TryDecode(bytes[at..valueEnd], type, valueTag, out why);
        if (value is null) { error = Fail(at, ConfigFileFields.VarBindValue, why!); return null; }
        if (valueEnd < seqEnd)
        { error = Fail(valueEnd, ConfigFileFields.SnmpObject, $"{seqEnd - valueEnd} byte(s) after the VarBind value: a VarBind has exactly two elements"); return null; }
        return new VarBind(oid, value);
    }

    /// <summary>
    /// Reads a BER identifier and definite length at <paramref name="at"/>; content must fit in
    /// <paramref name="data"/>. Positions returned are within <paramref name="data"/>.
    /// </summary>
    static bool TryReadHeader(ReadOnlySpan<byte> data, int at, out Asn1Tag tag, out int contentOffset, out int contentLength, out string? problem)
    {
        tag = default; contentOffset = 0; contentLength = 0; problem = null;
        var rest = data[at..];
        if (rest.IsEmpty) { problem = "no BER element: input ends"; return false; }
        if (!Asn1Tag.TryDecode(rest, out tag, out int tagLength)) { problem = "truncated or invalid BER identifier"; return false; }
        if (tagLength >= rest.Length) { problem = "BER element ends after its identifier: no length"; return false; }
        // RFC 3417 §8: the definite form only.
        if (rest[tagLength] == 0x80) { problem = "indefinite length form (0x80) is prohibited in SNMP (RFC 3417 §8)"; return false; }
        int? length;
        int lengthBytes;
        try { length = AsnDecoder.DecodeLength(rest[tagLength..], AsnEncodingRules.BER, out lengthBytes); }
        catch (AsnContentException e) { problem = $"invalid BER length: {e.Message}"; return false; }
        if (length is not { } len) { problem = "indefinite length form is prohibited in SNMP (RFC 3417 §8)"; return false; }
        int headerLength = tagLength + lengthBytes;
        if (len > rest.Length - headerLength) { problem = $"BER length {len} runs past the end ({rest.Length - headerLength} byte(s) left)"; return false; }
        contentOffset = at + headerLength;
        contentLength = len;
        return true;
    }

    static string Describe(Asn1Tag tag) =>
        tag.TagClass == TagClass.Universal ? $"[UNIVERSAL {tag.TagValue}]{(tag.IsConstructed ? " constructed" : "")}" : $"[{tag.TagClass.ToString().ToUpperInvariant()} {tag.TagValue}]{(tag.IsConstructed ? " constructed" : "")}";

    /// <summary>"PKTC-IETF-MTA-MIB::pktcMtaDevEnabled.0 = INTEGER: 1" when the name is known.</summary>
    public override string ToString() => $"{MibNames.Describe(Oid)} = {Value}";
}
