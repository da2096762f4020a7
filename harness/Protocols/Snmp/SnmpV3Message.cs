using System.Formats.Asn1;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Snmp;

/// <summary>Where the parts of a decoded SNMPv3 message sit in the datagram: what the USM needs to verify and decrypt it.</summary>
/// <param name="SecurityParametersOffset">Offset of the msgSecurityParameters content (the UsmSecurityParameters SEQUENCE).</param>
/// <param name="MsgDataOffset">Offset of the plaintext ScopedPDU element, or of the encryptedPDU's content.</param>
/// <param name="MsgDataLength">Length of that span.</param>
public readonly record struct SnmpV3Layout(int SecurityParametersOffset, int SecurityParametersLength, int MsgDataOffset, int MsgDataLength);

/// <summary>
/// An SNMPv3 message (RFC 3412 §6):
/// <code>
/// SNMPv3Message ::= SEQUENCE {
///     msgVersion INTEGER (0..2147483647),            -- 3
///     msgGlobalData HeaderData,                      -- msgID, msgMaxSize, msgFlags, msgSecurityModel
///     msgSecurityParameters OCTET STRING,            -- for USM: UsmSecurityParameters (RFC 3414 §2.4)
///     msgData ScopedPduData }                        -- plaintext ScopedPDU | encryptedPDU OCTET STRING
/// </code>
/// The codec keeps msgSecurityParameters as octets (the security model reads them) and the
/// encryptedPDU as octets (the privacy protocol decrypts them); <see cref="Layout"/> says where they
/// were. msgFlags' privFlag decides which msgData form must be present.
/// </summary>
public sealed class SnmpV3Message : SnmpMessage
{
    /// <summary>RFC 3412 §6: msgMaxSize INTEGER (484..2147483647).</summary>
    public const int MinMaxSize = 484;
    /// <summary>msgSecurityModel 3, the User-based Security Model (RFC 3411 §5 SnmpSecurityModel).</summary>
    public const int UsmSecurityModel = 3;

    SnmpV3Message(int messageId, int maxSize, byte flags, int securityModel, byte[] securityParameters, ScopedPdu? scopedPdu, byte[]? encryptedPdu, SnmpV3Layout layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messageId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, MinMaxSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(securityModel, 1);
        MessageId = messageId; MaxSize = maxSize; Flags = flags; SecurityModel = securityModel;
        SecurityParameters = securityParameters; ScopedPdu = scopedPdu; EncryptedPdu = encryptedPdu; Layout = layout;
    }

    /// <summary>A message with a plaintext ScopedPDU (noAuthNoPriv or authNoPriv).</summary>
    public static SnmpV3Message Plaintext(int messageId, int maxSize, byte flags, int securityModel, byte[] securityParameters, ScopedPdu scopedPdu)
    {
        if ((flags & UsmSecurityLevels.PrivFlag) != 0) throw new ArgumentException("privFlag set: msgData must be an encryptedPDU (RFC 3412 §6)", nameof(flags));
        return new(messageId, maxSize, flags, securityModel, securityParameters, scopedPdu ?? throw new ArgumentNullException(nameof(scopedPdu)), null, default);
    }

    /// <summary>A message whose msgData is an encryptedPDU (authPriv).</summary>
    public static SnmpV3Message Encrypted(int messageId, int maxSize, byte flags, int securityModel, byte[] securityParameters, byte[] encryptedPdu)
    {
        if ((flags & UsmSecurityLevels.PrivFlag) == 0) throw new ArgumentException("privFlag clear: msgData must be a plaintext ScopedPDU (RFC 3412 §6)", nameof(flags));
        return new(messageId, maxSize, flags, securityModel, securityParameters, null, encryptedPdu ?? throw new ArgumentNullException(nameof(encryptedPdu)), default);
    }

    public override SnmpVersion Version => SnmpVersion.V3;
    /// <summary>msgID INTEGER (0..2147483647): correlates a Response or Report with its request (RFC 3412 §6.2).</summary>
    public int MessageId { get; }
    /// <summary>msgMaxSize: the largest message the sender can receive (RFC 3412 §6.3).</summary>
    public int MaxSize { get; }
    /// <summary>msgFlags: authFlag 0x01, privFlag 0x02, reportableFlag 0x04 (RFC 3412 §6.4).</summary>
    public byte Flags { get; }
    public int SecurityModel { get; }
    public byte[] SecurityParameters { get; }
    /// <summary>The plaintext ScopedPDU; null when <see cref="EncryptedPdu"/> carries it.</summary>
    public ScopedPdu? ScopedPdu { get; }
    public byte[]? EncryptedPdu { get; }
    /// <summary>Where the parts were in the decoded datagram (default for a built message).</summary>
    public SnmpV3Layout Layout { get; }

    public bool IsReportable => (Flags & UsmSecurityLevels.ReportableFlag) != 0;
    /// <summary>The security level msgFlags asks for; null for privFlag without authFlag (RFC 3412 §7.2 step 5: snmpInvalidMsgs).</summary>
    public UsmSecurityLevel? SecurityLevel => UsmSecurityLevels.FromMsgFlags(Flags);

