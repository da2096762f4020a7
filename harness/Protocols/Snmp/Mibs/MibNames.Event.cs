namespace EUeConformance.Protocols.Snmp.Mibs;

// Computed from the module text in shared/reference/mibs (MibNamesTests re-derives every entry).
public static partial class MibNames
{
    /// <summary>PKTC-EVENT-MIB of PKT-SP-EVEMIB1.5 (2005-01-28), which CL-PKTC-EUE-EVENT-MIB imports for the eUE. The 2002 revision in mibs/PKTC-EVENT-MIB numbers the syslog objects one higher; it is not used.</summary>
    public static class Event
    {
        public const string Module = "PKTC-EVENT-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject PktcDevEvControl = O("pktcDevEvControl", "1.3.6.1.4.1.4491.2.2.3.1.1", "BITS { resetEventLogTable(0), resetEventDescrTable(1) }", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEvSyslogAddressType = O("pktcDevEvSyslogAddressType", "1.3.6.1.4.1.4491.2.2.3.1.2", "InetAddressType", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEvSyslogAddress = O("pktcDevEvSyslogAddress", "1.3.6.1.4.1.4491.2.2.3.1.3", "InetAddress", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEvSyslogUdpPort = O("pktcDevEvSyslogUdpPort", "1.3.6.1.4.1.4491.2.2.3.1.4", "InetPortNumber", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEvThrottleAdminStatus = O("pktcDevEvThrottleAdminStatus", "1.3.6.1.4.1.4491.2.2.3.2.1", "INTEGER { unconstrained(1), maintainBelowThreshold(2), stopAtThreshold(3), inhibited(4) }", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEvThrottleThreshold = O("pktcDevEvThrottleThreshold", "1.3.6.1.4.1.4491.2.2.3.2.2", "Unsigned32", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEvThrottleInterval = O("pktcDevEvThrottleInterval", "1.3.6.1.4.1.4491.2.2.3.2.3", "Unsigned32", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEvTransmissionStatus = O("pktcDevEvTransmissionStatus", "1.3.6.1.4.1.4491.2.2.3.3.1", "BITS { syslogThrottled(0), snmpThrottled(1), validSyslogServerAbsent(2), validSnmpManagerAbsent(3), syslogTransmitError(4), snmpTransmitError(5) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEventDescrId = O("pktcDevEventDescrId", "1.3.6.1.4.1.4491.2.2.3.4.1.1.1", "Unsigned32", MibAccess.NotAccessible);
        public static readonly MibObject PktcDevEventDescrEnterprise = O("pktcDevEventDescrEnterprise", "1.3.6.1.4.1.4491.2.2.3.4.1.1.2", "Unsigned32", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEventDescrFacility = O("pktcDevEventDescrFacility", "1.3.6.1.4.1.4491.2.2.3.4.1.1.3", "INTEGER { kernel(0), user(1), mail(2), daemon(3), auth(4), syslog(5), lpr(6), news(7), uucp(8), cron(9), authPriv(10), ftp(11), ntp(12), security(13), console(14), clockDaemon(15), local0(16), local1(17), local2(18), local3(19), local4(20), local5(21), local6(22), local7(23) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEventDescrLevel = O("pktcDevEventDescrLevel", "1.3.6.1.4.1.4491.2.2.3.4.1.1.4", "INTEGER { emergency(0), alert(1), critical(2), error(3), warning(4), notice(5), info(6), debug(7) }", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEventDescrReporting = O("pktcDevEventDescrReporting", "1.3.6.1.4.1.4491.2.2.3.4.1.1.5", "BITS { local(0), syslog(1), snmpTrap(2), snmpInform(3) }", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEventDescrText = O("pktcDevEventDescrText", "1.3.6.1.4.1.4491.2.2.3.4.1.1.6", "SnmpAdminString(SIZE (0..127))", MibAccess.ReadWrite);
        public static readonly MibObject PktcDevEvLogIndex = O("pktcDevEvLogIndex", "1.3.6.1.4.1.4491.2.2.3.5.1.1.1", "Unsigned32", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogTime = O("pktcDevEvLogTime", "1.3.6.1.4.1.4491.2.2.3.5.1.1.2", "DateAndTime", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogEnterprise = O("pktcDevEvLogEnterprise", "1.3.6.1.4.1.4491.2.2.3.5.1.1.3", "Unsigned32", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogId = O("pktcDevEvLogId", "1.3.6.1.4.1.4491.2.2.3.5.1.1.4", "Unsigned32", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogText = O("pktcDevEvLogText", "1.3.6.1.4.1.4491.2.2.3.5.1.1.5", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogEndpointName = O("pktcDevEvLogEndpointName", "1.3.6.1.4.1.4491.2.2.3.5.1.1.6", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogType = O("pktcDevEvLogType", "1.3.6.1.4.1.4491.2.2.3.5.1.1.7", "BITS { local(0), syslog (1), trap (2), inform (3) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogTargetInfo = O("pktcDevEvLogTargetInfo", "1.3.6.1.4.1.4491.2.2.3.5.1.1.8", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogCorrelationId = O("pktcDevEvLogCorrelationId", "1.3.6.1.4.1.4491.2.2.3.5.1.1.9", "Unsigned32", MibAccess.ReadOnly);
        public static readonly MibObject PktcDevEvLogAdditionalInfo = O("pktcDevEvLogAdditionalInfo", "1.3.6.1.4.1.4491.2.2.3.5.1.1.10", "SnmpAdminString", MibAccess.ReadOnly);

        public static readonly MibTable PktcDevEventDescrTable = new(Module, "pktcDevEventDescrTable", "1.3.6.1.4.1.4491.2.2.3.4.1.1", [PktcDevEventDescrId, PktcDevEventDescrEnterprise, PktcDevEventDescrFacility, PktcDevEventDescrLevel, PktcDevEventDescrReporting, PktcDevEventDescrText], ["pktcDevEventDescrId", "pktcDevEventDescrEnterprise"], ImpliedLastIndex: false);

        public static readonly MibTable PktcDevEventLogTable = new(Module, "pktcDevEventLogTable", "1.3.6.1.4.1.4491.2.2.3.5.1.1", [PktcDevEvLogIndex, PktcDevEvLogTime, PktcDevEvLogEnterprise, PktcDevEvLogId, PktcDevEvLogText, PktcDevEvLogEndpointName, PktcDevEvLogType, PktcDevEvLogTargetInfo, PktcDevEvLogCorrelationId, PktcDevEvLogAdditionalInfo], ["pktcDevEvLogIndex"], ImpliedLastIndex: false);

        public static readonly MibNotification PktcDevEvInform = new(Module, "pktcDevEvInform", "1.3.6.1.4.1.4491.2.2.3.6.0.1", ["pktcDevEvLogIndex", "pktcDevEvLogTime", "pktcDevEvLogEnterprise", "pktcDevEvLogId", "pktcDevEvLogEndpointName", "pktcDevEvLogCorrelationId", "ifPhysAddress"]);
        public static readonly MibNotification PktcDevEvTrap = new(Module, "pktcDevEvTrap", "1.3.6.1.4.1.4491.2.2.3.6.0.2", ["pktcDevEvLogIndex", "pktcDevEvLogTime", "pktcDevEvLogEnterprise", "pktcDevEvLogId", "pktcDevEvLogEndpointName", "pktcDevEvLogCorrelationId", "ifPhysAddress"]);
    }

}
