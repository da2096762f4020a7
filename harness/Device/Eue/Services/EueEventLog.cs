using EUeConformance.Device.Eue.Mib;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using Ev = EUeConformance.Protocols.Snmp.Mibs.MibNames.Event;

namespace EUeConformance.Device.Eue.Services;

/// <summary>
/// The eUE's local event log as its agent serves it (PKT-MEM1.5 through PKT-EUE-DATA's CL-PKTC-EUE-EVENT-MIB, which
/// takes pktcEventGroup of PKTC-EVENT-MIB: pktcDevEventLogTable): one row per management event, indices from 1, with
/// the enterprise (4491, PacketCable-defined events), id, text, endpoint name (FQDN/IP when the event is not an
/// endpoint's) and how it was reported (BITS local(0), syslog(1), trap(2), inform(3)).
/// </summary>
public static class EueEventLog
{
    public const uint PacketCableEnterprise = 4491;

    public static uint Record(EueMib mib, ManagementEvent e, DateTimeOffset at, string endpointName, uint correlationId, bool sentBySyslog)
    {
        uint index = (uint)mib.Walk(Ev.PktcDevEvLogIndex.Id).Count() + 1;
        byte reported = (byte)(0x80 | (sentBySyslog ? 0x40 : 0));
        void Put(MibObject column, SnmpValue value) => mib.Set(column.InstanceId(index), value);
        Put(Ev.PktcDevEvLogIndex, SnmpValue.Unsigned32(index));
        Put(Ev.PktcDevEvLogTime, SnmpValue.OctetString(DateAndTime(at)));
        Put(Ev.PktcDevEvLogEnterprise, SnmpValue.Unsigned32(PacketCableEnterprise));
        Put(Ev.PktcDevEvLogId, SnmpValue.Unsigned32(e.Id));
        Put(Ev.PktcDevEvLogText, SnmpValue.OctetString(e.Text.Length > 127 ? e.Text[..127] : e.Text));
        Put(Ev.PktcDevEvLogEndpointName, SnmpValue.OctetString(endpointName));
        Put(Ev.PktcDevEvLogType, SnmpValue.OctetString([reported]));
        Put(Ev.PktcDevEvLogTargetInfo, SnmpValue.OctetString(""));
        Put(Ev.PktcDevEvLogCorrelationId, SnmpValue.Unsigned32(correlationId));
        Put(Ev.PktcDevEvLogAdditionalInfo, SnmpValue.OctetString(""));
        return index;
    }

    /// <summary>RFC 2579 DateAndTime, 8 octets, UTC.</summary>
    static byte[] DateAndTime(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        return [(byte)(u.Year >> 8), (byte)u.Year, (byte)u.Month, (byte)u.Day, (byte)u.Hour, (byte)u.Minute, (byte)u.Second, (byte)(u.Millisecond / 100)];
    }
}