    static readonly Asn1Tag FlagsTag = Asn1Tag.PrimitiveOctetString;

    internal static SnmpV3Message ReadBody(ref BerReader message, ReadOnlySpan<byte> datagram)
    {
        var global = message.ReadSequence(SnmpFields.MsgGlobalData, "msgGlobalData HeaderData SEQUENCE");
        int messageId = global.ReadInt32(SnmpFields.MsgId, "msgID", 0, int.MaxValue, "RFC 3412 §6: INTEGER (0..2147483647)");
        int maxSize = global.ReadInt32(SnmpFields.MsgMaxSize, "msgMaxSize", MinMaxSize, int.MaxValue, "RFC 3412 §6: INTEGER (484..2147483647)");
        var flags = global.ReadPrimitive(FlagsTag, SnmpFields.MsgFlags, "msgFlags OCTET STRING", out int flagsAt);
        if (flags.Length != 1) throw global.Error(SnmpFields.MsgFlags, $"msgFlags is OCTET STRING (SIZE(1)) (RFC 3412 §6), this one has {flags.Length} octet(s)", flagsAt);
        int model = global.ReadInt32(SnmpFields.MsgSecurityModel, "msgSecurityModel", 1, int.MaxValue, "RFC 3412 §6: INTEGER (1..2147483647)");
        global.ExpectEnd(SnmpFields.MsgGlobalData, "HeaderData (four fields, RFC 3412 §6)");

        int spAt = message.Offset;
        var securityParameters = message.ReadOctetString(SnmpFields.MsgSecurityParameters, "msgSecurityParameters OCTET STRING");
        int spContentAt = spAt + BerHeader.TryRead(datagram[spAt..], message.MinimalLengths, out _)!.Value.HeaderLength;

        bool encrypted = (flags[0] & UsmSecurityLevels.PrivFlag) != 0;
        int dataAt = message.Offset;
        var dataHeader = message.PeekHeader(SnmpFields.MsgData, "the message ends before msgData");
        SnmpV3Message result;
        if (encrypted)
        {
            if (dataHeader.Tag != Asn1Tag.PrimitiveOctetString)
                throw message.Error(SnmpFields.MsgData, $"privFlag is set, so msgData is an encryptedPDU OCTET STRING (RFC 3412 §6), found {BerHeader.Describe(dataHeader.Tag)}");
            var cipher = message.ReadOctetString(SnmpFields.EncryptedPdu, "encryptedPDU OCTET STRING");
            result = new(messageId, maxSize, flags[0], model, securityParameters.ToArray(), null, cipher.ToArray(),
                new SnmpV3Layout(spContentAt, securityParameters.Length, dataAt + dataHeader.HeaderLength, cipher.Length));
        }
        else
        {
            if (dataHeader.Tag != Asn1Tag.Sequence)
                throw message.Error(SnmpFields.MsgData, $"privFlag is clear, so msgData is a plaintext ScopedPDU SEQUENCE (RFC 3412 §6), found {BerHeader.Describe(dataHeader.Tag)}");
            var scoped = ScopedPdu.Read(ref message);
            result = new(messageId, maxSize, flags[0], model, securityParameters.ToArray(), scoped, null,
                new SnmpV3Layout(spContentAt, securityParameters.Length, dataAt, dataHeader.TotalLength));
        }
        message.ExpectEnd(SnmpFields.Message, "SNMPv3Message (four fields, RFC 3412 §6)");
        return result;
    }

    public override void WriteTo(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(3);
            using (writer.PushSequence())
            {
                writer.WriteInteger(MessageId);
                writer.WriteInteger(MaxSize);
                writer.WriteOctetString([Flags]);
                writer.WriteInteger(SecurityModel);
            }
            writer.WriteOctetString(SecurityParameters);
            if (ScopedPdu is not null) ScopedPdu.WriteTo(writer);
            else writer.WriteOctetString(EncryptedPdu!);
        }
    }

    /// <summary>The offset of the msgSecurityParameters content in an encoding of a message (ours: well-formed).</summary>
    internal static int LocateSecurityParameters(ReadOnlySpan<byte> encoded)
    {
        int at = BerHeader.TryRead(encoded, out _)!.Value.HeaderLength;                // SNMPv3Message SEQUENCE
        at += BerHeader.TryRead(encoded[at..], out _)!.Value.TotalLength;             // msgVersion
        at += BerHeader.TryRead(encoded[at..], out _)!.Value.TotalLength;             // msgGlobalData
        return at + BerHeader.TryRead(encoded[at..], out _)!.Value.HeaderLength;      // msgSecurityParameters header
    }

    public override string ToString() =>
        $"SNMPv3 msgID={MessageId} msgMaxSize={MaxSize} msgFlags=0x{Flags:x2} msgSecurityModel={SecurityModel} " +
        (ScopedPdu is not null ? ScopedPdu.ToString() : $"encryptedPDU ({EncryptedPdu!.Length} octets)");
}
