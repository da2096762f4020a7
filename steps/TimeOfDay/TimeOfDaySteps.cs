using System.Globalization;
using System.Net;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Protocols.Time;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Profile;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Ecm;
using static EUeConformance.Steps.Ecm.EcmBed;

namespace EUeConformance.Steps.TimeOfDay;

/// <summary>
/// Time of day (EUE-PROV 6.2.1.1 bullet 3, 6.2.8.2, 6.3.2.3): the eCM's RFC 868 requests and their retries, the
/// eUE's behaviour while the eCM has no time (Secure flow held at DHCP and restarted one to three times per 300 s,
/// Basic and Hybrid carrying on, a management event after each DHCP exchange), and the eUE's clock as its syslog
/// timestamps show it, when the eCM first gets the time and when the time changes.
/// </summary>
[Binding]
public sealed class TimeOfDaySteps(EcmBed ecm, Lab lab, LabPlan plan, DutProfile profile, ScenarioContext scenario)
{
    /// <summary>The moment after which the eUE's clock must show the ToD server's time, and the offset the ToD server then served.</summary>
    sealed record TimeMark(EvidenceEvent Time, TimeSpan Offset);
    const string MarkKey = "tod.mark";

    // ---------------------------------------------------------------- setting up

    /// <summary>Any realm other than BASIC.1/2 and HYBRID.1/2 selects the Secure flow (option 122.6 / CCCV6.6; protocol-facts 1.1).</summary>
    [Given(@"^the eUE is provisioned with the Secure flow of realm (\S+) in (IPv4|IPv6) mode$")]
    public void GivenSecure(string realm, string mode)
    {
        var ip = Mode(mode);
        string item = ip == IpAddressingMode.Ipv4 ? "ipv4" : "ipv6";
        if (!profile.Has(item))
            throw ScenarioContext.NotApplicable($"the scenario needs ICS '{item}', which the profile answers 'no' ({Path.GetFileName(profile.Path)}:{profile.IcsLines.GetValueOrDefault(item)})");
        plan.Realm = realm;
        plan.PreferEueMode(ip);
        if (!profile.Has("ecm-ipv4")) plan.EcmProvisioning = EcmProvisioning.Ipv6;
    }

    [Given(@"^the ToD server does not answer$")]
    public void GivenTodSilent() => plan.HeadendSetup.Add(h => h.TimeOfDay.Overrides.Add(Override.Silence()));

    /// <summary>Short eCM leases (option 51; T1 option 58 at half, T2 option 59 at 7/8), so that a renewal comes within the scenario.</summary>
    [Given(@"^the eCM's DHCP leases last (\d+) s$")]
    public void GivenShortLeases(int seconds)
    {
        uint lease = (uint)seconds;
        ecm.EditEcmReplies(IpAddressingMode.Ipv4, kind =>
        [
            Set(kind, "51", Be(lease)),
            Set(kind, "58", Be(lease / 2)),
            Set(kind, "59", Be(lease / 8 * 7)),
        ]);
    }

