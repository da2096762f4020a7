using System.Net;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Eue.Ipv4;
using EUeConformance.Device.Eue.Ipv6;
using EUeConformance.Device.Eue.Management;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Mutants;

/// <summary>
/// Mutants of the Basic and Hybrid flows after DHCP (6.1.4, 6.1.5, Table 5 eUE-4 note and eUE-19..eUE-25, 6.4.1.1 122.8)
/// and of the SNMP management around them (6.2.1, 6.3.6, 6.6.2, 6.6.3).
/// </summary>
public static class ProvisioningFlowMutants
{
    /// <summary>Everything a Hybrid flow that never gets its file may change.</summary>
    static readonly string[] AfterEnrollment =
    [
        "EUE-PROV-T5-eUE-19-*", "EUE-PROV-T5-eUE-2*", "EUE-PROV-6.1.5-01a", "EUE-PROV-6.3.6-01", "EUE-PROV-6.4.1.1-01b", "EUE-PROV-6.1.4-02a", "EUE-PROV-T5-eUE-4-09",
    ];

    public static readonly Mutant BasicFlowEnrolls = new("basic-flow-enrolls",
        "sends the SNMP enrollment INFORM in the Basic flow too (violates 6.1.4 ¶2: in the Basic flow pkt-eue-4 carries only the optional status report)",
        ["EUE-PROV-6.1.4-01a"],
        o => o with { Behaviour = o.Behaviour with { Flow = new EnrollsAlways() } });

