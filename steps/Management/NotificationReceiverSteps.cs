using System.Globalization;
using System.Net;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.ConfigFile;

namespace EUeConformance.Steps.Management;

/// <summary>
/// TLV 38, SNMP notification receivers (EUE-PROV 6.5 with PKT-PROV1.5's TLV-38 section): the configuration file names
/// management stations, and the headend plays them on the addresses and port the file gives
/// (<see cref="NotificationCollector"/>), so that where the eUE's notifications land is evidence: 38.1 counts in IPv4
/// mode and 38.8 (16 octets, an IPv6 address) in IPv6 mode, the other one ignored; 38.2 is the port, 38.3 the kind of
/// notification (1 SNMPv1 trap, 2 SNMPv2c trap, 3 SNMPv2c INFORM, 4 SNMPv3 trap, 5 SNMPv3 INFORM), 38.4 and 38.5 the
/// timeout and retries of an INFORM nobody answers. The notification looked for is any the eUE sends after
/// provisioning: eUE-25's note has the provisioning-complete notification go to the TLV 38 stations too.
/// </summary>
[Binding]
public sealed class NotificationReceiverSteps(LabPlan plan, Lab lab, ScenarioContext scenario, ConfigFileOutcomeSteps outcome)
{
    const string ReceiversKey = "tlv38.receivers";
    /// <summary>The port of the headend's own Provisioning Server, which a TLV 38 station of the scenario must not share.</summary>
    const int ProvisioningPort = ProvisioningServer.NotificationPort;
    static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    List<NotificationReceiver> Receivers()
    {
        if (scenario[ReceiversKey] is List<NotificationReceiver> list) return list;
        var made = new List<NotificationReceiver>();
        scenario[ReceiversKey] = made;
        return made;
    }

    static IPAddress Address(string text) => text.Trim() switch
    {
        "the headend's IPv4 address" => LabAddresses.HeadendV4,
        "the headend's second IPv4 address" => LabAddresses.SecondServerV4,
        "the headend's IPv6 address" => LabAddresses.HeadendV6,
        var literal => IPAddress.Parse(literal),
    };

    /// <summary>A table "sub-TLV | value" (38.1 … 38.8); the headend listens on 38.2 (which must not be 162, its Provisioning Server's).</summary>
    [Given(@"^the eUE's configuration file names this notification receiver \(TLV 38\):$")]
    public void GivenReceiver(DataTable table)
    {
        var r = new NotificationReceiver();
        foreach (var row in table.Rows)
        {
            string value = row["value"].Trim();
            ushort U16() => ushort.Parse(value, CultureInfo.InvariantCulture);
            r = row["sub-TLV"].Trim() switch
            {
                "38.1" => r with { Ipv4Address = Address(value) },
                "38.2" => r with { UdpPort = U16() },
                "38.3" => r with { Type = (NotificationReceiverType)U16() },
                "38.4" => r with { TimeoutMilliseconds = U16() },
                "38.5" => r with { Retries = U16() },
                "38.6" => r with { FilterOid = value },
                "38.7" => r with { SecurityName = value },
                "38.8" => r with { Ipv6Address = Address(value) },
                var other => throw new ArgumentException($"'{other}' is not a sub-TLV of TLV 38 (38.1 … 38.8)"),
            };
        }
        int port = r.EffectiveUdpPort;
        if (port == ProvisioningPort)
            throw new ArgumentException($"38.2 must name a port other than {ProvisioningPort}: the headend's Provisioning Server listens there, and the stations must be told apart from it");
        if (!plan.NotificationReceiverPorts.Contains(port)) plan.NotificationReceiverPorts.Add(port);
        Receivers().Add(r);
        var before = plan.ConfigFileBody;
        plan.ConfigFileBody = b => { before(b); b.NotificationReceiver(r); };
    }

    [Given(@"^the management stations leave the eUE's INFORMs unanswered$")]
    public void GivenNoAcknowledgement() => plan.HeadendSetup.Add(h => h.NotificationReceivers!.Acknowledge = false);

