using System.Globalization;
using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv4.EueDhcpv4Wire;

namespace EUeConformance.Steps.Ipv4;

/// <summary>
/// The eUE as an RFC 2131 client (EUE-PROV 6.1.1, pkt-eue-1 in IPv4 mode): the DISCOVER, the REQUEST of the
/// SELECTING state (§4.3.2: option 54 and option 50, the OFFER's xid), retransmission with a randomized
/// exponential backoff (§4.1), foreign transaction ids ignored, and a DHCPNAK sending the client back to INIT
/// (§4.4.1). Judged from what the eUE's DHCP servers received.
/// </summary>
[Binding]
public sealed class EueDhcpv4ExchangeSteps(Lab lab)
{
    /// <summary>RFC 2131 §4.1: the first retransmission after 4 s, then doubling up to 64 s, each randomized by ±1 s.</summary>
    static TimeSpan Nominal(int retransmission) => TimeSpan.FromSeconds(Math.Min(4 << Math.Min(retransmission, 4), 64));
    static readonly TimeSpan Randomization = TimeSpan.FromSeconds(1);

    Task<EvidenceEvent> FirstDiscoverAsync() => lab.AwaitAsync("DHCPDISCOVER from the eUE", Discover, lab.Boot, protocol: Protocol);

    [Then(@"^the eUE's DHCPDISCOVER is a well-formed client message broadcast to the servers$")]
    public async Task ThenDiscoverWellFormed()
    {
        var e = await FirstDiscoverAsync();
        var m = e.Dhcp();
        var problems = ClientHeaderProblems(m).ToList();
        // RFC 2131 Table 5: a DISCOVER MUST NOT carry a server identifier.
        if (m.HasOption(DhcpOptionCode.ServerIdentifier)) problems.Add("it carries option 54 (server identifier), which a DISCOVER must not");
        // RFC 2131 §4.1, §4.4.1: the client has no address yet and broadcasts to the server port.
        if (!e.Local.Address.Equals(IPAddress.Broadcast) || e.Local.Port != 67) problems.Add($"it went to {e.Local}, not to 255.255.255.255:67");
        if (e.Peer.Port != 68) problems.Add($"it came from port {e.Peer.Port}, not from the client port 68");
        if (problems.Count > 0)
            throw lab.Fail("the eUE's DHCPDISCOVER breaks RFC 2131", expected: "an RFC 2131 DHCPDISCOVER (Table 5, §4.1)", seen: string.Join("; ", problems), e);
        lab.Witness(e, "a well-formed DHCPDISCOVER");
    }

    /// <summary>RFC 2131 Table 5 header fields of a client message.</summary>
    IEnumerable<string> ClientHeaderProblems(DhcpMessage m)
    {
        if (m.Op != BootOp.BootRequest) yield return $"op is {m.Op}, not BOOTREQUEST";
        if (m.HType != 1 || m.HLen != 6) yield return $"htype/hlen are {m.HType}/{m.HLen}, not Ethernet's 1/6";
        if (!m.ClientHardwareAddress.AsSpan().SequenceEqual(lab.EueMac.GetAddressBytes()))
            yield return $"chaddr is {Convert.ToHexString(m.ClientHardwareAddress)}, not the eUE's MAC {lab.EueMac} (IXIT)";
        if (m.Hops != 0) yield return $"hops is {m.Hops}, a client sends 0";
        if (!m.YiAddr.Equals(IPAddress.Any) || !m.SiAddr.Equals(IPAddress.Any) || !m.GiAddr.Equals(IPAddress.Any))
            yield return $"yiaddr/siaddr/giaddr are {m.YiAddr}/{m.SiAddr}/{m.GiAddr}, a client sends 0";
        if (m.MessageType is null) yield return "no option 53 (DHCP message type)";
    }

    /// <summary>RFC 2131 §4.3.2 and Table 5: the SELECTING REQUEST names the chosen OFFER's server and address, with its xid, ciaddr 0.</summary>
    [Then(@"^the eUE's DHCPREQUEST names the server and the address of an OFFER it received, with that OFFER's transaction id$")]
    public async Task ThenSelectingRequest()
    {
        var e = await lab.AwaitAsync("DHCPREQUEST from the eUE", Request, lab.Boot, protocol: Protocol);
        Judge(e);
        lab.Witness(e, "the SELECTING DHCPREQUEST");
    }

