using System.Formats.Asn1;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>
/// Just enough of the SNMPv3 message (RFC 3412 §6) for these tests, written with System.Formats.Asn1:
/// SEQUENCE { msgVersion 3, msgGlobalData SEQUENCE { msgID, msgMaxSize, msgFlags, msgSecurityModel },
/// msgSecurityParameters OCTET STRING, msgData (ScopedPDU | encryptedPDU OCTET STRING) }. The real
/// message codec belongs to harness/Protocols/Snmp; this one only frames the USM's parts and finds
/// their offsets, so that the tests can hand the USM the whole message as it would.
/// </summary>
sealed record SnmpV3Frame(int MsgId, int MsgMaxSize, byte MsgFlags, int SecurityModel,
    int SecurityParametersOffset, int SecurityParametersLength, int MsgDataOffset, int MsgDataLength, bool Encrypted)
{
    public const int UsmSecurityModel = 3;

    /// <summary>Encodes a message; <paramref name="msgData"/> is a ScopedPDU's encoding (plaintext) or the ciphertext (wrapped here in an OCTET STRING).</summary>
    public static byte[] Encode(int msgId, byte msgFlags, byte[] securityParameters, byte[] msgData, bool encrypted, int msgMaxSize = 65507)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(3);
            using (w.PushSequence())
            {
                w.WriteInteger(msgId);
                w.WriteInteger(msgMaxSize);
                w.WriteOctetString([msgFlags]);
                w.WriteInteger(UsmSecurityModel);
            }
            w.WriteOctetString(securityParameters);
            if (encrypted) w.WriteOctetString(msgData);
            else w.WriteEncodedValue(msgData);
        }
        return w.Encode();
    }

    /// <summary>Parses the framing and returns where each part is.</summary>
    public static SnmpV3Frame Parse(ReadOnlySpan<byte> message)
    {
        AsnDecoder.ReadEncodedValue(message, AsnEncodingRules.BER, out int seqContent, out int seqLength, out _);
        var body = message.Slice(seqContent, seqLength);
        int at = 0;
        int version = (int)AsnDecoder.ReadInteger(body, AsnEncodingRules.BER, out int n); at += n;
        if (version != 3) throw new FormatException($"msgVersion {version}");
        AsnDecoder.ReadSequence(body[at..], AsnEncodingRules.BER, out int gContent, out int gLength, out n);
        var g = body.Slice(at + gContent, gLength); at += n;
        int gAt = 0;
        int msgId = (int)AsnDecoder.ReadInteger(g, AsnEncodingRules.BER, out n); gAt += n;
        int maxSize = (int)AsnDecoder.ReadInteger(g[gAt..], AsnEncodingRules.BER, out n); gAt += n;
        byte flags = AsnDecoder.ReadOctetString(g[gAt..], AsnEncodingRules.BER, out n)[0]; gAt += n;
        int model = (int)AsnDecoder.ReadInteger(g[gAt..], AsnEncodingRules.BER, out _);
        AsnDecoder.ReadEncodedValue(body[at..], AsnEncodingRules.BER, out int spContent, out int spLength, out n);
        int securityParametersOffset = seqContent + at + spContent;
        at += n;
        var tag = Asn1Tag.Decode(body[at..], out _);
        AsnDecoder.ReadEncodedValue(body[at..], AsnEncodingRules.BER, out int dContent, out int dLength, out n);
        bool encrypted = tag == Asn1Tag.PrimitiveOctetString;
        return encrypted
            ? new SnmpV3Frame(msgId, maxSize, flags, model, securityParametersOffset, spLength, seqContent + at + dContent, dLength, true)
            : new SnmpV3Frame(msgId, maxSize, flags, model, securityParametersOffset, spLength, seqContent + at, n, false);
    }
}

/// <summary>A ScopedPDU (RFC 3412 §6) and its PDU, minimally, written and read with System.Formats.Asn1.</summary>
sealed record ScopedPdu(byte[] ContextEngineId, byte[] ContextName, int PduTag, int RequestId, int ErrorStatus, int ErrorIndex,
    IReadOnlyList<(string Oid, byte[] EncodedValue)> VarBinds)
{
    public const int GetRequest = 0, GetResponse = 2, SetRequest = 3, InformRequest = 6, Report = 8;
    public static readonly byte[] Null = [0x05, 0x00];

    public static byte[] OctetString(string text)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        w.WriteOctetString(System.Text.Encoding.UTF8.GetBytes(text));
        return w.Encode();
    }

    public byte[] Encode()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteOctetString(ContextEngineId);
            w.WriteOctetString(ContextName);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, PduTag, isConstructed: true)))
            {
                w.WriteInteger(RequestId);
                w.WriteInteger(ErrorStatus);
                w.WriteInteger(ErrorIndex);
                using (w.PushSequence())
                    foreach (var (oid, value) in VarBinds)
                        using (w.PushSequence())
                        {
                            w.WriteObjectIdentifier(oid);
                            w.WriteEncodedValue(value);
                        }
            }
        }
        return w.Encode();
    }

    /// <summary>Reads a ScopedPDU from the start of <paramref name="bytes"/>; what follows it (DES padding) is ignored.</summary>
    public static ScopedPdu Decode(byte[] bytes)
    {
        var outer = new AsnReader(bytes, AsnEncodingRules.BER);
        var seq = outer.ReadSequence();
        byte[] contextEngineId = seq.ReadOctetString();
        byte[] contextName = seq.ReadOctetString();
        var pduTag = seq.PeekTag();
        if (pduTag.TagClass != TagClass.ContextSpecific) throw new FormatException($"PDU tag {pduTag}");
        var pdu = seq.ReadSequence(pduTag);
        int requestId = (int)pdu.ReadInteger();
        int errorStatus = (int)pdu.ReadInteger();
        int errorIndex = (int)pdu.ReadInteger();
        var list = pdu.ReadSequence();
        var varBinds = new List<(string, byte[])>();
        while (list.HasData)
        {
            var vb = list.ReadSequence();
            varBinds.Add((vb.ReadObjectIdentifier(), vb.ReadEncodedValue().ToArray()));
            vb.ThrowIfNotEmpty();
        }
        pdu.ThrowIfNotEmpty();
        seq.ThrowIfNotEmpty();
        return new ScopedPdu(contextEngineId, contextName, pduTag.TagValue, requestId, errorStatus, errorIndex, varBinds);
    }
}
