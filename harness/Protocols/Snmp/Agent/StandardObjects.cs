using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// The objects every SNMP entity serves beside its own MIB: the SNMPv2-MIB system group and snmp
/// counters (RFC 3418), snmpEngine (RFC 3411 §5), snmpMPDStats (RFC 3412 §5) and usmStats (RFC 3414 §5).
/// </summary>
public static class StandardObjects
{
    public static void Register(MibTree mib, SnmpEngine engine, string sysDescr, ObjectIdentifier sysObjectId, string sysName = "")
    {
        mib.Register(new MibScalar(MibNames.Snmpv2.SysDescr, () => SnmpValue.OctetString(sysDescr)));
        mib.Register(new MibScalar(MibNames.Snmpv2.SysObjectID, () => SnmpValue.ObjectIdentifier(sysObjectId)));
        mib.Register(new MibScalar(MibNames.Snmpv2.SysUpTime, () => SnmpValue.TimeTicks(engine.UpTime)));
        mib.Register(MibScalar.Variable(MibNames.Snmpv2.SysContact, SnmpValue.OctetString("")));
        mib.Register(MibScalar.Variable(MibNames.Snmpv2.SysName, SnmpValue.OctetString(sysName)));
        mib.Register(MibScalar.Variable(MibNames.Snmpv2.SysLocation, SnmpValue.OctetString("")));
        // RFC 3418 sysServices: 72 = applications (64) + end-to-end (8), as a host-like device answers.
        mib.Register(new MibScalar(MibNames.Snmpv2.SysServices, () => SnmpValue.Integer(72)));
        mib.Register(MibScalar.Variable(MibNames.Snmpv2.SnmpEnableAuthenTraps, SnmpValue.Integer(2)));

        foreach (var counter in Enum.GetValues<SnmpCounter>())
        {
            var c = counter;
            mib.Register(new MibScalar(SnmpCounters.ObjectOf(c), () => SnmpValue.Counter32(engine.Counters[c])));
        }
        mib.Register(new MibScalar(MibNames.SnmpFramework.SnmpEngineID, () => SnmpValue.OctetString(engine.EngineId)));
        mib.Register(new MibScalar(MibNames.SnmpFramework.SnmpEngineBoots, () => SnmpValue.Integer(engine.Boots)));
        mib.Register(new MibScalar(MibNames.SnmpFramework.SnmpEngineTime, () => SnmpValue.Integer(engine.Time)));
        mib.Register(new MibScalar(MibNames.SnmpFramework.SnmpEngineMaxMessageSize, () => SnmpValue.Integer(engine.MaxMessageSize)));
    }
}
