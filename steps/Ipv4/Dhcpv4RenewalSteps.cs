using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Profile;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv4.EueDhcpv4Wire;

namespace EUeConformance.Steps.Ipv4;

/// <summary>
/// Post-initialization DHCPv4 behaviour (EUE-PROV 6.3.5, IPv4 bullets): the eUE renews its lease at T1 (RFC 2131
/// §4.4.5); the scenario makes the renewal's DHCPACK differ from the lease in force and watches what the eUE does
/// next: a new yiaddr makes it start over with a DISCOVER (¶3); a new mask or router either (¶4, the vendor
/// declares which); new DNS or syslog servers are used from then on without starting over (¶5); anything else
/// (file, siaddr, 12, 15, option 122) changes nothing (¶6).
/// </summary>
[Binding]
public sealed class Dhcpv4RenewalSteps(Lab lab, ScenarioContext scenario, DutProfile profile)
{
    public const string RenewalAckKey = "dhcpv4-renewal-ack";
    const string Declaration = "dhcpv4-renewal-mask-router-reinit";

    EvidenceEvent RenewalAck => scenario.Get<EvidenceEvent>(RenewalAckKey);

    bool FileHeldBack => scenario[Ipv6.RenewalSteps.FileHeldBack] is true;

    TimeSpan PlanLease => TimeSpan.FromSeconds(lab.Headend.Database.Network.Ipv4?.LeaseTime ?? 3600);

    /// <summary>The last TFTP ACK of a complete transfer to the eUE: the file's last DATA (shorter than the block size) acknowledged.</summary>
    [When(@"^the eUE has downloaded its configuration file over TFTP$")]
    public async Task WhenDownloaded()
    {
        await lab.AwaitAsync("the eUE's acknowledgement of the last block of its configuration file", e =>
        {
            if (e.Service != Traffic.Tftp || e.Direction != Direction.Received || e.Message is not TftpAck ack || !EueAddresses(lab).Contains(e.Peer.Address)) return false;
            var last = lab.Seen(d => d.Service == Traffic.Tftp && d.Direction == Direction.Sent && d.Message is TftpData data && data.Block == ack.Block
                && d.Peer.Equals(e.Peer) && d.Sequence < e.Sequence).LastOrDefault();
            if (last is null) return false;
            var oack = lab.Seen(o => o.Service == Traffic.Tftp && o.Direction == Direction.Sent && o.Message is TftpOptionAck && o.Peer.Equals(e.Peer)).LastOrDefault();
            int blockSize = oack?.Message is TftpOptionAck o && o.Options.Find(TftpOptionDefinitions.BlockSize.Name) is { } b
                ? int.Parse(b.Value, CultureInfo.InvariantCulture) : 512;
            return ((TftpData)last.Message!).Payload.Length < blockSize;
        }, lab.Boot, protocol: "tftp");
    }

    /// <summary>
    /// Makes the DHCPACK of the eUE's next renewal differ as the table says (header fields yiaddr, siaddr, file;
    /// options 1, 2, 3, 6, 7, 12, 15, 122.x), waits for the renewal REQUEST (RENEWING: ciaddr set) within the lease
    /// time and for that ACK, then withdraws the changes: later exchanges get the database's answers again (a one-off
    /// answer, like another address for one renewal).
    /// </summary>
    [When(@"^the eUE renews its DHCPv4 lease and the DHCPACK changes:$")]
    public Task WhenRenewalChanges(DataTable changes) => RenewAsync([.. changes.Rows.Select(r => ToOverride(r["field"], r["value"]))], once: true);

    /// <summary>The operator's configuration changed for good: this renewal's DHCPACK and every later one carry the change.</summary>
    [When(@"^the eUE renews its DHCPv4 lease and from then on the DHCPACKs change:$")]
    public Task WhenRenewalChangesForGood(DataTable changes) => RenewAsync([.. changes.Rows.Select(r => ToOverride(r["field"], r["value"]))], once: false);

