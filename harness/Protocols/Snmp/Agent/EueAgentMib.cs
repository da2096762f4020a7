using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Protocols.Snmp.Agent;

/// <summary>
/// The eUE's MIB objects that the provisioning flows touch, registered on an agent's <see cref="MibTree"/>
/// beside <see cref="StandardObjects"/>: the provisioning objects (configuration file URL, hash, key,
/// provisioning state, error OIDs, realm table), the notification receivers (SNMP-TARGET-MIB and
/// SNMP-NOTIFICATION-MIB, where TLV 38 lands) and the management-event control (syslog destination,
/// throttling, event descriptions and log). OIDs and SYNTAX come from <see cref="Mibs.MibNames"/>,
/// computed from the module texts in shared/reference/mibs.
/// </summary>
public sealed class EueAgentMib
{
    /// <param name="flow">The provisioning flow the device follows (null until DHCP selects one).</param>
    /// <param name="supportsCreateAndWait">EUE-PROV 6.4.2: createAndGo is a MUST, createAndWait a MAY.</param>
    public EueAgentMib(MibTree mib, EueIdentity identity, Func<ProvisioningFlow?> flow, bool supportsCreateAndWait = true)
    {
        Provisioning = new EueProvisioningObjects(mib, identity, flow, supportsCreateAndWait);
        NotificationReceivers = new NotificationReceiverTables(mib);
        Events = new ManagementEventObjects(mib);
    }

    public EueProvisioningObjects Provisioning { get; }
    public NotificationReceiverTables NotificationReceivers { get; }
    public ManagementEventObjects Events { get; }
}
