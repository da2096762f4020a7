using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Pcap;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Flows.FlowWire;

namespace EUeConformance.Steps.Flows;

/// <summary>
/// Table 5 eUE-19 to eUE-23 as the wire shows them: the URL of the SET (an IPv6 literal in brackets, or an FQDN the eUE
/// resolves by AAAA with the DHCP-given DNS server), the request by the URL's scheme (TFTP or HTTP) to the right address
/// and only once it is known, the Basic flow's move between several TFTP servers (DOCSIS MULPI), the restart with eUE-1
/// when a step fails at the protocol level, and what the eUE does with a file whose hash or content is wrong.
/// </summary>
[Binding]
public sealed class ConfigFileStepsEue19To23(FlowWire wire, Lab lab, ScenarioContext scenario)
{
    // ---------------------------------------------------------------- eUE-20/21: the lookup

    /// <summary>eUE-20 (IPv6: AAAA to the OPTION_DNS_SERVERS server) and its IPv4 counterpart (PKT-PROV1.5: A to the option 6 server).</summary>
    [Then(@"^after the SET the eUE looks up ([a-z0-9.-]+) with an (A|AAAA) query to the DNS server its DHCP server gave$")]
    public async Task ThenLookup(string name, string type)
    {
        var wanted = type == "A" ? DnsType.A : DnsType.Aaaa;
        var server = type == "A" ? LabAddresses.HeadendV4 : LabAddresses.HeadendV6;
        var (set, response) = await wire.SetAnsweredAsync(lab.Boot);
        var early = lab.Seen(e => IsQueryFor(e, name) && e.Sequence < set.Sequence);
        if (early.Count > 0) throw lab.Fail($"the eUE looked up {name} before the SET told it the URL", "the lookup after eUE-19", "before it", early[0]);
        var query = await lab.AwaitAsync($"a DNS query for {name}", e => IsQueryFor(e, name), lab.Boot, After(set), missingFails: true, protocol: "dns");
        var queries = lab.Seen(e => IsQueryFor(e, name), After(set));
        if (!queries.Any(q => QueryType(q) == wanted))
            throw lab.Fail($"the eUE did not ask for the {type} record of {name}", $"an {type} query", string.Join(", ", queries.Select(q => QueryType(q)?.ToString() ?? "?")), query);
        var asked = queries.First(q => QueryType(q) == wanted);
        if (!Ipv6.Ipv6Facts.Same(asked.Local.Address, server))
            throw lab.Fail("the eUE asked another DNS server than the one its DHCP server gave", server.ToString(), asked.Local.Address.ToString(), asked);
        lab.Witness(asked, $"the {type} query for {name} after the SET");
    }

    [Then(@"^the eUE requests the file from the address DNS gave for ([a-z0-9.-]+), once it has the answer$")]
    public async Task ThenRequestAfterAnswer(string name)
    {
        var (set, _) = await wire.SetAnsweredAsync(lab.Boot);
        var request = await lab.AwaitAsync("the eUE's configuration file request", IsFileRequest, lab.Boot, After(set), missingFails: true);
        static bool Answer(EvidenceEvent e, string name) => IsAnswerFor(e, name) && e.Message is DnsMessage m && m.Answers.Any(a => a.Type == DnsType.Aaaa);
        var answer = lab.Seen(e => Answer(e, name) && e.Sequence < request.Sequence, After(set)).LastOrDefault();
        if (answer is null)
        {
            var later = lab.Seen(e => Answer(e, name), After(request)).FirstOrDefault();
            throw lab.Fail("the eUE requested the file before it had the DNS answer for the URL's host", "the request after eUE-21",
                later is null ? "no DNS answer for it at all before the request" : $"request #{request.Sequence}, answer #{later.Sequence}", request);
        }
        var address = ((DnsMessage)answer.Message!).Answers.First(a => a.Type == DnsType.Aaaa).Address!;
        if (!Ipv6.Ipv6Facts.Same(request.Local.Address, address))
            throw lab.Fail("the eUE sent its request to another address than the one DNS gave", address.ToString(), request.Local.Address.ToString(), request);
        lab.Witness(request, $"the request to {address}, after the answer #{answer.Sequence}");
    }