    /// <summary>The checks of one SELECTING REQUEST; returns the OFFER it answers.</summary>
    EvidenceEvent Judge(EvidenceEvent e)
    {
        var m = e.Dhcp();
        var problems = ClientHeaderProblems(m).ToList();
        var serverId = m.ServerIdentifier;
        var requested = m.RequestedIpAddress;
        if (serverId is null) problems.Add("no option 54 (server identifier)");
        if (requested is null) problems.Add("no option 50 (requested IP address)");
        if (!m.CiAddr.Equals(IPAddress.Any)) problems.Add($"ciaddr is {m.CiAddr}, which must be 0 in SELECTING state");
        if (!e.Local.Address.Equals(IPAddress.Broadcast)) problems.Add($"it went to {e.Local.Address}, not broadcast");
        var offers = lab.Seen(o => Sent(o, DhcpMessageType.Offer) && o.Sequence < e.Sequence);
        var answered = offers.LastOrDefault(o => o.Dhcp().Xid == m.Xid && Equals(o.Dhcp().ServerIdentifier, serverId));
        if (serverId is not null && answered is null)
            problems.Add($"no OFFER with xid 0x{m.Xid:x8} came from server {serverId} (OFFERs sent: {Describe(offers)})");
        if (answered is not null && requested is not null && !answered.Dhcp().YiAddr.Equals(requested))
            problems.Add($"option 50 asks for {requested}, the OFFER gave {answered.Dhcp().YiAddr}");
        if (problems.Count > 0)
            throw lab.Fail("the eUE's DHCPREQUEST in SELECTING state breaks RFC 2131 §4.3.2", expected: "option 54 = the chosen OFFER's server, option 50 = its yiaddr, its xid, ciaddr 0, broadcast",
                seen: string.Join("; ", problems), e);
        return answered!;
    }

    static string Describe(IEnumerable<EvidenceEvent> offers) =>
        string.Join(", ", offers.Select(o => $"xid 0x{o.Dhcp().Xid:x8} from {o.Dhcp().ServerIdentifier} for {o.Dhcp().YiAddr}")) is { Length: > 0 } s ? s : "none";

    // ---- retransmission (RFC 2131 §4.1) ----

    [Then(@"^the eUE sends its DHCPDISCOVER (\d+) more times, with a randomized exponential backoff$")]
    public async Task ThenDiscoverBackoff(int retransmissions) =>
        await JudgeBackoffAsync("DHCPDISCOVER", Discover, retransmissions);

    [Then(@"^the eUE sends its DHCPREQUEST (\d+) more times, with a randomized exponential backoff$")]
    public async Task ThenRequestBackoff(int retransmissions)
    {
        var all = await JudgeBackoffAsync("DHCPREQUEST", Request, retransmissions);
        // §4.4.1 with §4.1: a retransmitted REQUEST is the same request: the same server, address and xid.
        var first = all[0].Dhcp();
        foreach (var e in all.Skip(1))
        {
            var m = e.Dhcp();
            Judge(e);
            if (m.Xid != first.Xid || !Equals(m.ServerIdentifier, first.ServerIdentifier) || !Equals(m.RequestedIpAddress, first.RequestedIpAddress))
                throw lab.Fail("a retransmitted DHCPREQUEST differs from the first one", expected: $"xid 0x{first.Xid:x8}, server {first.ServerIdentifier}, address {first.RequestedIpAddress}",
                    seen: $"xid 0x{m.Xid:x8}, server {m.ServerIdentifier}, address {m.RequestedIpAddress}", e);
        }
    }

    /// <summary>
    /// The first message and <paramref name="retransmissions"/> retransmissions: the k-th gap is 4·2^k s (at most 64 s)
    /// within ±1 s, and the gaps are not all off their nominal value by the same amount (the randomization).
    /// </summary>
    async Task<IReadOnlyList<EvidenceEvent>> JudgeBackoffAsync(string what, Func<EvidenceEvent, bool> match, int retransmissions)
    {
        var first = await lab.AwaitAsync($"{what} from the eUE", match, lab.Boot, protocol: Protocol);
        var sent = new List<EvidenceEvent> { first };
        for (int k = 0; k < retransmissions; k++)
        {
            var bound = Nominal(k) + Randomization;
            var previous = sent[^1];
            // Each stamp may be late by the bench's measurement allowance (zero in simulation): the gap is judged that much wider.
            var next = await lab.AwaitAsync($"retransmission {k + 1} of the {what}", match, bound + TimeSpan.FromMilliseconds(1) + lab.Allowance,
                from: new EvidenceCursor(previous.Sequence), missingFails: true, protocol: Protocol);
            sent.Add(next);
            var gap = next.At - previous.At;
            if (gap < Nominal(k) - Randomization - lab.Allowance || gap > bound + lab.Allowance)
                throw lab.Fail($"retransmission {k + 1} of the {what} is off the RFC 2131 §4.1 backoff",
                    expected: $"{Nominal(k).TotalSeconds:0} s ± 1 s after the previous one{lab.AllowanceNote}", seen: $"{gap.TotalSeconds:0.###} s", next);
        }
        var deviations = sent.Zip(sent.Skip(1), (a, b) => (b.At - a.At) - Nominal(sent.IndexOf(a))).ToList();
        lab.Scenario.AddEvidence("timing", $"{what} retransmission gaps", string.Join("\n",
            sent.Zip(sent.Skip(1), (a, b) => $"#{a.Sequence} -> #{b.Sequence}: {(b.At - a.At).TotalSeconds:0.###} s (nominal {Nominal(sent.IndexOf(a)).TotalSeconds:0} s)")));
        if (deviations.Count >= 2 && deviations.Max() - deviations.Min() < TimeSpan.FromMilliseconds(1))
            throw lab.Fail($"the {what} retransmissions are not randomized", expected: "gaps randomized by a uniform value in [-1 s, +1 s] (RFC 2131 §4.1)",
                seen: $"every gap off its nominal value by the same {deviations[0].TotalMilliseconds:0.###} ms", sent[^1]);
        return sent;
    }

