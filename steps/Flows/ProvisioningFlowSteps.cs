using System.Net;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Flows.FlowWire;

namespace EUeConformance.Steps.Flows;

/// <summary>
/// pkt-eue-4 as the realm's flow uses it (EUE-PROV 6.1.4, PKT-PROV1.5; Table 5 eUE-4 note): no enrollment in the
/// Basic flow (at most the final status report); in the Hybrid flow the SNMPv2c enrollment INFORM (eUE-15), the SET of
/// the file's URL and hash the eUE must accept (eUE-19), then the download (pkt-eue-5, 6.1.5); and the provisioning
/// timer of 122.8 / CCCV6.8 that restarts a flow that does not finish in time.
/// </summary>
[Binding]
public sealed class ProvisioningFlowSteps(FlowWire wire, Lab lab, ScenarioContext scenario)
{
    /// <summary>How long after its file request a Basic-flow eUE has to report: its INFORM with retries (RFC 3413 leaves them to it; 5 × 15 s).</summary>
    static readonly TimeSpan ReportWindow = TimeSpan.FromSeconds(75);

    // ---------------------------------------------------------------- Basic

    [Then(@"^the eUE requests its configuration file by TFTP from the server and with the name DHCP gave$")]
    public async Task ThenBasicDownload()
    {
        var lease = await wire.LeaseAsync();
        var rrq = await lab.AwaitAsync($"TFTP read request for {LabAddresses.ConfigFileName}", Traffic.EueFileRequest, lab.Boot, After(lease), protocol: "tftp");
        var name = rrq.Message<TftpReadRequest>().Filename.TrimStart('/');
        if (name != LabAddresses.ConfigFileName)
            throw lab.Fail("the eUE asked for another file than the one its DHCP server named", LabAddresses.ConfigFileName, name, rrq);
        var server = IsV6(LeasedAddress(lease)) ? LabAddresses.HeadendV6 : LabAddresses.HeadendV4;
        if (!Ipv6.Ipv6Facts.Same(rrq.Local.Address, server))
            throw lab.Fail("the eUE sent its read request to another server than the one DHCP named", server.ToString(), rrq.Local.Address.ToString(), rrq);
        lab.Witness(rrq, "the eUE's read request for the file DHCP named");
    }

    [Then(@"^the eUE sends the Provisioning Server no enrollment INFORM$")]
    public async Task ThenNoEnrollment()
    {
        var lease = await wire.LeaseAsync();
        var rrq = await lab.AwaitAsync("the eUE's configuration file request", e => Traffic.EueFileRequest(e) || HttpRequestFor(LabAddresses.ConfigFileName)(e), lab.Boot, After(lease));
        await lab.SettleAsync(ReportWindow);
        var enrollments = lab.Seen(IsEnrollment, After(lease));
        if (enrollments.Count > 0)
            throw lab.Fail("a Basic-flow eUE enrolled with the Provisioning Server", "no pktcMtaDevProvisioningEnrollment", $"{enrollments.Count} enrollment notification(s)", enrollments[0]);
        // Anything else it sent the SNMP entity must be the final status report, after the file (6.1.4 ¶2).
        var early = lab.Seen(e => e.Service == Traffic.ProvisioningSnmp && e.Direction == Direction.Received && e.Sequence < rrq.Sequence, After(lease));
        if (early.Count > 0)
            throw lab.Fail("a Basic-flow eUE spoke SNMP to the Provisioning Server before its configuration file", "only the final status report, after the file", early[0].Kind, early[0]);
        var reports = lab.Seen(IsStatusReport, After(rrq));
        scenario.Log(reports.Count == 0 ? "no status report (optional in the Basic flow)" : $"status report(s): {reports.Count}, state {ReportedState(reports[0])?.ToString() ?? "absent"}");
        lab.Witness(rrq, $"the file request; no enrollment INFORM for {ReportWindow.TotalSeconds} s after it");
    }

    // ---------------------------------------------------------------- Hybrid

    /// <summary>eUE-15 in the Hybrid flow: an SNMPv2c InformRequest of pktcMtaDevProvisioningEnrollment to the entity of 122.3 / CCCV6.3.</summary>
    [Then(@"^the eUE enrolls with an SNMPv2c INFORM to the Provisioning Server(?: over (IPv4|IPv6))?$")]
    public async Task ThenEnrolls(string? family)
    {
        var lease = await wire.LeaseAsync();
        var e = await lab.AwaitAsync("the eUE's enrollment INFORM (eUE-15)", e => e.Service == Traffic.ProvisioningSnmp && e.Direction == Direction.Received
            && (IsEnrollment(e) || e.Error is not null), lab.Boot, After(lease), missingFails: true, protocol: "snmp");
        var n = e.Message<ProvisioningNotification>();
        if (n.Version != SnmpVersion.V2c)
            throw lab.Fail("the Hybrid-flow enrollment is not SNMPv2c", "SNMPv2c", n.Version.ToString(), e);
        if (!n.IsInform)
            throw lab.Fail("the enrollment was sent as a trap, not an INFORM", "InformRequest", e.Kind, e);
        // The entity of sub-option 3 is an FQDN here: the INFORM goes to the address DNS gives for it, over the mode's family.
        var expected = family == "IPv4" || family is null && !IsV6(LeasedAddress(lease)) ? LabAddresses.HeadendV4 : LabAddresses.HeadendV6;
        if (!Ipv6.Ipv6Facts.Same(e.Local.Address, expected))
            throw lab.Fail("the enrollment INFORM went to another address than the Provisioning Server's", expected.ToString(), e.Local.Address.ToString(), e);
        if (n.Mac is { } mac && !mac.Equals(lab.EueMac))
            throw lab.Fail("the enrollment names another MAC than the eUE's", lab.EueMac.ToString(), mac.ToString(), e);
        lab.Witness(e, $"enrollment INFORM ({n.Mib}, community '{n.Community}')");
    }

