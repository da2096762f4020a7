using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv4.EueDhcpv4Wire;

namespace EUeConformance.Steps.Ipv4;

/// <summary>
/// DHCPv4 server selection by the eUE in IPv4 mode (EUE-PROV 6.3.2.2 after PKT-PROV1.5): the eCM learns a primary
/// and optionally a secondary eUE DHCPv4 server (option 122 sub-options 1 and 2 when the eCM provisions in IPv4,
/// CL_OPTION_CCC sub-options 1 and 2 when it provisions in IPv6) and hands them to the eUE, which takes an OFFER
/// only from a server whose identifier (option 54) is one of them; 255.255.255.255 lets it take any server's,
/// 0.0.0.0 tells it not to provision at all. The eCM's hand-off is invisible; its effect is what is judged.
/// </summary>
[Binding]
public sealed class Dhcpv4ServerSelectionSteps(Lab lab, LabPlan plan)
{
    [Given(@"^the eCM's server hands over no DSS_IDs for the eUE$")]
    public void GivenNoDssIds() => plan.GiveEueDssIds = false;

    /// <summary>The first REQUEST of the SELECTING state names the server whose OFFER the eUE took.</summary>
    [Then(@"^the eUE requests its lease from the (primary|secondary|rogue) server$")]
    public async Task ThenRequestsFrom(string name)
    {
        var expected = EueDhcpv4ServerSteps.Address($"{name} server");
        var request = await lab.AwaitAsync("the eUE's DHCPREQUEST in SELECTING state", SelectingRequest, lab.Boot, protocol: Protocol);
        var chosen = request.Dhcp().ServerIdentifier;
        if (!expected.Equals(chosen))
            throw lab.Fail($"the eUE took the OFFER of {chosen}", expected: $"the OFFER of the {name} server {expected} (6.3.2.2)", seen: $"a REQUEST naming {chosen}", request);
        lab.Witness(request, $"the REQUEST naming the {name} server {expected}");
    }

    /// <summary>
    /// 6.3.2.2: an OFFER from a server the eCM did not name is not taken. While only such a server answers, the eUE
    /// keeps soliciting: <paramref name="discovers"/> DISCOVERs (RFC 2131 §4.1 retransmissions) and no REQUEST.
    /// </summary>
    [Then(@"^the eUE takes no OFFER of the rogue server and sends (\d+) DHCPDISCOVERs without a DHCPREQUEST$")]
    public async Task ThenIgnoresRogue(int discovers)
    {
        EvidenceEvent? last = null;
        for (int i = 0; i < discovers; i++)
        {
            var from = last is null ? new EvidenceCursor(0) : new EvidenceCursor(last.Sequence);
            last = await lab.AwaitAsync($"DHCPDISCOVER {i + 1} or a DHCPREQUEST from the eUE", e => Discover(e) || Request(e), lab.Boot, from: from, protocol: Protocol);
            if (Request(last))
                throw lab.Fail($"the eUE asked server {last.Dhcp().ServerIdentifier} for a lease, a server the eCM did not name",
                    expected: "OFFERs only from the primary or secondary eUE DHCPv4 server (6.3.2.2)", seen: $"a REQUEST naming {last.Dhcp().ServerIdentifier}", last);
        }
        var offers = lab.Seen(e => Sent(e, DhcpMessageType.Offer));
        if (offers.Count == 0) throw ScenarioContext.Inconclusive("the rogue server sent no OFFER: nothing was there to refuse");
        lab.Witness(last!, $"DISCOVER {discovers} after {offers.Count} OFFER(s) of the rogue server, none taken");
    }

    /// <summary>
    /// 6.3.2.2 (0.0.0.0: the eUE must not provision; Table 4 row exception): from the eCM's registration (its ACK or
    /// REPLY), for the IXIT boot time, the eUE sends no DHCP message at all.
    /// </summary>
    [Then(@"^the eUE does not provision: it sends no DHCP message after the eCM has its lease$")]
    public async Task ThenDoesNotProvision()
    {
        var ecm = await lab.AwaitAsync("the eCM's lease (ACK or REPLY)", e => e.Direction == Direction.Sent
            && ((e.Service == Traffic.EcmDhcpv4 && e.Message is DhcpMessage { MessageType: DhcpMessageType.Ack })
                || (e.Service == Traffic.EcmDhcpv6 && e.Message is Dhcp6Message { Type: Dhcp6MessageType.Reply })), lab.Boot);
        await lab.SettleAsync(lab.Boot);
        var sent = lab.Seen(e => (e.Service == Traffic.EueDhcpv4 || e.Service == Traffic.EueDhcpv6) && e.Direction == Direction.Received, new EvidenceCursor(0));
        if (sent.Count > 0)
            throw lab.Fail("the eUE provisioned although the eCM's server said it must not", expected: "no eUE DHCP message (0.0.0.0 as primary eUE DHCPv4 server, 6.3.2.2)",
                seen: $"a {sent[0].Kind} on {sent[0].Service}", sent[0]);
        lab.Witness(ecm, $"the eCM's lease; no eUE DHCP message in the {lab.Boot.TotalSeconds:0} s after it");
    }
}
