using System.Formats.Asn1;
using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp;

/// <summary>ScopedPDU ::= SEQUENCE { contextEngineID OCTET STRING, contextName OCTET STRING, data ANY } (RFC 3412 §6).</summary>
public sealed class ScopedPdu(ReadOnlySpan<byte> contextEngineId, ReadOnlySpan<byte> contextName, SnmpPdu pdu) : IEquatable<ScopedPdu>
{
    public byte[] ContextEngineId { get; } = contextEngineId.ToArray();
    public byte[] ContextName { get; } = contextName.ToArray();
    public SnmpPdu Pdu { get; } = pdu ?? throw new ArgumentNullException(nameof(pdu));

    public string ContextNameText => Encoding.UTF8.GetString(ContextName);

    public void WriteTo(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteOctetString(ContextEngineId);
            writer.WriteOctetString(ContextName);
            Pdu.WriteTo(writer);
        }
    }

    public byte[] Encode()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        WriteTo(w);
        return w.Encode();
    }

    internal static ScopedPdu Read(ref BerReader reader)
    {
        var h = reader.PeekHeader(SnmpFields.ScopedPdu, "no ScopedPDU");
        if (h.Tag != Asn1Tag.Sequence) throw reader.Error(SnmpFields.ScopedPdu, $"a ScopedPDU is a SEQUENCE (tag 0x30), found {BerHeader.Describe(h.Tag)} (RFC 3412 §6)");
        var seq = reader.ReadSequence(SnmpFields.ScopedPdu, "ScopedPDU");
        var engineId = seq.ReadOctetString(SnmpFields.ContextEngineId, "contextEngineID OCTET STRING");
        var name = seq.ReadOctetString(SnmpFields.ContextName, "contextName OCTET STRING");
        var pdu = SnmpPdu.Read(ref seq, SnmpVersion.V3);
        seq.ExpectEnd(SnmpFields.ScopedPdu, "ScopedPDU (contextEngineID, contextName, PDU)");
        return new ScopedPdu(engineId, name, pdu);
    }

    /// <summary>
    /// Decodes a ScopedPDU's encoding, as decrypted: CBC-DES plaintext carries up to 7 octets of
    /// padding after it (RFC 3414 §8.1.1.2), which <paramref name="allowPadding"/> lets through; any
    /// other trailing octet is a <see cref="ParseError"/>. Offsets are relative to <paramref name="plaintext"/>.
    /// </summary>
    public static ScopedPdu Decode(ReadOnlySpan<byte> plaintext, SnmpDecodeOptions? options = null, bool allowPadding = false)
    {
        var reader = new BerReader(plaintext, SnmpFields.Protocol, 0, (options ?? SnmpDecodeOptions.Strict).MinimalLengths);
        var scoped = Read(ref reader);
        if (reader.Remaining > (allowPadding ? 7 : 0))
            throw reader.Error(SnmpFields.ScopedPdu, $"{reader.Remaining} byte(s) after the ScopedPDU{(allowPadding ? ", more than DES padding (at most 7, RFC 3414 §8.1.1.2)" : "")}");
        return scoped;
    }

    public bool Equals(ScopedPdu? other) =>
        other is not null && ContextEngineId.AsSpan().SequenceEqual(other.ContextEngineId) && ContextName.AsSpan().SequenceEqual(other.ContextName) && Pdu.Equals(other.Pdu);
    public override bool Equals(object? obj) => Equals(obj as ScopedPdu);
    public override int GetHashCode() => HashCode.Combine(ContextEngineId.Length, ContextName.Length, Pdu);

    public override string ToString() => $"contextEngineID={Convert.ToHexString(ContextEngineId).ToLowerInvariant()} contextName=\"{ContextNameText}\" {Pdu}";
}