    /// <summary>The exchange ends with an ACK that gives the eUE an address (after a DHCPNAK, the second exchange's).</summary>
    [Then(@"^the eUE obtains a DHCPv4 lease$")]
    public async Task ThenObtainsLease()
    {
        var nak = lab.Seen(e => Sent(e, DhcpMessageType.Nak)).LastOrDefault();
        var ack = await lab.AwaitAsync("a DHCPACK with an address for the eUE", e => Sent(e, DhcpMessageType.Ack) && !e.Dhcp().YiAddr.Equals(IPAddress.Any), lab.Boot,
            from: nak is null ? null : new EvidenceCursor(nak.Sequence));
        var request = lab.Seen(e => Request(e) && e.Dhcp().Xid == ack.Dhcp().Xid && e.Sequence < ack.Sequence).LastOrDefault()
            ?? throw lab.Fail("a DHCPACK went out without a REQUEST of the eUE", expected: "a REQUEST with the ACK's xid", seen: "none", ack);
        Judge(request);
        lab.Witness(ack, $"the eUE's lease {ack.Dhcp().YiAddr}");
    }

    // ---- transaction ids and NAK ----

    [Then(@"^the eUE does not take up that OFFER, and takes up a later one with its own transaction id$")]
    public async Task ThenForeignXidIgnored()
    {
        var request = await lab.AwaitAsync("DHCPREQUEST from the eUE", Request, lab.Boot, protocol: Protocol);
        var m = request.Dhcp();
        if (m.Xid == uint.Parse(EueDhcpv4ServerSteps.ForeignXid[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            throw lab.Fail("the eUE took up an OFFER whose transaction id is not its DISCOVER's", expected: "OFFERs matched to the DISCOVER by xid (RFC 2131 §4.1, §4.4.1)",
                seen: $"a REQUEST with the foreign xid 0x{m.Xid:x8}", request);
        var offer = Judge(request);
        var discover = lab.Seen(d => Discover(d) && d.Sequence < offer.Sequence).LastOrDefault();
        if (discover is null || discover.Dhcp().Xid != m.Xid)
            throw lab.Fail("the eUE's REQUEST does not carry the transaction id of its DISCOVER", expected: "the xid of the DISCOVER the OFFER answered",
                seen: $"xid 0x{m.Xid:x8}", request);
        lab.Witness(request, "the REQUEST for the OFFER with the eUE's own xid");
    }

    /// <summary>RFC 2131 §4.4.1: on a DHCPNAK the client goes back to INIT; §4.4.1 lets it wait 1 to 10 s before the DISCOVER.</summary>
    [Then(@"^the eUE starts over with a DHCPDISCOVER within (\d+) s of the DHCPNAK$")]
    public async Task ThenRestartAfterNak(int seconds)
    {
        var nak = await lab.AwaitAsync("the DHCPNAK to the eUE", e => Sent(e, DhcpMessageType.Nak), lab.Boot);
        var discover = await lab.AwaitAsync("DHCPDISCOVER after the DHCPNAK", Discover, TimeSpan.FromSeconds(seconds),
            from: new EvidenceCursor(nak.Sequence), missingFails: true, protocol: Protocol);
        var wrong = lab.Seen(e => FromClient(e) && !Discover(e) && e.Sequence > nak.Sequence && e.Sequence < discover.Sequence);
        if (wrong.Count > 0)
            throw lab.Fail("after the DHCPNAK the eUE went on with its old exchange", expected: "a DHCPDISCOVER first (INIT state)", seen: $"a {wrong[0].Kind}", wrong[0]);
        lab.Witness(discover, "the DHCPDISCOVER after the DHCPNAK");
    }
}
