namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// The securityLevel of a message (RFC 3411 §3.4.3), numbered by its msgFlags bits (RFC 3412 §6.4:
/// authFlag 0x01, privFlag 0x02; the reportableFlag 0x04 is not part of the level).
/// </summary>
public enum UsmSecurityLevel
{
    NoAuthNoPriv = 0x00,
    AuthNoPriv = 0x01,
    AuthPriv = 0x03,
}

public static class UsmSecurityLevels
{
    public const byte AuthFlag = 0x01;
    public const byte PrivFlag = 0x02;
    public const byte ReportableFlag = 0x04;

    /// <summary>The level msgFlags asks for; null for privFlag without authFlag, which RFC 3412 §7.2 step 5 rejects (snmpInvalidMsgs).</summary>
    public static UsmSecurityLevel? FromMsgFlags(byte msgFlags) => (msgFlags & 0x03) switch
    {
        0x00 => UsmSecurityLevel.NoAuthNoPriv,
        0x01 => UsmSecurityLevel.AuthNoPriv,
        0x03 => UsmSecurityLevel.AuthPriv,
        _ => null,
    };

    public static byte ToMsgFlags(this UsmSecurityLevel level, bool reportable) => (byte)((byte)level | (reportable ? ReportableFlag : 0));

    public static bool Authenticates(this UsmSecurityLevel level) => (level & UsmSecurityLevel.AuthNoPriv) != 0;
    public static bool Encrypts(this UsmSecurityLevel level) => level == UsmSecurityLevel.AuthPriv;
}
