namespace EUeConformance.Protocols.Snmp;

/// <summary>The PDU's context-specific tag number (RFC 3416 §3 PDUs; RFC 1157 §4.1 for Trap-PDU).</summary>
public enum PduType
{
    GetRequest = 0,
    GetNextRequest = 1,
    /// <summary>Response-PDU (GetResponse-PDU in SNMPv1).</summary>
    Response = 2,
    SetRequest = 3,
    /// <summary>SNMPv1 Trap-PDU (RFC 1157 §4.1.6); obsolete in v2c/v3.</summary>
    TrapV1 = 4,
    GetBulkRequest = 5,
    InformRequest = 6,
    SnmpV2Trap = 7,
    Report = 8,
}

/// <summary>error-status values (RFC 3416 §3; 0..5 are SNMPv1's, RFC 1157 §4.1.1).</summary>
public enum SnmpErrorStatus
{
    NoError = 0,
    TooBig = 1,
    NoSuchName = 2,
    BadValue = 3,
    ReadOnly = 4,
    GenErr = 5,
    NoAccess = 6,
    WrongType = 7,
    WrongLength = 8,
    WrongEncoding = 9,
    WrongValue = 10,
    NoCreation = 11,
    InconsistentValue = 12,
    ResourceUnavailable = 13,
    CommitFailed = 14,
    UndoFailed = 15,
    AuthorizationError = 16,
    NotWritable = 17,
    InconsistentName = 18,
}

/// <summary>generic-trap of the SNMPv1 Trap-PDU (RFC 1157 §4.1.6).</summary>
public enum GenericTrap
{
    ColdStart = 0,
    WarmStart = 1,
    LinkDown = 2,
    LinkUp = 3,
    AuthenticationFailure = 4,
    EgpNeighborLoss = 5,
    EnterpriseSpecific = 6,
}

public static class PduTypes
{
    /// <summary>Class of the PDU (RFC 3411 §2.8): Read, Write, Response, Notification, Internal (Report).</summary>
    public static bool IsRequest(this PduType type) => type is PduType.GetRequest or PduType.GetNextRequest or PduType.GetBulkRequest or PduType.SetRequest or PduType.InformRequest;

    /// <summary>Confirmed class (RFC 3411 §2.8): a Response is expected.</summary>
    public static bool IsConfirmed(this PduType type) => type.IsRequest();

    /// <summary>Does SNMPv1 (RFC 1157) have this PDU?</summary>
    public static bool IsV1(this PduType type) => type is PduType.GetRequest or PduType.GetNextRequest or PduType.Response or PduType.SetRequest or PduType.TrapV1;

    /// <summary>RFC 3416 §3's descriptor, as Wireshark and net-snmp print it.</summary>
    public static string Describe(this PduType type) => type switch
    {
        PduType.GetRequest => "get-request",
        PduType.GetNextRequest => "get-next-request",
        PduType.Response => "get-response",
        PduType.SetRequest => "set-request",
        PduType.TrapV1 => "trap",
        PduType.GetBulkRequest => "getBulkRequest",
        PduType.InformRequest => "informRequest",
        PduType.SnmpV2Trap => "snmpV2-trap",
        _ => "report",
    };

    /// <summary>RFC 3416 §3's name of an error-status (e.g. inconsistentValue).</summary>
    public static string Describe(this SnmpErrorStatus status)
    {
        string s = status.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }
}