    [Then(@"^the eUE requests the file by TFTP from ([0-9a-f:]+) after the SET, with no DNS lookup$")]
    public async Task ThenLiteral(string literal)
    {
        var address = IPAddress.Parse(literal);
        var (set, response) = await wire.SetAnsweredAsync(lab.Boot);
        var url = ProvisioningFlowSteps.SetUrl(set);
        var path = Uri.UnescapeDataString(new Uri(url).AbsolutePath).TrimStart('/');
        var rrq = await lab.AwaitAsync($"the eUE's read request for {path}", ReadRequestFor(path), lab.Boot, missingFails: true, protocol: "tftp");
        if (rrq.Sequence < set.Sequence)
            throw lab.Fail("the eUE requested the file before the SET told it the URL", "the request after eUE-19", "before it", rrq);
        if (!Ipv6.Ipv6Facts.Same(rrq.Local.Address, address))
            throw lab.Fail($"the eUE did not send its read request to the URL's literal address ({url})", address.ToString(), rrq.Local.Address.ToString(), rrq);
        var lookups = lab.Seen(e => e.Service == Traffic.Dns && e.Direction == Direction.Received && e.Sequence < rrq.Sequence, After(set));
        if (lookups.Count > 0)
            throw lab.Fail("the eUE made a DNS lookup for a URL whose host is an address literal", "no DNS query between the SET and the request", lookups[0].Kind, lookups[0]);
        lab.Witness(rrq, $"the read request to {address} from {url}");
    }

    /// <summary>eUE-22 with an http:// URL (6.1.5 MAY, ICS http-config): an HTTP GET of the URL's path, and no TFTP for it.</summary>
    [Then(@"^the eUE fetches ([\w./-]+) with an HTTP GET, not by TFTP$")]
    public async Task ThenHttp(string path)
    {
        var (set, _) = await wire.SetAnsweredAsync(lab.Boot);
        var get = await lab.AwaitAsync($"an HTTP request for /{path}", HttpRequestFor(path), lab.Boot, After(set), missingFails: true, protocol: "http");
        if (get.Message is Protocols.Http.HttpRequest r && r.Method != "GET")
            throw lab.Fail("the eUE's HTTP request is not a GET", "GET", r.Method, get);
        var tftp = lab.Seen(ReadRequestFor(path), After(set));
        if (tftp.Count > 0) throw lab.Fail("the eUE also asked for the file by TFTP although the URL says http", "HTTP only", "a TFTP read request", tftp[0]);
        lab.Witness(get, $"HTTP GET /{path}");
    }

    static bool IsFileRequest(EvidenceEvent e) => Traffic.EueFileRequest(e) || e.Service == Traffic.Http && e.Direction == Direction.Received && e.Error is null;

    // ---------------------------------------------------------------- restarts with eUE-1

    /// <summary>"Restart with eUE-1": a new SOLICIT (IPv6) or DISCOVER (IPv4) after the lease; a device that stays idle fails.</summary>
    [Then(@"^the eUE starts over with a new (SOLICIT|DISCOVER)$")]
    public async Task ThenRestarts(string kind)
    {
        var lease = await wire.LeaseAsync();
        var restart = await lab.AwaitAsync($"a new {kind} from the eUE after its lease", IsNewStart, lab.Boot, After(lease), missingFails: true);
        if (restart.Kind != kind) throw lab.Fail("the eUE started over in the other IP mode", kind, restart.Kind, restart);
        lab.Witness(restart, $"the new {kind}, {Seconds(restart.At - lease.At)} after the lease");
    }