    /// <summary>The same, with the database's own answer.</summary>
    [When(@"^the eUE renews its DHCPv4 lease$")]
    public Task WhenRenews() => RenewAsync([], once: true);

    async Task RenewAsync(Override[] overrides, bool once)
    {
        // The changes are the renewal's: they wait for the lease they renew (a scenario may get here right after power-on).
        await lab.AwaitAsync("the eUE's DHCPv4 lease", e => Sent(e, DhcpMessageType.Ack) && !e.Dhcp().YiAddr.Equals(IPAddress.Any), lab.Boot, protocol: Protocol);
        var from = lab.Evidence.Cursor;
        lab.Headend.EueDhcpV4.Overrides.Add(overrides);
        try
        {
            var request = await lab.AwaitAsync("the eUE's renewal DHCPREQUEST", RenewalRequest, PlanLease, from: from, protocol: Protocol);
            var ack = await lab.AwaitAsync("the DHCPACK to the eUE's renewal",
                e => Sent(e, DhcpMessageType.Ack) && e.Dhcp().Xid == request.Dhcp().Xid, lab.Profile.Ixit.Timeouts.Step, from: new EvidenceCursor(request.Sequence));
            scenario[RenewalAckKey] = ack;
            // A file held back until the renewal (Ipv6.HeadendIpv6Steps) comes now: what follows it (DNS, INFORM) falls after the renewal.
            if (FileHeldBack) lab.Headend.Tftp.Overrides.Clear();
            lab.Witness(ack, overrides.Length > 0 ? "the renewal DHCPACK with the changes" : "the renewal DHCPACK");
        }
        finally
        {
            if (once) foreach (var o in overrides) lab.Headend.EueDhcpV4.Overrides.Remove(o);
        }
    }

    static Override ToOverride(string field, string value)
    {
        var ack = MessageSelector.Sent("ACK");
        var f = field.Trim();
        if (f is "yiaddr" or "siaddr") return new SetField(ack, f, EueDhcpv4ServerSteps.Address(value).ToString());
        if (f == "file") return new SetField(ack, f, value.Trim());
        if (!f.StartsWith("option ", StringComparison.Ordinal)) throw new ArgumentException($"'{field}' is neither a DHCPv4 header field (yiaddr, siaddr, file) nor 'option <code>'");
        var path = f["option ".Length..].Trim();
        byte[] bytes = path switch
        {
            "1" => EueDhcpv4ServerSteps.Address(value).GetAddressBytes(),
            "2" => Int32(int.Parse(value, CultureInfo.InvariantCulture)),
            "3" or "6" or "7" => [.. EueDhcpv4ServerSteps.Addresses(value).SelectMany(a => a.GetAddressBytes())],
            "12" or "15" => System.Text.Encoding.ASCII.GetBytes(value.Trim()),
            "122.3" => (IPAddress.TryParse(value.Trim(), out var a) ? ProvisioningServerAddress.FromAddress(a) : ProvisioningServerAddress.FromFqdn(value.Trim())).Encode(),
            "122.6" => DnsLabels.Encode(value.Trim()),
            "122.8" => [byte.Parse(value, CultureInfo.InvariantCulture)],
            _ => throw new ArgumentException($"option {path}: the renewal step does not know how to encode '{value}'"),
        };
        return new SetOption(ack, OptionPath.Parse(path), bytes);
    }