    [Then(@"^the eUE accepts the SET of the configuration file's URL and hash$")]
    public async Task ThenAcceptsSet()
    {
        var (set, response) = await wire.SetAnsweredAsync(lab.Boot);
        var pdu = response.Message<Pdu>();
        if (pdu.ErrorStatus != SnmpErrorStatus.NoError)
            throw lab.Fail($"the eUE refused the eUE-19 SET ({Describe(((Pdu)set.Message!).VarBinds)})", "noError", $"{pdu.ErrorStatus.Describe()} at varbind {pdu.ErrorIndex}", response);
        lab.Witness(response, "the eUE's noError Response to the eUE-19 SET");
    }

    /// <summary>The file request follows the SET and names the URL's file (pkt-eue-5 after pkt-eue-4).</summary>
    [Then(@"^the eUE then requests the configuration file the SET names$")]
    public async Task ThenRequestsSetFile()
    {
        var (set, _) = await wire.SetAnsweredAsync(lab.Boot);
        var url = SetUrl(set);
        var uri = new Uri(url);
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/');
        var request = uri.Scheme == "http" ? HttpRequestFor(path) : ReadRequestFor(path);
        var e = await lab.AwaitAsync($"the eUE's request for {url}", request, lab.Boot, After(set), missingFails: true);
        lab.Witness(e, $"the request for the file of {url}");
    }

    public static string SetUrl(EvidenceEvent set) =>
        ((Pdu)set.Message!).VarBinds.FirstOrDefault(v => MibNames.Lookup(v.Name)?.Object.Name == "pktcMtaDevConfigFile")?.Value.ToText()
        ?? throw new InvalidOperationException($"evidence #{set.Sequence} sets no pktcMtaDevConfigFile");

    /// <summary>Table 5 eUE-4 note: the Hybrid flow carries no Kerberos (no KDC SRV lookup, nothing to a KDC).</summary>
    [Then(@"^the eUE makes no Kerberos exchange$")]
    public async Task ThenNoKerberos()
    {
        var lease = await wire.LeaseAsync();
        var file = await lab.AwaitAsync("the eUE's configuration file request", e => Traffic.EueFileRequest(e) || e.Service == Traffic.Http && e.Direction == Direction.Received, lab.Boot, After(lease));
        var kerberos = lab.Seen(IsKerberos, After(lease));
        if (kerberos.Count > 0) throw lab.Fail("a Hybrid-flow eUE went for Kerberos", "no KDC lookup or exchange", kerberos[0].Kind, kerberos[0]);
        lab.Witness(file, "the file request, with no Kerberos step before it");
    }

    // ---------------------------------------------------------------- the provisioning timer (122.8 / CCCV6.8)

    /// <summary>
    /// PKT-PROV1.5 pktcMtaDevProvisioningTimer, given by 122.8 in minutes: a flow that has not finished when it runs out starts
    /// over with a new DHCP DISCOVER (MTA-1). Judged from the lease: the restart comes no later than the timer (+ the spec-free
    /// slack of a retransmission), and not before the timer less the time the DHCP exchange took.
    /// </summary>
    [Then(@"^the eUE starts over with DHCP when its (\d+)-minute provisioning timer runs out$")]
    public async Task ThenTimerRestarts(int minutes)
    {
        var timer = TimeSpan.FromMinutes(minutes);
        var slack = TimeSpan.FromSeconds(30);
        var first = await lab.AwaitAsync("the eUE's first DHCP message", IsNewStart, lab.Boot);
        var lease = await wire.LeaseAsync();
        await lab.AwaitAsync("the eUE's enrollment INFORM", IsEnrollment, lab.Boot, After(lease));
        var restart = await lab.AwaitAsync($"a new DHCP start within {minutes} min (+{slack.TotalSeconds} s) of the lease", IsNewStart,
            timer + slack, After(lease), missingFails: true);
        var sinceStart = restart.At - first.At;
        if (restart.At - lease.At > timer + slack)
            throw lab.Fail("the eUE restarted later than its provisioning timer allows", $"within {Seconds(timer)} of the lease", Seconds(restart.At - lease.At), restart);
        if (sinceStart < timer - TimeSpan.FromSeconds(1))
            throw lab.Fail("the eUE restarted before its provisioning timer ran out", $"not before {Seconds(timer)}", Seconds(sinceStart), restart);
        lab.Witness(restart, $"the new start {Seconds(restart.At - lease.At)} after the lease ({Seconds(sinceStart)} after the first DHCP message)");
    }
}
