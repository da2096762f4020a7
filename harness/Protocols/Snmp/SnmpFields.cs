namespace EUeConformance.Protocols.Snmp;

/// <summary>
/// The protocol and field names a <see cref="Wire.ParseError"/> from the SNMP codec carries:
/// Wireshark's (packet-snmp.c hf_register_info, checked with 'tshark -G fields'), so that a
/// verdict names the field a Wireshark user would click on.
/// </summary>
public static class SnmpFields
{
    public const string Protocol = "snmp";
    public const string Message = "snmp";
    public const string Version = "snmp.version";
    public const string Community = "snmp.community";
    public const string Data = "snmp.data";
    public const string RequestId = "snmp.request_id";
    public const string ErrorStatus = "snmp.error_status";
    public const string ErrorIndex = "snmp.error_index";
    public const string NonRepeaters = "snmp.non_repeaters";
    public const string MaxRepetitions = "snmp.max_repetitions";
    public const string VariableBindings = "snmp.variable_bindings";
    public const string VarBind = "snmp.VarBind_element";
    public const string Name = "snmp.name";
    public const string Value = "snmp.value";
    public const string Enterprise = "snmp.enterprise";
    public const string AgentAddress = "snmp.agent_addr";
    public const string GenericTrap = "snmp.generic_trap";
    public const string SpecificTrap = "snmp.specific_trap";
    public const string TimeStamp = "snmp.time_stamp";
    public const string MsgVersion = "snmp.msgVersion";
    public const string MsgGlobalData = "snmp.msgGlobalData_element";
    public const string MsgId = "snmp.msgID";
    public const string MsgMaxSize = "snmp.msgMaxSize";
    public const string MsgFlags = "snmp.msgFlags";
    public const string MsgSecurityModel = "snmp.msgSecurityModel";
    public const string MsgSecurityParameters = "snmp.msgSecurityParameters";
    public const string MsgData = "snmp.msgData";
    public const string EncryptedPdu = "snmp.encryptedPDU";
    public const string ScopedPdu = "snmp.plaintext_element";
    public const string ContextEngineId = "snmp.contextEngineID";
    public const string ContextName = "snmp.contextName";
}