    // ---------------------------------------------------------------- eUE-22: several TFTP servers (Basic flow, IPv6)

    /// <summary>
    /// DOCSIS MULPI "Transfer Operational Parameters" (TFTP Backoff Start 1 s, doubling to TFTP Backoff End 16 s, TFTP Request
    /// Retries 16, as the suite reads MULPI Annex B): the silent server is tried more than once, no faster than the backoff
    /// allows, and then the eUE asks the next server in CL_OPTION_TFTP_SERVERS, without starting over in between. The tries
    /// sent to the silent server show on the link as the neighbour solicitations nobody answers (on the fabrics that capture
    /// address resolution, simulation and loopback; elsewhere only the hand-over is judged).
    /// </summary>
    [Then(@"^the eUE backs off and retries the silent TFTP server, then requests the file from the headend without starting over$")]
    public async Task ThenMovesToNextServer()
    {
        var lease = await wire.LeaseAsync();
        var perServer = MulpiBackoffTotal();
        var rrq = await lab.AwaitAsync("a read request at the second TFTP server", Traffic.EueFileRequest, perServer + lab.Boot, After(lease), missingFails: true, protocol: "tftp");
        var restarts = lab.Seen(e => IsNewStart(e) && e.Sequence < rrq.Sequence, After(lease));
        if (restarts.Count > 0) throw lab.Fail("the eUE started over instead of moving to the next TFTP server", "the next server asked, no SOLICIT", "a new SOLICIT", restarts[0]);
        if (lab.Headend.NeighborDiscovery is { SeesAddressResolution: true })
        {
            var tries = lab.Seen(e => e.Service == Ipv6.EueIpv6Wire.Nd && e.Direction == Direction.Received && e.Message is NdMessage { Type: NdMessage.NeighborSolicitation } ns
                && ns.Target is { } t && Ipv6.Ipv6Facts.Same(t, FlowSetupSteps.SilentV6) && e.Sequence < rrq.Sequence, After(lease));
            if (tries.Count < 2)
                throw lab.Fail("the eUE gave up the silent TFTP server without retrying it", "a request and at least one retransmission", $"{tries.Count} attempt(s)", rrq);
            for (int i = 1; i < tries.Count; i++)
            {
                var gap = tries[i].At - tries[i - 1].At;
                var previous = i >= 2 ? tries[i - 1].At - tries[i - 2].At : TimeSpan.Zero;
                if (gap < MulpiBackoffStart - Ipv6.Ipv6Facts.Slack || gap + Ipv6.Ipv6Facts.Slack < previous)
                    throw lab.Fail("the eUE's retries of the silent TFTP server do not back off", $"intervals of at least {Seconds(MulpiBackoffStart)}, never shrinking",
                        string.Join(", ", tries.Skip(1).Select((t, j) => Seconds(t.At - tries[j].At))), tries[i]);
            }
            scenario.Log($"tries of the silent server: {tries.Count}, intervals {string.Join(", ", tries.Skip(1).Select((t, j) => Seconds(t.At - tries[j].At)))}");
        }
        else scenario.Log("this fabric does not carry neighbour solicitations into the capture: only the hand-over to the next server is judged");
        lab.Witness(rrq, "the read request at the next TFTP server");
    }

    /// <summary>22-05: when no TFTP server answers, the eUE retries provisioning (a new SOLICIT), within MULPI's worst case.</summary>
    [Then(@"^the eUE starts provisioning again once no TFTP server has answered$")]
    public async Task ThenRetriesProvisioning()
    {
        var lease = await wire.LeaseAsync();
        // MULPI: every server tried with its backoff, the list gone through TFTP Download Retries (3) times, then TFTP Wait (10 min).
        var bound = 2 * 3 * MulpiBackoffTotal() + TimeSpan.FromMinutes(10) + lab.Boot;
        var restart = await lab.AwaitAsync("a new SOLICIT once no TFTP server has answered", IsNewStart, bound, After(lease), missingFails: true);
        lab.Witness(restart, $"the new SOLICIT, {Seconds(restart.At - lease.At)} after the lease");
    }