    NotificationReceiver Receiver(string sub) =>
        Receivers().FirstOrDefault(r => sub == "38.1" ? r.Ipv4Address is not null : r.Ipv6Address is not null)
        ?? throw new ArgumentException($"the scenario's file names no receiver with {sub}");

    static IPEndPoint StationOf(NotificationReceiver r, string sub) => new(sub == "38.1" ? r.Ipv4Address! : r.Ipv6Address!, r.EffectiveUdpPort);

    static bool Same(IPAddress a, IPAddress b) => new IPAddress(a.GetAddressBytes()).Equals(new IPAddress(b.GetAddressBytes()));

    static bool At(EvidenceEvent e, IPEndPoint station) =>
        e.Service == NotificationCollector.Service && e.Direction == Direction.Received && e.Message is CollectedNotification
        && e.Local.Port == station.Port && Same(e.Local.Address, station.Address);

    bool FromEue(EvidenceEvent e) => lab.Headend.Bindings.All.Any(b => b.Mac.Equals(lab.EueMac) && Same(b.Address, e.Peer.Address));

    static (SnmpVersion Version, PduType Type) Expected(string kind) => kind switch
    {
        "SNMPv1 trap" => (SnmpVersion.V1, PduType.TrapV1),
        "SNMPv2c trap" => (SnmpVersion.V2c, PduType.SnmpV2Trap),
        "SNMPv2c INFORM" => (SnmpVersion.V2c, PduType.InformRequest),
        "SNMPv3 trap" => (SnmpVersion.V3, PduType.SnmpV2Trap),
        _ => (SnmpVersion.V3, PduType.InformRequest),
    };

    static string Describe(CollectedNotification n) => $"{n.Version} {(n.Type is { } t ? t.ToString() : "unreadable PDU")}";

    /// <summary>
    /// The first notification from the eUE at <paramref name="station"/>, within the IXIT boot time. None is a failure when
    /// the eUE did send its provisioning-complete notification to the Provisioning Server (eUE-25's note has it go to the
    /// TLV 38 stations as well); when it sent none at all the device never reached the point to check (inconclusive).
    /// </summary>
    async Task<EvidenceEvent> FirstAtAsync(IPEndPoint station)
    {
        try
        {
            return await lab.AwaitAsync($"a notification from the eUE at the management station {station}", e => At(e, station) && FromEue(e), lab.Boot, protocol: "snmp");
        }
        catch (InconclusiveException) { }
        var provisioningComplete = lab.Seen(e => e.Service == ProvisioningServer.Service && e.Direction == Direction.Received
            && e.Message is ProvisioningNotification { IsStatus: true }).FirstOrDefault();
        var elsewhere = lab.Seen(e => e.Service == NotificationCollector.Service && e.Direction == Direction.Received && FromEue(e)).FirstOrDefault();
        if ((elsewhere ?? provisioningComplete) is { } shown)
            throw lab.Fail($"the eUE sent its notifications elsewhere but none to the management station {station} its file named",
                expected: $"a notification at {station}", seen: $"{shown.Service} {shown.Kind} at {shown.Local}", shown);
        // Nothing anywhere: with eUE-25 due (a ".2" realm) and provisioning over by the agent's own account, the notification
        // the step is owed never came; otherwise the device never reached that point.
        var (state, evidence) = await outcome.OutcomeAsync();
        if (lab.Plan.Realm.EndsWith(".2", StringComparison.Ordinal))
            throw lab.Fail($"provisioning ended (pktcMtaDevProvisioningState {state}) and eUE-25 was due, yet no notification reached the management station {station} nor anywhere else",
                expected: $"the provisioning-complete notification at {station} (eUE-25 note: the TLV 38 stations get it too)", seen: "nothing", evidence);
        throw ScenarioContext.Inconclusive($"no notification from the eUE at the management station {station}, nor any other, within {lab.Boot.TotalSeconds:0} s");
    }