    static byte[] Be(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    // ---------------------------------------------------------------- 6.2.1.1: ToD before the eUE

    static bool TimeRequestFromEcm(EvidenceEvent e, EcmBed ecm) => Traffic.From(Traffic.TimeOfDay, "REQUEST")(e) && ecm.IsEcmAddress(e.Peer.Address);

    [Then(@"^the eCM asks a time of day server that its DHCP server named for the time before the eUE's first DHCP message$")]
    public async Task ThenTimeBeforeEue()
    {
        var first = await ecm.FirstEueDhcpAsync();
        var lease = lab.Seen(e => ToEcm(ecm.EcmPrimary)(e) && IsLease(e) && e.Sequence < first.Sequence).LastOrDefault()
            ?? throw lab.Fail("the eUE began DHCP before the eCM had a lease", "the eCM's lease, its time request, then the eUE", "no eCM lease before", first);
        var servers = EcmDhcpSteps.TodServers(lease);
        if (servers.Count == 0) throw ScenarioContext.Inconclusive("the eCM's lease names no ToD server: the headend's database lacks one");
        var request = lab.Seen(e => TimeRequestFromEcm(e, ecm) && e.Sequence > lease.Sequence && e.Sequence < first.Sequence).FirstOrDefault();
        if (request is null)
            throw lab.Fail("the eUE began DHCP before the eCM had asked for the time of day", "an RFC 868 request from the eCM first", "none before the eUE's first DHCP message", first);
        if (!servers.Any(s => Same(s, request.Local.Address)))
            throw lab.Fail("the eCM asked a ToD server its DHCP server did not name", string.Join(" or ", servers), request.Local.Address.ToString(), request);
        lab.Witness(request, "the eCM's time request");
        lab.Witness(first, "the eUE's first DHCP message, after it");
    }

    static bool Same(IPAddress a, IPAddress b) => (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Equals(b.IsIPv4MappedToIPv6 ? b.MapToIPv4() : b);

    [Then(@"^the eCM sends at least (\d+) time requests, at intervals that do not shrink, before the eUE's first DHCP message$")]
    public async Task ThenTimeRetries(int count)
    {
        var first = await ecm.FirstEueDhcpAsync();
        var requests = lab.Seen(e => TimeRequestFromEcm(e, ecm) && e.Sequence < first.Sequence);
        if (requests.Count < count)
            throw lab.Fail($"the eCM sent {requests.Count} time request(s) before the eUE started, with no answer", $"at least {count} (a retry like DHCP's)", Timeline(requests), first);
        var gaps = requests.Skip(1).Select((e, i) => e.At - requests[i].At).ToList();
        for (int i = 1; i < gaps.Count; i++)
            // Each interval between two stamps is off by up to the lab's allowance (zero in simulation).
            if (gaps[i] + TimeSpan.FromSeconds(0.5) + 2 * lab.Allowance < gaps[i - 1])
                throw lab.Fail("the intervals between the eCM's time requests shrink", "a backoff like DHCP's: intervals that do not shrink", Describe(gaps), requests[i + 1]);
        lab.Witness(requests[^1], $"{requests.Count} time requests before the eUE started; intervals {Describe(gaps)}");
        scenario.Log($"ToD request intervals: {Describe(gaps)}");
    }

    // ---------------------------------------------------------------- 6.3.2.3 ¶4: the Secure flow without ToD

    /// <summary>The eUE's new DHCP exchanges: DHCPv4 DISCOVERs / DHCPv6 SOLICITs with a transaction id not seen before.</summary>
    List<EvidenceEvent> NewExchanges(DateTimeOffset from, DateTimeOffset to)
    {
        var seen = new HashSet<string>();
        var starts = new List<EvidenceEvent>();
        foreach (var e in lab.Seen(e => FromEueDhcp(e) && e.Kind is "DISCOVER" or "SOLICIT"))
        {
            string xid = e.Message switch { DhcpMessage m => $"4:{m.Xid}", Dhcp6Message m => $"6:{m.TransactionId}", _ => "" };
            if (seen.Add(xid) && e.At > from && e.At <= to) starts.Add(e);
        }
        return starts;
    }

    async Task<(EvidenceEvent Lease, DateTimeOffset End)> WindowAsync(int seconds)
    {
        var lease = await lab.AwaitAsync("lease for the eUE", ToEueLease, lab.Boot);
        var end = lease.At + TimeSpan.FromSeconds(seconds);
        // On a real fabric an event due at the very end may be stamped up to the allowance late.
        await ecm.RunUntilAsync(end + lab.Allowance);
        scenario["tod.window"] = (lease, end);
        return (lease, end);
    }

    (EvidenceEvent Lease, DateTimeOffset End) Window() =>
        scenario["tod.window"] is ValueTuple<EvidenceEvent, DateTimeOffset> w ? w : throw new InvalidOperationException("a step must first watch the eUE for a while");

    [Then(@"^for (\d+) s after its first DHCP exchange the eUE sends nothing beyond DHCP and its management events$")]
    public async Task ThenNothingBeyondDhcp(int seconds)
    {
        var (lease, end) = await WindowAsync(seconds);
        var beyond = lab.Seen(e => e.Direction == Direction.Received && e.At <= end && ecm.IsEueAddress(e.Peer.Address)
            && e.Service is not (Traffic.EueDhcpv4 or Traffic.EueDhcpv6 or "dhcpv4" or "dhcpv6" or Traffic.Syslog or Traffic.Router), After(lease));
        if (beyond.Count > 0)
            throw lab.Fail("without the time of day the Secure-flow eUE went beyond DHCP", "only DHCP (and management events)",
                string.Join(", ", beyond.Take(5).Select(e => $"#{e.Sequence} {e.Service} {e.Kind}")), beyond[0]);
        lab.Witness(lease, $"the eUE's first lease; nothing beyond DHCP for {seconds} s after it");
    }

    /// <summary>
    /// 6.3.2.3 ¶4: at least once in every 300 s window counted from the first completed exchange, and at most
    /// <paramref name="most"/> times in any 300 s (sliding).
    /// </summary>
    [Then(@"^the eUE starts a new DHCP exchange at least once and at most (\d+) times in every 300 s$")]
    public void ThenRestarts(int most)
    {
        var (lease, end) = Window();
        // The windows are counted from the lease's stamp: on a real fabric each stamp may be up to the allowance late.
        var allowance = lab.Allowance;
        var starts = NewExchanges(lease.At, end + allowance);
        var period = TimeSpan.FromSeconds(300);
        for (var from = lease.At; from + period <= end; from += period)
        {
            var inWindow = starts.Count(s => s.At > from && s.At <= from + period + allowance);
            if (inWindow == 0)
                throw lab.Fail($"no new DHCP exchange between +{Seconds(from - lease.At)} s and +{Seconds(from + period - lease.At)} s", $"at least one per 300 s{lab.AllowanceNote}",
                    Timeline([lease, .. starts]), starts.LastOrDefault(s => s.At <= from) ?? lease);
        }
        for (int i = 0; i + most < starts.Count; i++)
            if (starts[i + most].At - starts[i].At < period - allowance)
                throw lab.Fail($"{most + 1} new DHCP exchanges within {Seconds(starts[i + most].At - starts[i].At)} s", $"at most {most} in any 300 s{lab.AllowanceNote}",
                    Timeline([lease, .. starts]), starts[i + most]);
        if (starts.Count > 0) lab.Witness(starts[^1], $"restarts at {string.Join(", ", starts.Select(s => "+" + Seconds(s.At - lease.At) + " s"))}");
        scenario.Log($"eUE-1 restarts: {string.Join(", ", starts.Select(s => "+" + Seconds(s.At - lease.At) + " s"))}");
    }

    static bool SyslogFromEue(EvidenceEvent e, EcmBed ecm) => Traffic.From(Traffic.Syslog, "MSG")(e) && ecm.IsEueAddress(e.Peer.Address);

    /// <summary>6.3.2.3 ¶8: after each completed DHCP exchange without the time, a management event (by syslog) before the next exchange.</summary>
    [Then(@"^after every completed DHCP exchange the eUE sends a management event to the syslog server before its next DHCP exchange$")]
    public void ThenEventPerExchange()
    {
        var (first, end) = Window();
        var leases = lab.Seen(e => ToEueLease(e) && e.At <= end, EvidenceCursor.Start).Where(e => e.Sequence >= first.Sequence).ToList();
        var starts = NewExchanges(first.At, end);
        foreach (var lease in leases)
        {
            var next = starts.FirstOrDefault(s => s.Sequence > lease.Sequence);
            var until = next?.At ?? end + lab.Allowance;
            var report = lab.Seen(e => SyslogFromEue(e, ecm) && e.At <= until, After(lease)).FirstOrDefault();
            if (report is null)
                throw lab.Fail("the eUE completed a DHCP exchange without the time of day and reported no management event before its next one",
                    "a syslog message from the eUE", "none", lease);
            lab.Witness(report, $"management event after the lease #{lease.Sequence}: {report.Fields.GetValueOrDefault("syslog.msg")}");
        }
        if (leases.Count == 0) throw ScenarioContext.Inconclusive("the eUE completed no DHCP exchange");
    }

    // ---------------------------------------------------------------- 6.3.2.3 ¶6: the eUE takes the time when the eCM gets it

    [When(@"^the Configuration Server holds back every file once the eUE has started DHCP$")]
    public async Task WhenHoldBackFiles()
    {
        await ecm.FirstEueDhcpAsync();
        lab.Headend.Tftp.Overrides.Add(new Drop(MessageSelector.Received("RRQ")));
        lab.Headend.Http.Overrides.Add(new Drop(MessageSelector.Received()));
    }

    [When(@"^the ToD server starts answering (\d+) h (\d+) min ahead once the eUE has completed DHCP$")]
    public async Task WhenTodAnswers(int hours, int minutes)
    {
        await lab.AwaitAsync("lease for the eUE", ToEueLease, lab.Boot);
        lab.Headend.TimeOfDay.Skew = new TimeSpan(hours, minutes, 0);
        lab.Headend.TimeOfDay.Overrides.Clear();
    }

    [When(@"^the Configuration Server serves files again once the eCM has received the time$")]
    public async Task WhenServeAgain()
    {
        var time = await lab.AwaitAsync("time of day reply to the eCM", e => Traffic.To(Traffic.TimeOfDay, "TIME")(e) && ecm.IsEcmAddress(e.Peer.Address), lab.Boot);
        Mark(time);
        lab.Headend.Tftp.Overrides.Clear();
        lab.Headend.Http.Overrides.Clear();
    }

    void Mark(EvidenceEvent time)
    {
        var served = time.Message is TimeProtocolMessage t ? t : throw new InvalidOperationException("the time reply carries no decoded message");
        scenario[MarkKey] = new TimeMark(time, served.ToDateTimeOffsetNear(time.At) - time.At);
        lab.Witness(time, "the time the eCM received");
    }

    [Then(@"^the eUE's next management event is stamped with the ToD server's time, within (\d+) s$")]
    public async Task ThenStamped(int tolerance)
    {
        var mark = scenario[MarkKey] as TimeMark ?? throw new InvalidOperationException("no time reply marked: a step must wait for the eCM's time first");
        var report = await lab.AwaitAsync("management event from the eUE", e => SyslogFromEue(e, ecm), lab.Boot, After(mark.Time), protocol: "syslog");
        var message = report.Message<SyslogMessage>();
        var expected = report.At + mark.Offset;
        if (message.Timestamp is not { } stamp)
            throw lab.Fail("the eUE's management event carries no RFC 3164 timestamp", "Mmm dd hh:mm:ss", "none", report);
        var seen = stamp.InYear(expected.Year);
        var off = seen is null ? TimeSpan.MaxValue : (seen.Value - expected.UtcDateTime).Duration();
        if (off > TimeSpan.FromSeconds(tolerance) + lab.Allowance)
        {
            var atHeadend = report.At.UtcDateTime;
            string hint = seen is { } s && (s - atHeadend).Duration() <= TimeSpan.FromSeconds(tolerance) ? " (that is the time without the eCM's ToD)" : "";
            throw lab.Fail("the eUE's clock does not show the time the eCM obtained", $"{Rfc3164Timestamp.From(expected.UtcDateTime)} (±{tolerance} s){lab.AllowanceNote}", $"{stamp}{hint}", report);
        }
        lab.Witness(report, $"stamped {stamp}, expected {Rfc3164Timestamp.From(expected.UtcDateTime)}");
    }

    // ---------------------------------------------------------------- 6.3.2.3 ¶9-11: changes of the eCM's time

    [When(@"^the eUE has fetched its configuration file$")]
    public async Task WhenEueHasFile()
    {
        var rrq = await lab.AwaitAsync("configuration file request from the eUE", e => Traffic.From(Traffic.Tftp, "RRQ")(e) && ecm.IsEueAddress(e.Peer.Address), lab.Boot, protocol: "tftp");
        await lab.SettleAsync(TimeSpan.FromSeconds(10));
        lab.Witness(rrq, "the eUE's configuration file request");
    }

    [When(@"^from the eCM's next renewal on its DHCP server names the second ToD server, which runs (\d+) h ahead$")]
    public void WhenNewTodServer(int hours)
    {
        scenario["tod.change"] = lab.Evidence.Cursor;
        lab.Headend.EcmDhcpV4.Overrides.Add(Set("ACK", "4", LabAddresses.SecondServerV4.GetAddressBytes()));
        lab.Headend.TimeOfDay.Skew = TimeSpan.FromHours(hours);
    }

    [When(@"^from the eCM's next renewal on its DHCP server gives a time offset of (-?\d+) s$")]
    public void WhenNewOffset(int offset)
    {
        scenario["tod.change"] = lab.Evidence.Cursor;
        lab.Headend.EcmDhcpV4.Overrides.Add(Set("ACK", "2", Be(unchecked((uint)offset))));
    }

    EvidenceCursor ChangeMark() => scenario["tod.change"] is EvidenceCursor c ? c : throw new InvalidOperationException("no change was scripted");

    [Then(@"^the eCM asks the second ToD server for the time within (\d+) s$")]
    public async Task ThenAsksSecondServer(int seconds)
    {
        var request = await lab.AwaitAsync("time request from the eCM to the second ToD server",
            e => TimeRequestFromEcm(e, ecm) && Same(e.Local.Address, LabAddresses.SecondServerV4), TimeSpan.FromSeconds(seconds), ChangeMark());
        var time = await lab.AwaitAsync("second ToD server's reply", e => Traffic.To(Traffic.TimeOfDay, "TIME")(e) && ecm.IsEcmAddress(e.Peer.Address), lab.Boot, After(request));
        lab.Witness(request, "the eCM asking the new ToD server");
        Mark(time);
    }

    [Then(@"^the eCM renews its lease within (\d+) s$")]
    public async Task ThenRenews(int seconds)
    {
        var ack = await lab.AwaitAsync("renewed lease for the eCM", e => ToEcm(IpAddressingMode.Ipv4, "ACK")(e) && IsLease(e)
            && e.Message<DhcpMessage>().GetOption(DhcpOptionCode.TimeOffset) is not null, TimeSpan.FromSeconds(seconds), ChangeMark());
        scenario["tod.renewal"] = ack;
        lab.Witness(ack, "the renewal with the new time offset");
    }

    /// <summary>6.3.2.3 ¶11: once the eCM's time has changed, the eUE reports it (the event's identifier is PKT-EUE-DATA's, not checked).</summary>
    [Then(@"^the eUE sends a management event to the syslog server within (\d+) s after (that renewal|the eCM received the new time)$")]
    public async Task ThenEventAfterRenewal(int seconds, string after)
    {
        var since = after == "that renewal"
            ? scenario["tod.renewal"] as EvidenceEvent ?? throw new InvalidOperationException("no renewal seen")
            : (scenario[MarkKey] as TimeMark ?? throw new InvalidOperationException("no time reply marked")).Time;
        var report = await lab.AwaitAsync($"management event from the eUE after {after}", e => SyslogFromEue(e, ecm),
            TimeSpan.FromSeconds(seconds), After(since), missingFails: true, protocol: "syslog");
        lab.Witness(report, $"the eUE's management event: {report.Fields.GetValueOrDefault("syslog.msg")}");
    }
}
