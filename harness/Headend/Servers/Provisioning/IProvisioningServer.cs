namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>
/// SEAT — the Provisioning Server's SNMP entity (EUE-PROV 6.2.5, interfaces pkt-eue-4 and pkt-eue-7): it
/// receives the enrollment INFORM (eUE-15) and the provisioning-complete INFORM carrying
/// pktcEUEDevProvisioningStatus (eUE-25) and MUST answer them per SNMP; it may GET capabilities (eUE-16/17);
/// it SETs pktcMtaDevConfigFile, pktcMtaDevProvConfigHash and, only for an encrypted file,
/// pktcMtaDevProvConfigKey (eUE-19). It is built on the SNMP stack of harness/Protocols/Snmp (manager and
/// notification receiver), which is being finished in parallel; the Headend composition has its place
/// (<see cref="Composition.Headend.ProvisioningServer"/>), null until an implementation is registered.
/// </summary>
public interface IProvisioningServer : IAsyncDisposable
{
    /// <summary>Opens UDP 162 (notifications) on the runtime's host; called on the actor context.</summary>
    void Start(Common.ServerRuntime runtime, Database.ProvisioningDatabase database);

    Overrides.OverrideSet Overrides { get; }
}
