using EUeConformance.Device.Ecm;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Mutants;

/// <summary>Mutants of an E-UE that claims battery backup (6.6.4, CL-BB-MIB): each claims the ICS answer and then gets the MIB wrong.</summary>
public static class BatteryBackupMutants
{
    static readonly Dictionary<string, bool> ClaimsBattery = new() { ["battery-backup"] = true };

    public static readonly Mutant BatteryMibMissing = new("battery-mib-missing",
        "claims battery backup but neither agent serves the CL-BB-MIB objects (violates 6.6.4: an E-UE with battery backup implements CL-BB-MIB)",
        ["EUE-PROV-6.6.4-01"],
        o => o with { Behaviour = o.Behaviour with { BatteryBackup = new ServesNothing() } })
    { Ics = ClaimsBattery };

    public static readonly Mutant BatteryReportsOnBattery = new("battery-reports-on-battery",
        "claims battery backup and reports running on battery for two minutes while the mains feed it (violates 6.6.4 / CL-BB-MIB, RFC 1628 upsOutputSource and upsSecondsOnBattery)",
        ["EUE-PROV-6.6.4-01"],
        o => o with { Behaviour = o.Behaviour with { BatteryBackup = new AlwaysOnBattery() } })
    { Ics = ClaimsBattery };

    sealed class ServesNothing : BatteryBackupPolicy
    {
        public override bool Serves => false;
    }

    sealed class AlwaysOnBattery : BatteryBackupPolicy
    {
        public override SnmpValue Value(MibObject obj, DeviceIdentity identity) => obj.Name switch
        {
            "upsOutputSource" => SnmpValue.Integer(5),
            "upsSecondsOnBattery" => SnmpValue.Integer(120),
            _ => base.Value(obj, identity),
        };
    }
}