    static byte[] Int32(int v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, v);
        return b;
    }

    // ---- RENEWING, REBINDING, expiry (RFC 2131 §4.4.5) ----

    const string SilenceKey = "dhcpv4-silence";

    /// <summary>From now on the eUE's DHCPv4 servers ignore every DHCPREQUEST (renewals and rebinds included).</summary>
    [When(@"^the eUE's DHCPv4 servers stop answering its DHCPREQUESTs$")]
    public void WhenServersStopAnswering()
    {
        var ack = Acks(lab).LastOrDefault() ?? throw ScenarioContext.Inconclusive("the eUE holds no DHCPv4 lease to renew");
        scenario[SilenceKey] = ack;
        lab.Headend.EueDhcpV4.Overrides.Add(new Drop(MessageSelector.Received("REQUEST")));
    }

    /// <summary>
    /// RFC 2131 §4.4.5 with Table 5: from T1 the client renews by unicast to its server (ciaddr set, neither option 50
    /// nor 54), from T2 it rebinds by broadcast, and when the lease has expired it stops using the address and starts
    /// over with a DISCOVER. T1, T2 and the lease run from the REQUEST that got the lease (§4.4.1).
    /// </summary>
    [Then(@"^the eUE renews by unicast from T1, rebinds by broadcast from T2, and starts over with a DHCPDISCOVER when the lease has expired$")]
    public async Task ThenRenewRebindExpire()
    {
        var ack = scenario.Get<EvidenceEvent>(SilenceKey);
        var m = ack.Dhcp();
        var requested = lab.Seen(e => Request(e) && e.Dhcp().Xid == m.Xid && e.Sequence < ack.Sequence).Last();
        uint leaseSeconds = m.LeaseTime ?? throw lab.Fail("the lease has no option 51", expected: "a lease time", seen: "none", ack);
        var start = requested.At;
        var t1 = start + TimeSpan.FromSeconds(m.GetOption(DhcpOptionCode.RenewalTimeValue)?.AsUInt32() ?? leaseSeconds / 2);
        var t2 = start + TimeSpan.FromSeconds(m.GetOption(DhcpOptionCode.RebindingTimeValue)?.AsUInt32() ?? leaseSeconds / 8 * 7);
        var end = start + TimeSpan.FromSeconds(leaseSeconds);
        // §4.4.5 lets T1 and T2 carry some random "fuzz": 1 % of the lease (at least 1 s) either way.
        var slack = TimeSpan.FromSeconds(Math.Max(1, leaseSeconds / 100.0));
        var server = m.ServerIdentifier;

        var remaining = end - lab.Network.Fabric.Clock.GetUtcNow();
        var discover = await lab.AwaitAsync("the eUE's DHCPDISCOVER after its lease expired", Discover, remaining + lab.Profile.Ixit.Timeouts.Step,
            from: new EvidenceCursor(ack.Sequence), missingFails: true, protocol: Protocol);
        var requests = lab.Seen(e => Request(e) && e.Sequence > ack.Sequence && e.Sequence < discover.Sequence);
        foreach (var r in requests)
        {
            var q = r.Dhcp();
            bool broadcast = r.Local.Address.Equals(IPAddress.Broadcast);
            var problems = new List<string>();
            if (!q.CiAddr.Equals(m.YiAddr)) problems.Add($"ciaddr is {q.CiAddr}, not the leased {m.YiAddr}");
            if (q.HasOption(DhcpOptionCode.RequestedIpAddress)) problems.Add("it carries option 50 (requested IP address)");
            if (q.HasOption(DhcpOptionCode.ServerIdentifier)) problems.Add("it carries option 54 (server identifier)");
            if (r.At < t1 - slack) problems.Add($"it came {(t1 - r.At).TotalSeconds:0.###} s before T1");
            if (r.At > end + slack) problems.Add($"it came {(r.At - end).TotalSeconds:0.###} s after the lease had expired");
            if (!broadcast && (r.At > t2 + slack || !r.Local.Address.Equals(server))) problems.Add($"unicast to {r.Local.Address} at T1{(r.At - t1).TotalSeconds:+0.###;-0.###} s (RENEWING goes to the leasing server {server} until T2)");
            if (broadcast && r.At < t2 - slack) problems.Add($"broadcast {(t2 - r.At).TotalSeconds:0.###} s before T2 (REBINDING starts at T2)");
            if (problems.Count > 0)
                throw lab.Fail("a DHCPREQUEST of the eUE's RENEWING/REBINDING breaks RFC 2131 §4.4.5", expected: "unicast to the server from T1, broadcast from T2, ciaddr set, no options 50/54, none after expiry",
                    seen: string.Join("; ", problems), r);
        }
        if (!requests.Any(r => !r.Local.Address.Equals(IPAddress.Broadcast)))
            throw lab.Fail("the eUE did not try to renew its lease with its server", expected: $"a unicast DHCPREQUEST to {server} from T1 (RFC 2131 §4.4.5)", seen: "none", discover);
        if (!requests.Any(r => r.Local.Address.Equals(IPAddress.Broadcast)))
            throw lab.Fail("the eUE did not rebind", expected: "a broadcast DHCPREQUEST between T2 and the end of the lease (RFC 2131 §4.4.5)", seen: "none", discover);
        if (discover.At < end - slack)
            throw lab.Fail("the eUE gave its lease up before it expired", expected: $"REBINDING until {end:HH:mm:ss}", seen: $"a DHCPDISCOVER {(end - discover.At).TotalSeconds:0.###} s early", discover);
        scenario.AddEvidence("timing", "Lease timeline", $"lease from {start:HH:mm:ss.fff}: T1 {t1:HH:mm:ss}, T2 {t2:HH:mm:ss}, end {end:HH:mm:ss}\n"
            + string.Join("\n", requests.Select(r => $"#{r.Sequence} {r.At:HH:mm:ss.fff} REQUEST to {r.Local.Address}")) + $"\n#{discover.Sequence} {discover.At:HH:mm:ss.fff} DISCOVER");
        lab.Witness(discover, "the DHCPDISCOVER after the lease expired");
    }

    /// <summary>6.3.5 ¶3: a DHCPACK with another yiaddr: the eUE reinitializes and starts again with a DHCPDISCOVER (MTA-1 / eUE-1).</summary>
    [Then(@"^the eUE starts over with a DHCPDISCOVER$")]
    public Task ThenStartsOver() => ExpectStartOverAsync("the renewal changed yiaddr (6.3.5 ¶3)");

    async Task ExpectStartOverAsync(string why)
    {
        var ack = RenewalAck;
        // No delay is given for reinitializing; the IXIT bound of one step is the patience a test has.
        var next = await lab.AwaitAsync("the eUE's next DHCPv4 message after the renewal", FromClient, lab.Profile.Ixit.Timeouts.Step,
            from: new EvidenceCursor(ack.Sequence), missingFails: true, protocol: Protocol);
        if (!Discover(next))
            throw lab.Fail("the eUE did not start over after the renewal", expected: $"a DHCPDISCOVER: {why}", seen: $"a {next.Kind} (ciaddr {next.Dhcp().CiAddr})", next);
        lab.Witness(next, "the DHCPDISCOVER that starts over");
    }

    /// <summary>
    /// 6.3.5 ¶4-6: no reinitialization. Watched over one renewal period: until the eUE's next renewal REQUEST (due at
    /// the renewal ACK's T1, bounded by its lease time), no DHCPDISCOVER, no new configuration file request, and the
    /// next REQUEST renews the same address.
    /// </summary>
    [Then(@"^the eUE keeps its lease without starting over or fetching its configuration file again, up to its next renewal$")]
    public async Task ThenKeepsLease()
    {
        var ack = RenewalAck;
        var address = lab.Seen(e => RenewalRequest(e) && e.Sequence < ack.Sequence).Last().Dhcp().CiAddr;
        var lease = TimeSpan.FromSeconds(ack.Dhcp().LeaseTime ?? (uint)PlanLease.TotalSeconds);
        var next = await lab.AwaitAsync("the eUE's next DHCPv4 message after the renewal", FromClient, lease,
            from: new EvidenceCursor(ack.Sequence), protocol: Protocol);
        if (Discover(next))
            throw lab.Fail("the eUE started over after a renewal that it had to take without reinitializing", expected: "no DHCPDISCOVER (6.3.5 ¶4-6)", seen: "a DHCPDISCOVER", next);
        if (!RenewalRequest(next) || !next.Dhcp().CiAddr.Equals(address))
            throw lab.Fail("after the renewal the eUE did not go on renewing its lease", expected: $"a renewal DHCPREQUEST for {address}",
                seen: $"a {next.Kind} (ciaddr {next.Dhcp().CiAddr})", next);
        var fetch = lab.Seen(e => e.Service == Traffic.Tftp && e.Direction == Direction.Received && e.Message is TftpReadRequest && e.Sequence > ack.Sequence && e.Sequence < next.Sequence
            && EueAddresses(lab).Contains(e.Peer.Address)).FirstOrDefault();
        // (A file held back until the renewal is fetched for the first time after it.)
        if (fetch is not null && !FileHeldBack)
            throw lab.Fail("after the renewal the eUE fetched its configuration file again", expected: "no new download: the renewal changes none of it (6.3.5 ¶6)", seen: "a TFTP read request", fetch);
        lab.Witness(next, "the next renewal of the same lease");
    }

    /// <summary>6.3.5 ¶4: either branch conforms; the verdict holds the device to the branch its vendor declared.</summary>
    [Then(@"^the eUE treats the changed mask and router as its vendor declares$")]
    public async Task ThenAsDeclared()
    {
        if (!profile.Declarations.TryGetValue(Declaration, out var answer))
            throw ScenarioContext.Inconclusive($"the profile {profile.Path} does not answer declaration '{Declaration}'");
        scenario.AddEvidence("declaration", $"Vendor declaration '{Declaration}' ({Path.GetFileName(profile.Path)}:{answer.Line})",
            $"answer: {(answer.Answer ? "yes" : "no")}\nstatement: {answer.Statement}");
        if (answer.Answer) await ExpectStartOverAsync($"the vendor declares '{Declaration}: yes' (6.3.5 ¶4)");
        else await ThenKeepsLease();
    }

    /// <summary>
    /// 6.3.5 ¶5: after the renewal, every DNS query goes to the new servers. The flows give no name to resolve once
    /// provisioned, so a device that sends none is not judged on this half (the catalog's note).
    /// </summary>
    [Then(@"^any DNS query the eUE sends after the renewal goes to (.+)$")]
    public async Task ThenDnsAfterRenewal(string servers)
    {
        var expected = EueDhcpv4ServerSteps.Addresses(servers);
        var ack = RenewalAck;
        bool fromEue(EvidenceEvent e) => Traffic.From(Traffic.Dns, "QUERY")(e) && e.Sequence > ack.Sequence && EueAddresses(lab).Contains(e.Peer.Address);
        // With the file held back until the renewal, the flow's lookups after the file (the BASIC.2 INFORM's Provisioning
        // Server FQDN) come after the renewal: one is due, and a device that sends none there is judged on it.
        if (FileHeldBack) await lab.AwaitAsync("a DNS query from the eUE after the renewal", fromEue, lab.Boot, from: new EvidenceCursor(ack.Sequence), missingFails: true, protocol: "dns");
        var queries = lab.Seen(fromEue);
        foreach (var q in queries)
            if (!expected.Contains(q.Local.Address))
                throw lab.Fail("after the renewal the eUE sent a DNS query to a server it is no longer given", expected: $"queries to {Describe(expected)} (6.3.5 ¶5)",
                    seen: $"a query to {q.Local.Address}", q);
        scenario.AddEvidence("note", "DNS queries after the renewal",
            queries.Count == 0 ? "none seen within the scenario: the new servers' use could not be observed; only the absence of reinitialization is judged"
                : $"{queries.Count} query(ies), all to {Describe(expected)}");
    }
}
