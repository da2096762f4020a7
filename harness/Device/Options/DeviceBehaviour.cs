using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Eue.Ipv4;
using EUeConformance.Device.Eue.Ipv6;

namespace EUeConformance.Device.Options;

/// <summary>
/// The device's decisions, each behind a small overridable policy object: the reference device uses
/// these classes as they are; a mutant replaces one with a subclass that breaks the rule it targets
/// (e.g. an offer selection that ignores precedence), leaving everything else conforming.
/// </summary>
public sealed record DeviceBehaviour
{
    // ---- eCM (6.3.1, 6.3.2.1) ----

    /// <summary>Table 2 CM1 / Table 3 CM1v6: which E-UE options the eCM requests, given the eUE's modes.</summary>
    public Func<IpModeSupport, EueOptionRequest> EcmOptionRequest { get; init; } = EueOptionRequest.For;
    public EcmDhcpv4Options EcmDhcpv4Options { get; init; } = new();
    public EcmDhcpv6Options EcmDhcpv6Options { get; init; } = new();
    /// <summary>Table 2 CM3 / Table 3 CM3v6: OFFER/ADVERTISE precedence and the three retries.</summary>
    public EcmOfferSelectionPolicy EcmOfferSelection { get; init; } = new();
    /// <summary>Table 4.</summary>
    public EueInitializationPolicy EueInitialization { get; init; } = new();

    // ---- eUE, IPv4 mode (6.3.3) ----

    public EueDhcpv4Options EueDhcpv4Options { get; init; } = new();
    /// <summary>6.3.2.2: OFFER filtering by the eCM's server addresses.</summary>
    public OfferAcceptance OfferAcceptance { get; init; } = new();

    // ---- eUE, IPv6 mode (6.3.4) ----

    /// <summary>6.3.4.2: which RAs count.</summary>
    public RouterAdvertisementPolicy RouterAdvertisements { get; init; } = new();
    /// <summary>Table 5 eUE-1/eUE-3 messages; 6.3.5 ¶11 renewals.</summary>
    public EueSolicitBuilder EueSolicit { get; init; } = new();
    /// <summary>Table 5 eUE-3: ADVERTISE validity and priority.</summary>
    public AdvertiseSelection AdvertiseSelection { get; init; } = new();

    // ---- both modes ----

    /// <summary>6.3.5: what renewals may change.</summary>
    public RenewalPolicy Renewal { get; init; } = new();
    /// <summary>6.4.2: configuration-file processing severities and createAndWait.</summary>
    public ConfigFileRules ConfigFileRules { get; init; } = new();
    /// <summary>6.1.4 / RFC 4682: SETs refused for the provisioning state (the file location outside the enrollment flows).</summary>
    public Eue.Management.EueSetPolicy SetPolicy { get; init; } = new();
    /// <summary>Flow choices: eUE-25 per realm, TFTP blksize, HTTP.</summary>
    public FlowPolicy Flow { get; init; } = new();
    /// <summary>6.2.1 bullet 2: the eCM's DOCSIS software download on an SNMP trigger.</summary>
    public SoftwareDownloadPolicy SoftwareDownload { get; init; } = new();
    /// <summary>6.6.3: the service interruption impact the eUE supplies for its eSAFE.</summary>
    public Eue.ServiceImpactPolicy ServiceImpact { get; init; } = new();
    /// <summary>6.5: what the eUE's agent serves and hides, the MEM version and the local event log.</summary>
    public Eue.Management.EueAgentPolicy Agent { get; init; } = new();
}
