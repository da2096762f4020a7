namespace EUeConformance.Headend.Servers.Kdc;

/// <summary>
/// SEAT — the KDC (EUE-PROV 6.2.4, interfaces pkt-eue-3 and pkt-eue-7) comes with the Kerberos issue: PKINIT
/// AS exchange for the Secure flow (eUE-9/10), TGS (eUE-11/12), and the MTA FQDN Request/Reply to the
/// Provisioning Server (6.1.7, Table 1). The Headend composition already has a place for it
/// (<see cref="Composition.Headend.Kdc"/>); until an implementation is registered there it is null, and the
/// Secure flow stops at eUE-5/6 (the DNS SRV answer still names a KDC host).
/// </summary>
public interface IKdc : IAsyncDisposable
{
    /// <summary>Opens its sockets (UDP/TCP 88) on the server runtime's host; called on the actor context.</summary>
    void Start(Common.ServerRuntime runtime, Database.ProvisioningDatabase database);

    Overrides.OverrideSet Overrides { get; }
}