    [Then(@"^the management station at the (38\.1|38\.8) address receives an? (SNMPv1 trap|SNMPv2c trap|SNMPv2c INFORM|SNMPv3 trap|SNMPv3 INFORM) from the eUE$")]
    public async Task ThenReceives(string sub, string kind)
    {
        var station = StationOf(Receiver(sub), sub);
        var e = await FirstAtAsync(station);
        var n = (CollectedNotification)e.Message!;
        var (version, type) = Expected(kind);
        if (n.Version != version || n.Type != type)
            throw lab.Fail($"the eUE's notification to the TLV 38 station is not the kind 38.3 asks for", expected: $"{kind} ({version} {type})", seen: Describe(n), e);
        lab.Witness(e, $"{kind} at {station} from {e.Peer.Address}");
    }

    /// <summary>
    /// Nothing from the eUE at the address the mode ignores: looked at once provisioning has ended and the stations the
    /// eUE does use have had every retry their 38.4 and 38.5 allow (and 10 s more).
    /// </summary>
    [Then(@"^no notification from the eUE reaches the (38\.1|38\.8) address$")]
    public async Task ThenNothingAt(string sub)
    {
        var ignored = StationOf(Receiver(sub), sub);
        await outcome.OutcomeAsync();
        var window = Receivers().Select(r => TimeSpan.FromMilliseconds(r.EffectiveTimeoutMilliseconds) * (r.EffectiveRetries + 1)).DefaultIfEmpty(TimeSpan.Zero).Max() + Slack;
        await lab.SettleAsync(window);
        var stray = lab.Seen(e => e.Service == NotificationCollector.Service && e.Direction == Direction.Received && e.Local.Port == ignored.Port
            && Same(e.Local.Address, ignored.Address)).FirstOrDefault();
        if (stray is not null)
            throw lab.Fail($"the eUE sent a notification to the {sub} address, which its addressing mode must ignore (6.5)", expected: $"nothing at {ignored}",
                seen: stray.Message is CollectedNotification n ? Describe(n) : stray.Kind, stray);
        scenario.AddEvidence("note", $"Nothing at {ignored}", $"No datagram reached {ignored} within {window.TotalSeconds:0} s after provisioning ended.");
    }

    /// <summary>PKT-PROV1.5 TLV 38: an unanswered INFORM goes out once and then 38.5 more times, each after 38.4 ms without an answer.</summary>
    [Then(@"^the eUE sends its unanswered INFORM to the (38\.1|38\.8) address (\d+) times in all, (\d+) ms apart$")]
    public async Task ThenRetries(string sub, int times, int milliseconds)
    {
        var station = StationOf(Receiver(sub), sub);
        var first = await FirstAtAsync(station);
        if (first.Message is not CollectedNotification { Pdu: Pdu { Type: PduType.InformRequest } inform })
            throw lab.Fail("the eUE's first notification to the station is not an INFORM", expected: "an InformRequest (38.3 = 3 or 5)", seen: first.Kind, first);
        var interval = TimeSpan.FromMilliseconds(milliseconds);
        await lab.SettleAsync(interval * (times + 1) + Slack);
        var copies = lab.Seen(e => At(e, station) && FromEue(e) && e.Message is CollectedNotification { Pdu: Pdu p } && p.Type == PduType.InformRequest && p.RequestId == inform.RequestId,
            new EvidenceCursor(first.Sequence - 1)).ToList();
        if (copies.Count != times)
            throw lab.Fail($"the eUE sent its unanswered INFORM {copies.Count} time(s)", expected: $"{times} (1 + 38.5 retries)", seen: copies.Count.ToString(CultureInfo.InvariantCulture), copies.LastOrDefault() ?? first);
        for (int i = 1; i < copies.Count; i++)
        {
            var gap = copies[i].At - copies[i - 1].At;
            // 38.4 is a lower bound: a retransmission may not come before the timeout ran out (RFC 3413 leaves backoff to the sender).
            // Each copy's stamp may be late by the bench's measurement allowance (zero in simulation), so the gap may look that much shorter.
            if (gap < interval - TimeSpan.FromMilliseconds(20) - lab.Allowance)
                throw lab.Fail("the eUE retransmitted its INFORM before the 38.4 timeout had run out", expected: $"at least {milliseconds} ms between copies{lab.AllowanceNote}",
                    seen: $"{gap.TotalMilliseconds:0} ms", copies[i]);
        }
        foreach (var c in copies) lab.Witness(c, $"INFORM request-id {inform.RequestId}");
    }
}
