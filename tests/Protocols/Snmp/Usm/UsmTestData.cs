using EUeConformance.Protocols.Snmp.Usm;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>Engines, users and samples shared by the USM tests. Users built from passwords are built once (1 MB of digest each).</summary>
static class UsmTestData
{
    /// <summary>An RFC 3411 engine ID in net-snmp's "random" format (0x80 | enterprise 8072, format 128, 8 octets), which Wireshark accepts as conforming.</summary>
    public static readonly byte[] EngineId = Convert.FromHexString("80001F88800102030405060708");
    public static readonly byte[] OtherEngineId = Convert.FromHexString("80001F8880A1A2A3A4A5A6A7A8");

    public const string AuthPassword = "eue-auth-pass";
    public const string PrivPassword = "eue-priv-pass";

    static readonly Lazy<UsmUser> ShaAes = new(() => UsmUser.FromPasswords("provserver", EngineId, UsmAuthProtocol.HmacSha, AuthPassword, UsmPrivProtocol.AesCfb128, PrivPassword));
    static readonly Lazy<UsmUser> Md5Des = new(() => UsmUser.FromPasswords("md5des", EngineId, UsmAuthProtocol.HmacMd5, AuthPassword, UsmPrivProtocol.Des, PrivPassword));
    static readonly Lazy<UsmUser> ShaOnly = new(() => UsmUser.FromPasswords("authonly", EngineId, UsmAuthProtocol.HmacSha, AuthPassword));

    public static UsmUser ShaAesUser => ShaAes.Value;
    public static UsmUser Md5DesUser => Md5Des.Value;
    public static UsmUser ShaOnlyUser => ShaOnly.Value;
    public static UsmUser NoAuthUser { get; } = UsmUser.WithoutSecurity("public-ish", EngineId);

    public static UsmUserTable Users => new([ShaAesUser, Md5DesUser, ShaOnlyUser, NoAuthUser]);

    /// <summary>
    /// The msgSecurityParameters content of an authPriv GET that net-snmp 5.9.3's snmpget sent
    /// (-v3 -l authPriv -u user -a SHA -x AES -e 8000000001020304, captured on 127.0.0.1 while writing
    /// these tests): engine ID, boots 0, time 0, "user", a 12-octet MAC, an 8-octet salt.
    /// </summary>
    public static readonly byte[] NetSnmpSecurityParameters = Convert.FromHexString(
        "302E04088000000001020304020100020100040475736572040C798EA3CA67F72B4AF871CBEA04087AFD0E0EB20A329F");

    /// <summary>A discovery probe as net-snmp sends it: everything empty or zero (RFC 3414 §4).</summary>
    public static readonly byte[] DiscoveryProbeParameters = Convert.FromHexString("300E0400020100020100040004000400");

    public static ScopedPdu GetSysDescr(int requestId) =>
        new(EngineId, [], ScopedPdu.GetRequest, requestId, 0, 0, [("1.3.6.1.2.1.1.1.0", ScopedPdu.Null)]);

    /// <summary>
    /// A whole secured message as the codec would build it: USM prepares, the frame is encoded, the
    /// USM signs at the offset (security parameters content offset + auth params offset within them).
    /// </summary>
    public static byte[] SecureMessage(UsmUser user, UsmSecurityLevel level, int boots, int time, byte[] scopedPdu, IUsmSaltSource salt,
        int msgId = 4711, bool reportable = true, byte[]? engineId = null)
    {
        var parts = UsmOutgoing.Prepare(level, user, engineId ?? user.EngineId, boots, time, scopedPdu, salt);
        byte[] sp = parts.Parameters.Encode(out int authInSp);
        byte[] message = SnmpV3Frame.Encode(msgId, level.ToMsgFlags(reportable), sp, parts.MsgData, parts.Encrypted);
        if (level.Authenticates())
        {
            var frame = SnmpV3Frame.Parse(message);
            UsmOutgoing.Authenticate(user, message, frame.SecurityParametersOffset + authInSp);
        }
        return message;
    }

    /// <summary>Receives a whole message the way the codec will: parse the frame, decode the USM parameters at their offset, process.</summary>
    public static UsmIncomingResult Receive(byte[] message, UsmLocalEngine local, UsmUserTable users, UsmEngineTimeNotion? remote = null)
    {
        var frame = SnmpV3Frame.Parse(message);
        var parameters = UsmSecurityParameters.Decode(message.AsSpan(frame.SecurityParametersOffset, frame.SecurityParametersLength),
            frame.SecurityParametersOffset, out int authOffset);
        var level = UsmSecurityLevels.FromMsgFlags(frame.MsgFlags)!.Value;
        return UsmIncoming.Process(level, parameters, message, authOffset, message.AsSpan(frame.MsgDataOffset, frame.MsgDataLength), local, users, remote);
    }
}
