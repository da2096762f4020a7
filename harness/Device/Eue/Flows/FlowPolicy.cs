using System.Net;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Eue.Flows;

/// <summary>Flow-level choices, overridable for mutants.</summary>
public class FlowPolicy
{
    /// <summary>
    /// eUE-25 in the Basic and Hybrid flows: the ".2" realms (BASIC.2, HYBRID.2) add the provisioning-status
    /// INFORM that the ".1" ones leave out; the Secure flow always sends it. (PKT-PROV1.5 §7: protocol-facts 3.3,
    /// UNVERIFIED from a public source: one line to change if it proves otherwise.)
    /// </summary>
    public virtual bool SendsProvisioningStatusInform(ProvisioningFlow flow, string? realm) =>
        flow == ProvisioningFlow.Secure || realm is "BASIC.2" or "HYBRID.2";

    /// <summary>
    /// eUE-22 / 6.3.3: the TFTP blksize requested: 1428 over IPv6 (always sent), 1448 over IPv4 (sent when the ICS says the
    /// eUE supports the option, as the SHOULD asks).
    /// </summary>
    public virtual int? TftpBlockSize(IpAddressingMode mode, DeviceIcs ics) => mode switch
    {
        IpAddressingMode.Ipv6 => 1428,
        _ => ics.TftpBlockSize ? 1448 : null,
    };

    /// <summary>6.1.5: HTTP only with the ICS item http-config.</summary>
    public virtual bool AcceptsHttp(DeviceIcs ics) => ics.HttpConfigFile;

    // ---- pkt-eue-4 / pkt-eue-5 flow steps (6.1.4, 6.1.5, Table 5 eUE-15..eUE-25), each overridable for one mutant ----

    /// <summary>6.1.4 / PKT-PROV1.5: the Hybrid (and Secure) flow enrolls with an INFORM (eUE-15); the Basic flow never does.</summary>
    public virtual bool SendsEnrollmentInform(ProvisioningFlow flow) => flow != ProvisioningFlow.Basic;

    /// <summary>eUE-19 note 3: the URL SET in pktcMtaDevConfigFile, with an IPv6 literal host in RFC 3986 brackets accepted.</summary>
    public virtual ConfigFileLocation? ParseConfigFileUrl(string url) => ConfigFileLocation.TryParse(url);

    /// <summary>eUE-20/21: an FQDN host is resolved (AAAA in IPv6 mode, A in IPv4 mode) before the file is requested (eUE-22).</summary>
    public virtual bool ResolvesConfigServerName => true;

    /// <summary>eUE-23: the downloaded file's hash is compared with pktcMtaDevProvConfigHash of eUE-19.</summary>
    public virtual bool ChecksConfigFileHash => true;

    /// <summary>eUE-20/21 on failure: a lookup of the configuration server that fails restarts with eUE-1.</summary>
    public virtual bool RestartsAfterDnsFailure => true;

    /// <summary>eUE-22/23 on failure (and 22-05 once no TFTP server is left): a failed request or transfer restarts with eUE-1.</summary>
    public virtual bool RestartsAfterDownloadFailure => true;

    /// <summary>
    /// eUE-22 (Basic flow over IPv6): the TFTP servers of CL_OPTION_TFTP_SERVERS the eUE tries, in order, moving to the next
    /// when one does not answer (DOCSIS MULPI "Transfer Operational Parameters"); all of them by default.
    /// </summary>
    public virtual IReadOnlyList<IPAddress> BasicFlowTftpServers(IReadOnlyList<IPAddress> given) => given;

    /// <summary>eUE-24: the "provisioning complete" event goes to syslog when a syslog server is configured.</summary>
    public virtual bool ReportsProvisioningCompleteEvent => true;

    /// <summary>eUE-24 before eUE-25: the syslog event precedes the final INFORM.</summary>
    public virtual bool SyslogBeforeStatusInform => true;

    /// <summary>eUE-25 / eUE-23 on failure: the status reported is the outcome of processing the file.</summary>
    public virtual ProvisioningStatus ReportedStatus(ProvisioningStatus outcome) => outcome;

    /// <summary>eUE-25 on failure: an unacknowledged final INFORM stops provisioning (no restart) until the eCM re-initializes the eUE.</summary>
    public virtual bool RestartsAfterUnacknowledgedStatusInform => false;

    /// <summary>122.8 / CCCV6.8: the provisioning timer the DHCP server gave, in minutes (0 disables it); null keeps the default.</summary>
    public virtual TimeSpan? ProvisioningTimer(byte minutes) => TimeSpan.FromMinutes(minutes);
}
