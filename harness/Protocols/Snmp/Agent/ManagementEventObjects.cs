using EUeConformance.Protocols.Snmp.Mibs;
using Ev = EUeConformance.Protocols.Snmp.Mibs.MibNames.Event;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>One event the device can report (a pktcDevEventDescrEntry): its identity, level and text.</summary>
/// <param name="Level">Syslog severity 0..7; PacketCable events use facility local0 (PKTC-EVENT-MIB).</param>
public sealed record EventDescription(uint Id, uint Enterprise, int Level, string Text);

/// <summary>
/// The management-event control of the eUE's agent (EUE-PROV 6.1.6: PKT-MEM1.5 events, controlled
/// through the event MIB; the eUE reuses PKTC-EVENT-MIB of PKT-SP-EVEMIB1.5): the syslog destination
/// and control group (<see cref="EventControlHandler"/>), the throttle objects with their DEFVALs, the
/// transmission status, the event description table (the events the device registers, whose level,
/// reporting and text a manager may change; the reporting bits default by level as the MIB says:
/// local, syslog and snmpInform for levels 0..3, local and syslog for the others) and the event log.
/// </summary>
public sealed class ManagementEventObjects
{
    readonly List<EventDescription> _factory = [];
    uint _nextLogIndex = 1;

    public ManagementEventObjects(MibTree mib)
    {
        ArgumentNullException.ThrowIfNull(mib);
        Control = mib.Register(new EventControlHandler(Act));
        mib.Register(MibScalar.Variable(Ev.PktcDevEvThrottleAdminStatus, SnmpValue.Integer(1))); // unconstrained
        mib.Register(MibScalar.Variable(Ev.PktcDevEvThrottleThreshold, SnmpValue.Unsigned32(2)));
        mib.Register(MibScalar.Variable(Ev.PktcDevEvThrottleInterval, SnmpValue.Unsigned32(1)));
        mib.Register(new MibScalar(Ev.PktcDevEvTransmissionStatus, () => SnmpValue.OctetString([TransmissionStatus])));
        Descriptions = mib.Register(new MibTableHandler(Ev.PktcDevEventDescrTable));
        Log = mib.Register(new MibTableHandler(Ev.PktcDevEventLogTable));
    }

    public EventControlHandler Control { get; }
    public MibTableHandler Descriptions { get; }
    public MibTableHandler Log { get; }
    /// <summary>pktcDevEvTransmissionStatus bits (syslogThrottled(0) … snmpTransmitError(5)), the first octet.</summary>
    public byte TransmissionStatus { get; set; }

    /// <summary>The reporting default for a level: local(0), syslog(1) and, for levels 0..3, snmpInform(3), as BITS octets.</summary>
    public static byte DefaultReporting(int level) => (byte)(0x80 | 0x40 | (level <= 3 ? 0x10 : 0));

    /// <summary>Registers an event the device reports, at its factory settings (pktcDevEvControl bit 1 restores them).</summary>
    public void Describe(EventDescription e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _factory.RemoveAll(f => f.Id == e.Id && f.Enterprise == e.Enterprise);
        _factory.Add(e);
        PutDescription(e);
    }

    void PutDescription(EventDescription e) =>
        Descriptions.SetRow([e.Id, e.Enterprise],
            (Ev.PktcDevEventDescrFacility, SnmpValue.Integer(16)), // local0
            (Ev.PktcDevEventDescrLevel, SnmpValue.Integer(e.Level)),
            (Ev.PktcDevEventDescrReporting, SnmpValue.OctetString([DefaultReporting(e.Level)])),
            (Ev.PktcDevEventDescrText, SnmpValue.OctetString(e.Text)),
            (Ev.PktcDevEventDescrEnterprise, SnmpValue.Unsigned32(e.Enterprise)));

    /// <summary>The reporting bits in force for an event (null: the device did not register it).</summary>
    public byte? Reporting(uint id, uint enterprise) =>
        Descriptions.Row(id, enterprise)?[Ev.PktcDevEventDescrReporting] is { } bits && bits.Bytes.Length > 0 ? bits.Bytes[0] : null;

    /// <summary>Adds an event log entry (indices from 1); returns its index.</summary>
    public uint Record(byte[] dateAndTime, uint enterprise, uint id, string text, string endpointName, uint correlationId, byte reportedAs)
    {
        uint index = _nextLogIndex++;
        Log.SetRow([index],
            (Ev.PktcDevEvLogIndex, SnmpValue.Unsigned32(index)),
            (Ev.PktcDevEvLogTime, SnmpValue.OctetString(dateAndTime)),
            (Ev.PktcDevEvLogEnterprise, SnmpValue.Unsigned32(enterprise)),
            (Ev.PktcDevEvLogId, SnmpValue.Unsigned32(id)),
            (Ev.PktcDevEvLogText, SnmpValue.OctetString(text)),
            (Ev.PktcDevEvLogEndpointName, SnmpValue.OctetString(endpointName)),
            (Ev.PktcDevEvLogType, SnmpValue.OctetString([reportedAs])),
            (Ev.PktcDevEvLogTargetInfo, SnmpValue.OctetString("")),
            (Ev.PktcDevEvLogCorrelationId, SnmpValue.Unsigned32(correlationId)),
            (Ev.PktcDevEvLogAdditionalInfo, SnmpValue.OctetString("")));
        return index;
    }

    /// <summary>pktcDevEvControl: bit 0 clears the event log, bit 1 restores the factory descriptions.</summary>
    void Act(int bit)
    {
        if (bit == 0) Log.Clear();
        else
        {
            Descriptions.Clear();
            foreach (var e in _factory) PutDescription(e);
        }
    }
}
