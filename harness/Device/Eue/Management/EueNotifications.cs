using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Eue.Management;

/// <summary>
/// The two provisioning notifications, with the OBJECTS their NOTIFICATION-TYPE lists, read from the eUE's MIB:
/// pktcMtaDevProvisioningEnrollment (eUE-15) and pktcMtaDevProvisioningStatus (eUE-25, carrying the provisioning
/// state that PKT-EUE-DATA calls pktcEUEDevProvisioningStatus: its own OID could not be found in any public
/// source, so the MTA MIB object PKT-PROV1.5 uses carries the value; see the catalog note of eUE-25).
/// </summary>
public static class EueNotifications
{
    public static MibNotification Enrollment(MtaMibVariant variant) =>
        variant == MtaMibVariant.Ietf ? MibNames.IetfMta.PktcMtaDevProvisioningEnrollment : MibNames.ClabMta.PktcMtaDevProvisioningEnrollment;

    public static MibNotification Status(MtaMibVariant variant) =>
        variant == MtaMibVariant.Ietf ? MibNames.IetfMta.PktcMtaDevProvisioningStatus : MibNames.ClabMta.PktcMtaDevProvisioningStatus;

    /// <summary>The notification's OBJECTS as varbinds: scalars at .0, ifPhysAddress at the eUE's interface (1).</summary>
    public static IReadOnlyList<VarBind> Objects(MibNotification notification, EueMib mib, string sysDescr)
    {
        var list = new List<VarBind>();
        foreach (var name in notification.Objects)
        {
            if (name == "sysDescr") { list.Add(new VarBind(MibNames.Snmpv2.SysDescr.InstanceId(0), SnmpValue.OctetString(sysDescr))); continue; }
            var obj = MibNames.FindByName(name, notification.Module) ?? throw new InvalidOperationException($"{notification} names {name}, which the MIB table lacks");
            var instance = obj == MibNames.IfMib.IfPhysAddress ? obj.InstanceId(1) : obj.InstanceId(0);
            list.Add(new VarBind(instance, mib.Get(instance) ?? SnmpValue.OctetString("")));
        }
        return list;
    }
}
