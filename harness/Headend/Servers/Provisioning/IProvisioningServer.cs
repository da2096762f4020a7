namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>
/// The Provisioning Server's SNMP entity (EUE-PROV 6.2.5, interfaces pkt-eue-4 and pkt-eue-7): it
/// receives the enrollment INFORM (eUE-15) and the provisioning-complete INFORM carrying
/// pktcEUEDevProvisioningStatus (eUE-25) and MUST answer them per SNMP; it may GET capabilities (eUE-16/17);
/// it SETs pktcMtaDevConfigFile, pktcMtaDevProvConfigHash and, only for an encrypted file,
/// pktcMtaDevProvConfigKey (eUE-19). <see cref="ProvisioningServer"/> is the headend's own, started with the
/// other servers (<see cref="Composition.HeadendServices.ProvisioningServer"/>); another implementation can
/// take its seat with <see cref="Composition.Headend.Register(IProvisioningServer)"/>. The pkt-eue-7 side
/// (answering the KDC's MTA FQDN Request, 6.1.7) comes with the Kerberos issue.
/// </summary>
public interface IProvisioningServer : IAsyncDisposable
{
    /// <summary>Opens UDP 162 (notifications) on the runtime's host; called on the actor context.</summary>
    void Start(Common.ServerRuntime runtime, Database.ProvisioningDatabase database);

    Overrides.OverrideSet Overrides { get; }
}