    public static readonly Mutant HybridSkipsEnrollment = new("hybrid-skips-enrollment",
        "never sends the enrollment INFORM in the Hybrid flow and waits for a SET that cannot come (violates 6.1.4 ¶4 and the Table 5 eUE-4 note)",
        ["EUE-PROV-6.1.4-02a", "EUE-PROV-T5-eUE-4-09"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NeverEnrolls() } })
    { BlastRadius = AfterEnrollment };

    public static readonly Mutant HybridRefusesConfigSet = new("hybrid-refuses-config-set",
        "answers notWritable to the Provisioning Server's SET of pktcMtaDevConfigFile (violates 6.1.4 ¶4 and eUE-19: the eUE must accept it)",
        ["EUE-PROV-6.1.4-02a", "EUE-PROV-T5-eUE-4-09"],
        o => o with { Behaviour = o.Behaviour with { SetPolicy = new RefusesConfigFile() } })
    { BlastRadius = AfterEnrollment };

    public static readonly Mutant LiteralUrlRefused = new("literal-url-refused",
        "cannot parse a configuration-file URL whose host is a bracketed IPv6 literal and starts over (violates Table 5 eUE-19 note 3)",
        ["EUE-PROV-T5-eUE-19-10", "EUE-PROV-T5-eUE-22-01a", "EUE-PROV-T5-eUE-22-06"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NoLiteralUrls() } });

    public static readonly Mutant ConfigServerNotResolved = new("config-server-not-resolved",
        "skips the DNS lookup of the configuration server's FQDN and sends its file request to its DNS server (violates Table 5 eUE-20 and eUE-22's order)",
        ["EUE-PROV-T5-eUE-20-01", "EUE-PROV-T5-eUE-20-02", "EUE-PROV-T5-eUE-22-06"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NoConfigServerLookup() } })
    { BlastRadius = ["EUE-PROV-T5-eUE-20-03", "EUE-PROV-T5-eUE-21-02", "EUE-PROV-T5-eUE-22-01a", "EUE-PROV-6.1.5-01a"] };

    public static readonly Mutant DnsFailureNoRestart = new("dns-failure-no-restart",
        "stays put when the configuration server's name does not resolve instead of restarting with eUE-1 (violates Table 5 eUE-20/eUE-21 on failure)",
        ["EUE-PROV-T5-eUE-20-03", "EUE-PROV-T5-eUE-21-02"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NoRestartAfterDns() } })
    { BlastRadius = ["EUE-PROV-6.1.5-01a"] };

    public static readonly Mutant DownloadFailureNoRestart = new("download-failure-no-restart",
        "stays put when the configuration file request or transfer fails (and when no TFTP server answers) instead of starting provisioning again (violates Table 5 eUE-22, eUE-23 on failure)",
        ["EUE-PROV-T5-eUE-22-05", "EUE-PROV-T5-eUE-22-07", "EUE-PROV-T5-eUE-23-05"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NoRestartAfterDownload() } })
    {
        // The ToD scenario holds the file back until the eCM has the time and counts on the restart to fetch it.
        BlastRadius = ["EUE-PROV-6.3.2.3-06", "EUE-PROV-6.1.5-01a"],
    };

    public static readonly Mutant FirstTftpServerOnly = new("first-tftp-server-only",
        "in the Basic flow over IPv6 tries only the first of several CL_OPTION_TFTP_SERVERS and then starts over (violates Table 5 eUE-22, DOCSIS MULPI hand-over)",
        ["EUE-PROV-T5-eUE-22-04"],
        o => o with { Behaviour = o.Behaviour with { Flow = new FirstServerOnly() } });

    public static readonly Mutant HttpUrlRefused = new("http-url-refused",
        "claims HTTP configuration-file download (ICS http-config) but restarts on an http URL (violates Table 5 eUE-22)",
        ["EUE-PROV-T5-eUE-22-01b"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NoHttp() } });

    public static readonly Mutant ConfigHashIgnored = new("config-hash-ignored",
        "does not compare the file's hash with pktcMtaDevProvConfigHash and applies a file whose hash differs (violates Table 5 eUE-23)",
        ["EUE-PROV-T5-eUE-23-02"],
        o => o with { Behaviour = o.Behaviour with { Flow = new IgnoresHash() } });

    public static readonly Mutant ReportsPassOnFileError = new("reports-pass-on-file-error",
        "reports pass in eUE-24 and eUE-25 whatever processing the file found (violates Table 5 eUE-23 on failure, eUE-24, eUE-25)",
        ["EUE-PROV-T5-eUE-23-02", "EUE-PROV-T5-eUE-23-06", "EUE-PROV-T5-eUE-24-01", "EUE-PROV-T5-eUE-25-02"],
        o => o with { Behaviour = o.Behaviour with { Flow = new AlwaysPass() } })
    { BlastRadius = ["EUE-PROV-6.4.2-*", "EUE-PROV-6.5-*", "EUE-PROV-6.4.*"] };

    public static readonly Mutant NoProvisioningCompleteEvent = new("no-provisioning-complete-event",
        "sends no provisioning-complete event to its configured syslog server (violates Table 5 eUE-24)",
        ["EUE-PROV-T5-eUE-24-01", "EUE-PROV-T5-eUE-24-02", "EUE-PROV-T5-eUE-25-04"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NoCompleteEvent() } })
    {
        // Scenarios that judge the eUE's syslog traffic (its source address, the time it stamps, the server after a renewal) wait for this event.
        BlastRadius = ["EUE-PROV-6.2.1.2-11", "EUE-PROV-6.2.1.2-12", "EUE-PROV-6.3.2.3-06", "EUE-PROV-6.3.5-06b"],
    };

    public static readonly Mutant InformBeforeSyslog = new("inform-before-syslog",
        "sends the final INFORM before the provisioning-complete syslog event (violates Table 5 eUE-24 and eUE-25 normal flow)",
        ["EUE-PROV-T5-eUE-24-02", "EUE-PROV-T5-eUE-25-04"],
        o => o with { Behaviour = o.Behaviour with { Flow = new InformFirst() } });

    public static readonly Mutant NoFinalInform = new("no-final-inform",
        "never sends the final provisioning-status INFORM, whatever the realm (violates Table 5 eUE-25)",
        ["EUE-PROV-T5-eUE-25-01", "EUE-PROV-T5-eUE-25-02", "EUE-PROV-T5-eUE-25-04"],
        o => o with { Behaviour = o.Behaviour with { Flow = new NoStatusInform() } })
    {
        // Scenarios that take the final INFORM as the eUE's SNMP traffic (its source address, a renewal's DNS server) wait for it.
        BlastRadius = ["EUE-PROV-T5-eUE-2*", "EUE-PROV-6.1.5-01a", "EUE-PROV-6.3.6-01", "EUE-PROV-6.4.*", "EUE-PROV-6.5-*", "EUE-PROV-6.1.4-01a",
            "EUE-PROV-6.2.1.2-11", "EUE-PROV-6.2.1.2-12", "EUE-PROV-6.3.5-06a", "EUE-PROV-6.3.5-07"],
    };

    public static readonly Mutant RestartsAfterUnacknowledgedInform = new("restarts-after-unacknowledged-inform",
        "starts over with eUE-1 when its final INFORM is not acknowledged instead of stopping (violates Table 5 eUE-25 on failure)",
        ["EUE-PROV-T5-eUE-25-01"],
        o => o with { Behaviour = o.Behaviour with { Flow = new RestartsOnUnacknowledged() } });

    public static readonly Mutant ProvisioningTimerIgnored = new("provisioning-timer-ignored",
        "ignores the provisioning timer of 122.8 / CCCV6.8 and keeps the 10-minute default (violates 6.4.1.1 ¶1 with PKT-PROV1.5)",
        ["EUE-PROV-6.4.1.1-01b"],
        o => o with { Behaviour = o.Behaviour with { Flow = new DefaultTimer() } })
    { BlastRadius = ["EUE-PROV-6.4.1.2-*", "EUE-PROV-T5-eUE-4-*"] };

    public static readonly Mutant AsksForSipServerOptions = new("asks-for-sip-server-options",
        "asks its DHCP servers for the SIP server options (DHCPv6 21/22 in OPTION_ORO, DHCPv4 120 in option 55), PKT-24.229 method I (violates 6.6.2)",
        ["EUE-PROV-6.6.2-02"],
        o => o with { Behaviour = o.Behaviour with { EueSolicit = new SolicitsSipServers(), EueDhcpv4Options = new RequestsSipServer() } })
    { BlastRadius = ["EUE-PROV-T5-eUE-1-*", "EUE-PROV-T5-eUE-3-*", "EUE-PROV-6.3.3-*", "EUE-PROV-6.4.1.*"] };

    public static readonly Mutant PcscfFromFileIgnored = new("pcscf-from-file-ignored",
        "drops the P-CSCF rows of its configuration file (violates 6.6.2: the P-CSCF comes from the file, and 6.1.5: the file is processed)",
        ["EUE-PROV-6.6.2-01", "EUE-PROV-6.6.2-02", "EUE-PROV-6.1.5-01a"],
        o => o with { Behaviour = o.Behaviour with { ConfigFileRules = new NoPcscfRows() } });

    public static readonly Mutant IncrementalSetsRefused = new("incremental-sets-refused",
        "refuses SNMP SETs of its P-CSCF table and pktcMtaDevEnabled once provisioned (violates 6.3.6)",
        ["EUE-PROV-6.3.6-01"],
        o => o with { Behaviour = o.Behaviour with { SetPolicy = new RefusesIncremental() } });

    public static readonly Mutant SoftwareDownloadIgnored = new("software-download-ignored",
        "accepts the docsDevSwAdminStatus upgradeFromMgt SET but never requests the image (violates 6.2.1 bullet 2, DOCSIS software download)",
        ["EUE-PROV-6.2.1-03"],
        o => o with { Behaviour = o.Behaviour with { SoftwareDownload = new NoDownload() } });

    public static readonly Mutant ServiceImpactNone = new("service-impact-none",
        "has the eCM report 'none' for the eUE's service interruption impact although its voice service depends on the data service (violates 6.6.3)",
        ["EUE-PROV-6.6.3-01"],
        o => o with { Behaviour = o.Behaviour with { ServiceImpact = new ImpactNone() } });

    // ---------------------------------------------------------------- the policies

    sealed class EnrollsAlways : FlowPolicy { public override bool SendsEnrollmentInform(ProvisioningFlow flow) => true; }
    sealed class NeverEnrolls : FlowPolicy { public override bool SendsEnrollmentInform(ProvisioningFlow flow) => false; }

    sealed class RefusesConfigFile : EueSetPolicy
    {
        public override SnmpErrorStatus Check(MibObject obj, SnmpValue value, ProvisioningFlow? flow) =>
            obj.Name == "pktcMtaDevConfigFile" ? SnmpErrorStatus.NotWritable : base.Check(obj, value, flow);
    }

    sealed class NoLiteralUrls : FlowPolicy
    {
        public override ConfigFileLocation? ParseConfigFileUrl(string url) => url.Contains("://[", StringComparison.Ordinal) ? null : base.ParseConfigFileUrl(url);
    }

    sealed class NoConfigServerLookup : FlowPolicy { public override bool ResolvesConfigServerName => false; }
    sealed class NoRestartAfterDns : FlowPolicy { public override bool RestartsAfterDnsFailure => false; }
    sealed class NoRestartAfterDownload : FlowPolicy { public override bool RestartsAfterDownloadFailure => false; }

    sealed class FirstServerOnly : FlowPolicy
    {
        public override IReadOnlyList<IPAddress> BasicFlowTftpServers(IReadOnlyList<IPAddress> given) => [.. given.Take(1)];
    }

    sealed class NoHttp : FlowPolicy { public override bool AcceptsHttp(DeviceIcs ics) => false; }
    sealed class IgnoresHash : FlowPolicy { public override bool ChecksConfigFileHash => false; }

    sealed class AlwaysPass : FlowPolicy
    {
        public override ProvisioningStatus ReportedStatus(ProvisioningStatus outcome) => ProvisioningStatus.Pass;
    }

    sealed class NoCompleteEvent : FlowPolicy { public override bool ReportsProvisioningCompleteEvent => false; }
    sealed class InformFirst : FlowPolicy { public override bool SyslogBeforeStatusInform => false; }
    sealed class NoStatusInform : FlowPolicy { public override bool SendsProvisioningStatusInform(ProvisioningFlow flow, string? realm) => false; }
    sealed class RestartsOnUnacknowledged : FlowPolicy { public override bool RestartsAfterUnacknowledgedStatusInform => true; }
    sealed class DefaultTimer : FlowPolicy { public override TimeSpan? ProvisioningTimer(byte minutes) => null; }

    sealed class SolicitsSipServers : EueSolicitBuilder
    {
        public override EueSolicitParameters Parameters(DeviceIdentity identity, EueCapabilities capabilities, Duid duid, uint transactionId, ushort elapsed)
        {
            var p = base.Parameters(identity, capabilities, duid, transactionId, elapsed);
            return p with { RequestedOptions = [.. p.RequestedOptions, 21, 22] };
        }
    }

    sealed class RequestsSipServer : EueDhcpv4Options
    {
        public override IReadOnlyList<DhcpOption> Build(DeviceIdentity identity, EueCapabilities capabilities) =>
            [.. base.Build(identity, capabilities).Select(o => o.Code == DhcpOptionCode.ParameterRequestList ? DhcpOption.ParameterRequestList([.. ParameterRequests, 120]) : o)];
    }

    sealed class NoPcscfRows : ConfigFileRules
    {
        public override bool Takes(MibObject obj) => !obj.Name.StartsWith("pktcEUEDevPCSCF", StringComparison.Ordinal);
    }

    sealed class RefusesIncremental : EueSetPolicy
    {
        public override SnmpErrorStatus Check(MibObject obj, SnmpValue value, ProvisioningFlow? flow) =>
            obj.Name.StartsWith("pktcEUEDevPCSCF", StringComparison.Ordinal) || obj.Name == "pktcMtaDevEnabled" ? SnmpErrorStatus.NotWritable : base.Check(obj, value, flow);
    }

    sealed class NoDownload : SoftwareDownloadPolicy { public override bool StartsDownload => false; }

    sealed class ImpactNone : ServiceImpactPolicy { public override int? Report(IReadOnlyList<int> perService) => None; }
}
