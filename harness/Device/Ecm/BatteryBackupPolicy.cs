using EUeConformance.Protocols.Snmp;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// EUE-PROV 6.6.4: an E-UE with battery backup (ICS battery-backup) implements CL-BB-MIB; the reference E-UE serves
/// its UPS-MIB objects from the eCM's agent (the spec leaves open which agent hosts them). The simulated E-UE runs on
/// mains power with a full, healthy battery. Overridable: a mutant serves nothing or reports wrong states.
/// </summary>
public class BatteryBackupPolicy
{
    /// <summary>Whether the agent serves the CL-BB-MIB objects at all (when the ICS says the E-UE has battery backup).</summary>
    public virtual bool Serves => true;

    /// <summary>The value of one object (instance 0) on mains power with a full battery.</summary>
    public virtual SnmpValue Value(MibObject obj, DeviceIdentity identity) => obj.Name switch
    {
        "upsIdentManufacturer" => SnmpValue.OctetString(identity.VendorName),
        "upsIdentModel" => SnmpValue.OctetString(identity.ModelNumber),
        "upsIdentAgentSoftwareVersion" => SnmpValue.OctetString(identity.SoftwareVersion),
        "upsIdentName" => SnmpValue.OctetString("E-UE battery"),
        "upsIdentAttachedDevices" => SnmpValue.OctetString("eCM, eUE"),
        "upsBatteryStatus" => SnmpValue.Integer(2),            // batteryNormal
        "upsSecondsOnBattery" => SnmpValue.Integer(0),         // RFC 1628: zero when not on battery
        "upsEstimatedMinutesRemaining" => SnmpValue.Integer(480),
        "upsEstimatedChargeRemaining" => SnmpValue.Integer(100),
        "upsInputNumLines" => SnmpValue.Integer(1),
        "upsOutputSource" => SnmpValue.Integer(3),             // normal: the mains feed the E-UE
        _ => throw new ArgumentException($"{obj.Name} is not a CL-BB-MIB object", nameof(obj)),
    };
}
