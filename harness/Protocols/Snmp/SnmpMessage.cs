using System.Buffers;
using System.Formats.Asn1;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp;

/// <summary>msgVersion / version: SNMPv1 0 (RFC 1157), SNMPv2c 1 (RFC 1901), SNMPv3 3 (RFC 3412 §6).</summary>
public enum SnmpVersion { V1 = 0, V2c = 1, V3 = 3 }

/// <summary>How strictly the codec reads BER.</summary>
/// <param name="MinimalLengths">
/// Refuse length fields longer than needed. RFC 3417 §8 permits them ("it is permissible to use more
/// than the minimum number of length octets"); the strict profile refuses them so that every message
/// it accepts re-encodes to exactly its own bytes.
/// </param>
public sealed record SnmpDecodeOptions(bool MinimalLengths)
{
    /// <summary>The strict profile (the codec's default): minimal lengths, so decode then encode gives back the input.</summary>
    public static SnmpDecodeOptions Strict { get; } = new(MinimalLengths: true);
    /// <summary>What RFC 3417 §8 allows a sender: longer-than-minimal definite lengths too. The SNMP roles use this towards peers.</summary>
    public static SnmpDecodeOptions Rfc3417 { get; } = new(MinimalLengths: false);
}

/// <summary>
/// An SNMP message: <see cref="CommunityMessage"/> (v1, v2c) or <see cref="SnmpV3Message"/>. The codec
/// is a pair of pure functions: <see cref="Decode"/> over a datagram (only <see cref="ParseError"/>,
/// with the offset and Wireshark field of the first bad element; nothing may follow the message) and
/// <see cref="Encode()"/> to minimal BER (DER), which System.Formats.Asn1's AsnWriter writes.
/// </summary>
public abstract class SnmpMessage
{
    public abstract SnmpVersion Version { get; }

    public abstract void WriteTo(AsnWriter writer);

    public byte[] Encode()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        WriteTo(w);
        return w.Encode();
    }

    public void Encode(IBufferWriter<byte> output)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        WriteTo(w);
        int length = w.GetEncodedLength();
        w.Encode(output.GetSpan(length));
        output.Advance(length);
    }

    /// <summary>Decodes one datagram (strict profile unless <paramref name="options"/> says otherwise).</summary>
    public static SnmpMessage Decode(ReadOnlySpan<byte> datagram, SnmpDecodeOptions? options = null)
    {
        options ??= SnmpDecodeOptions.Strict;
        var reader = new BerReader(datagram, SnmpFields.Protocol, 0, options.MinimalLengths);
        var h = reader.PeekHeader(SnmpFields.Message, "an empty datagram is not an SNMP message");
        if (h.Tag != Asn1Tag.Sequence) throw reader.Error(SnmpFields.Message, $"an SNMP message is a SEQUENCE (tag 0x30), found {BerHeader.Describe(h.Tag)} (RFC 3416 §3, RFC 3412 §6)");
        var message = reader.ReadSequence(SnmpFields.Message, "message SEQUENCE");
        if (reader.HasData) throw reader.Error(SnmpFields.Message, $"{reader.Remaining} byte(s) after the message SEQUENCE");

        // RFC 3412 §7.2 step 2: the version selects the message format; others are snmpInBadVersions.
        int versionAt = message.Offset;
        int version = message.ReadInt32(SnmpFields.Version, "version", int.MinValue, int.MaxValue, "RFC 3416 §3");
        return version switch
        {
            0 => CommunityMessage.ReadBody(ref message, SnmpVersion.V1),
            1 => CommunityMessage.ReadBody(ref message, SnmpVersion.V2c),
            3 => SnmpV3Message.ReadBody(ref message, datagram),
            _ => throw reader.Error(SnmpFields.Version, $"version {version} is none of SNMPv1 (0), SNMPv2c (1), SNMPv3 (3) (RFC 3412 §7.2 step 2: snmpInBadVersions)", versionAt),
        };
    }
}

/// <summary>
/// A community-based message: SEQUENCE { version INTEGER, community OCTET STRING, data PDU }
/// (RFC 1157 §4 for v1, RFC 1901 §3 for v2c).
/// </summary>
public sealed class CommunityMessage : SnmpMessage
{
    public CommunityMessage(SnmpVersion version, ReadOnlySpan<byte> community, SnmpPdu pdu)
    {
        if (version == SnmpVersion.V3) throw new ArgumentException("an SNMPv3 message is an SnmpV3Message", nameof(version));
        ArgumentNullException.ThrowIfNull(pdu);
        if (version == SnmpVersion.V1 && !pdu.Type.IsV1()) throw new ArgumentException($"{pdu.Type.Describe()} does not exist in SNMPv1", nameof(pdu));
        if (version == SnmpVersion.V2c && pdu.Type == PduType.TrapV1) throw new ArgumentException("the v1 Trap-PDU does not exist in SNMPv2c", nameof(pdu));
        Version = version; Community = community.ToArray(); Pdu = pdu;
    }

    public CommunityMessage(SnmpVersion version, string community, SnmpPdu pdu) : this(version, System.Text.Encoding.UTF8.GetBytes(community), pdu) { }

    public override SnmpVersion Version { get; }
    public byte[] Community { get; }
    public string CommunityText => System.Text.Encoding.UTF8.GetString(Community);
    public SnmpPdu Pdu { get; }

    internal static CommunityMessage ReadBody(ref BerReader message, SnmpVersion version)
    {
        var community = message.ReadOctetString(SnmpFields.Community, "community OCTET STRING");
        var pdu = SnmpPdu.Read(ref message, version);
        message.ExpectEnd(SnmpFields.Message, "message (version, community, PDU)");
        return new CommunityMessage(version, community, pdu);
    }

    public override void WriteTo(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)Version);
            writer.WriteOctetString(Community);
            Pdu.WriteTo(writer);
        }
    }

    public override string ToString() => $"SNMP{(Version == SnmpVersion.V1 ? "v1" : "v2c")} community=\"{CommunityText}\" {Pdu}";
}