    static readonly TimeSpan MulpiBackoffStart = TimeSpan.FromSeconds(1), MulpiBackoffEnd = TimeSpan.FromSeconds(16);
    const int MulpiRequestRetries = 16;

    /// <summary>The longest one server may keep the eUE: 1, 2, 4, 8 s, then 16 s up to the request retries.</summary>
    static TimeSpan MulpiBackoffTotal()
    {
        var total = TimeSpan.Zero;
        var step = MulpiBackoffStart;
        for (int i = 0; i <= MulpiRequestRetries; i++)
        {
            total += step;
            step = step * 2 > MulpiBackoffEnd ? MulpiBackoffEnd : step * 2;
        }
        return total;
    }

    // ---------------------------------------------------------------- eUE-23: what the eUE does with the file

    /// <summary>
    /// eUE-23 hash check: the step fails. Whether that is a transfer failure (restart with eUE-1) or a configuration-file
    /// error (reported in eUE-24/25) the spec does not say: either is accepted; reporting success, or applying the file, fails.
    /// </summary>
    [Then(@"^the eUE neither applies the file nor reports success$")]
    public async Task ThenHashRejected()
    {
        var lease = await wire.LeaseAsync();
        var request = await lab.AwaitAsync("the eUE's configuration file request", IsFileRequest, lab.Boot, After(lease));
        var next = await lab.AwaitAsync("the eUE's status report or a new start", e => IsStatusReport(e) || IsNewStart(e), lab.Boot, After(request));
        if (IsStatusReport(next))
        {
            var state = ReportedState(next);
            if (state is 1 or 4 or 5)
                throw lab.Fail("the eUE reported success for a file whose hash does not match the SET", "a failure state (e.g. failConfigFileError)", $"pktcMtaDevProvisioningState {state}", next);
            var agent = LeasedAddress(lease);
            var r = await wire.GetAsync(agent, "the file's P-CSCF", MibNames.EueDev.PktcEUEDevPCSCFAddr.InstanceId(1));
            if (!r.VarBinds[0].Value.IsException)
                throw lab.Fail("the eUE applied the settings of a file whose hash does not match", "no P-CSCF row from the file", Describe(r.VarBinds), next);
            lab.Witness(next, $"status report {state}; the file's settings not applied");
            return;
        }
        lab.Witness(next, "the eUE started over (the hash mismatch treated as a failed download)");
    }

    /// <summary>eUE-23 on failure: a configuration-file error is reported (eUE-24/25), with no restart.</summary>
    [Then(@"^the eUE reports a configuration file error without starting over$")]
    public async Task ThenFileErrorReported()
    {
        var lease = await wire.LeaseAsync();
        var request = await lab.AwaitAsync("the eUE's configuration file request", IsFileRequest, lab.Boot, After(lease));
        var next = await lab.AwaitAsync("the eUE's status report", e => IsStatusReport(e) || IsNewStart(e), lab.Boot, After(request), missingFails: true);
        if (IsNewStart(next))
            throw lab.Fail("the eUE started over on a configuration-file error instead of reporting it", "eUE-24/25 with the error", $"a new {next.Kind}", next);
        var state = ReportedState(next);
        if (state != 3)
            throw lab.Fail("the eUE's report does not give the configuration-file error", "pktcMtaDevProvisioningState failConfigFileError (3)", state?.ToString() ?? "absent", next);
        await lab.SettleAsync(TimeSpan.FromSeconds(60));
        var restart = lab.Seen(IsNewStart, After(next));
        if (restart.Count > 0) throw lab.Fail("the eUE started over after reporting the configuration-file error", "no restart", restart[0].Kind, restart[0]);
        lab.Witness(next, "failConfigFileError reported; no restart for 60 s");
    }
}
