namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// The protocol and field names a <see cref="Wire.ParseError"/> from this folder carries: Wireshark's
/// (packet-snmp.c hf_register_info: snmp.msgSecurityParameters, snmp.msgAuthoritativeEngineID …).
/// </summary>
public static class UsmFields
{
    public const string Protocol = "snmp";
    public const string SecurityParameters = "snmp.msgSecurityParameters";
    public const string AuthoritativeEngineId = "snmp.msgAuthoritativeEngineID";
    public const string AuthoritativeEngineBoots = "snmp.msgAuthoritativeEngineBoots";
    public const string AuthoritativeEngineTime = "snmp.msgAuthoritativeEngineTime";
    public const string UserName = "snmp.msgUserName";
    public const string AuthenticationParameters = "snmp.msgAuthenticationParameters";
    public const string PrivacyParameters = "snmp.msgPrivacyParameters";
}
