using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ecm.EcmBed;

namespace EUeConformance.Steps.Ecm;

/// <summary>
/// The eCM's decision about its eUE, seen from what the eUE does (EUE-PROV 6.3.2, 6.3.2.1 Table 4, 6.4.1): whether
/// it starts at all (and never before the eCM has its lease), in which mode (a DHCPv4 DISCOVER or a DHCPv6 SOLICIT),
/// which of the eUE DHCP servers it takes its lease from (the eCM's hand-over of option 122 / CL_OPTION_CCC and
/// the DSS_IDs), and, when it must not provision, that it stays silent, neighbour discovery included.
/// </summary>
[Binding]
public sealed class EueStartSteps(EcmBed ecm, Lab lab, ScenarioContext scenario)
{
    /// <summary>Table 4: the eUE's first DHCP message tells the mode; nothing of the other mode may come until its lease.</summary>
    [Then(@"^the eUE starts in (IPv4|IPv6) mode$")]
    public async Task ThenStartsIn(string mode)
    {
        var expected = Mode(mode);
        string service = expected == IpAddressingMode.Ipv4 ? Traffic.EueDhcpv4 : Traffic.EueDhcpv6;
        string other = expected == IpAddressingMode.Ipv4 ? Traffic.EueDhcpv6 : Traffic.EueDhcpv4;
        var first = await ecm.EueMustStartAsync();
        if (first.Service != service)
            throw lab.Fail($"the eUE started in the other mode: its first DHCP message is a {(first.Service == Traffic.EueDhcpv4 ? "DHCPv4" : "DHCPv6")} {first.Kind}",
                $"a {(expected == IpAddressingMode.Ipv4 ? "DHCPv4 DISCOVER" : "DHCPv6 SOLICIT")}", $"{first.Service} {first.Kind}", first);
        var lease = await lab.AwaitAsync($"{mode} lease for the eUE", e => e.Service == service && e.Direction == Direction.Sent && IsLease(e), lab.Boot, After(first), missingFails: true);
        var stray = lab.Seen(e => e.Service == other && e.Direction == Direction.Received && e.Sequence < lease.Sequence);
        if (stray.Count > 0)
            throw lab.Fail($"the eUE also tried the other mode while provisioning in {mode}", $"only {mode}", Timeline(stray), stray[0]);
        lab.Witness(first, $"the eUE's first DHCP message: {mode} mode");
    }

    [Then(@"^the eUE starts provisioning$")]
    public async Task ThenStarts()
    {
        var first = await ecm.EueMustStartAsync();
        lab.Witness(first, "the eUE's first DHCP message");
    }

    /// <summary>
    /// 6.3.2.2 (via Table 4 and 6.4.1): the eUE's REQUEST names the server the eCM's options allowed: option 54 of a
    /// DHCPv4 REQUEST in SELECTING state, OPTION_SERVERID of a DHCPv6 REQUEST.
    /// </summary>
    [Then(@"^the eUE requests its lease from the (primary|secondary|rogue) eUE DHCP server$")]
    public Task ThenRequestsFrom(string name) => RequestsFromAsync(ecm.EueServer(name));

    [Then(@"^the eUE requests its lease from the eUE DHCP server with the 32-octet DSS_ID$")]
    public Task ThenRequestsFromLongDss() => RequestsFromAsync(ecm.EueServer(LongDssServer));

    async Task RequestsFromAsync(Headend.Database.DhcpServerIdentity identity)
    {
        var first = await ecm.EueMustStartAsync();
        // The eUE started: taking no offer at all (none from a server it may use) is as much a failure as taking the wrong one.
        var request = await lab.AwaitAsync($"DHCP REQUEST from the eUE to the {identity.Name} server",
            e => FromEueDhcp(e) && e.Kind == "REQUEST" && (e.Message is Dhcp6Message || e.Message is DhcpMessage { ServerIdentifier: not null }), lab.Boot, After(first), missingFails: true);
        if (request.Message is DhcpMessage m)
        {
            if (!Equals(m.ServerIdentifier, identity.Ipv4))
                throw lab.Fail($"the eUE requested its lease from another server than the {identity.Name} one", $"option 54 = {identity.Ipv4?.ToString() ?? "(no IPv4)"}",
                    $"option 54 = {m.ServerIdentifier}", request);
        }
        else
        {
            var server = request.Message<Dhcp6Message>().ServerId;
            if (!Equals(server, identity.Duid))
                throw lab.Fail($"the eUE requested its lease from another server than the {identity.Name} one (DSS_ID {identity.DssId})",
                    $"OPTION_SERVERID = {Convert.ToHexString(identity.Duid.Bytes.Span)}", server is null ? "no OPTION_SERVERID" : Convert.ToHexString(server.Bytes.Span), request);
        }
        lab.Witness(request, $"the eUE's REQUEST to the {identity.Name} server");
    }

    // ---------------------------------------------------------------- not starting

    /// <summary>Silence from the eUE, counted from the first eCM message (the boot) for <paramref name="seconds"/>.</summary>
    [Then(@"^the eUE sends no DHCP message within (\d+) s$")]
    public async Task ThenNoEueDhcp(int seconds)
    {
        var start = await ecm.EcmStartAsync();
        await ecm.RunUntilAsync(start.At + TimeSpan.FromSeconds(seconds));
        var sent = lab.Seen(FromEueDhcp);
        if (sent.Count > 0) throw lab.Fail("the eUE sent a DHCP message although the eCM could not start it", "no DHCP from the eUE", Timeline(sent), sent[0]);
    }

    [Then(@"^the eUE sends no (DHCPv4|DHCPv6) message within (\d+) s$")]
    public async Task ThenNoEueDhcpOf(string family, int seconds)
    {
        var lease = await ecm.EcmLeaseAsync();
        await ecm.RunUntilAsync(lease.At + TimeSpan.FromSeconds(seconds));
        string service = family == "DHCPv4" ? Traffic.EueDhcpv4 : Traffic.EueDhcpv6;
        var sent = lab.Seen(e => e.Service == service && e.Direction == Direction.Received);
        if (sent.Count > 0)
            throw lab.Fail($"the eUE provisioned over {family} although the eCM's options told it not to", $"no {family} from the eUE", Timeline(sent), sent[0]);
        var others = lab.Seen(FromEueDhcp);
        scenario.Log(others.Count == 0 ? "the eUE sent no DHCP message at all" : $"the eUE provisioned in the other mode: {Timeline(others)}");
        lab.Witness(lease, $"the eCM's lease; no {family} from the eUE for {seconds} s after it");
    }

    /// <summary>
    /// Table 4 "remains dormant": for <paramref name="seconds"/> after the eCM's lease (its CM3 retries done), no DHCP from
    /// the eUE, no Router Solicitation from its link-local address, nothing at all from its addresses.
    /// </summary>
    [Then(@"^the eUE stays dormant for (\d+) s$")]
    public async Task ThenDormant(int seconds)
    {
        var lease = await ecm.EcmLeaseAsync();
        await ecm.RunUntilAsync(lease.At + TimeSpan.FromSeconds(seconds));
        var heard = lab.Seen(e => FromEueDhcp(e)
            || (e.Direction == Direction.Received && e.Service != Traffic.EcmDhcpv4 && e.Service != Traffic.EcmDhcpv6 && ecm.IsEueAddress(e.Peer.Address)));
        if (heard.Count > 0)
            throw lab.Fail("the dormant eUE spoke", $"nothing from the eUE for {seconds} s after the eCM's lease", Timeline(heard), heard[0]);
        lab.Witness(lease, $"the eCM's lease; the eUE silent for {seconds} s after it");
    }

    // ---------------------------------------------------------------- 6.3.2.1 ¶15: neighbour discovery

    /// <summary>The headend sends a Neighbor Solicitation (DAD probe) for the address: a Neighbor Advertisement in answer fails.</summary>
    [Then(@"^the eUE answers no Neighbor Solicitation for its link-local address$")]
    public Task ThenNoNaLinkLocal() => NoNeighborAdvertisementAsync(ecm.EueLinkLocal, "its link-local address");

    [Then(@"^the eUE answers no Neighbor Solicitation for the address the eUE's DHCPv6 server advertised$")]
    public async Task ThenNoNaAdvertised()
    {
        var advertise = await lab.AwaitAsync("ADVERTISE to the eUE", e => Traffic.To(Traffic.EueDhcpv6, "ADVERTISE")(e), lab.Boot);
        var address = advertise.Message<Dhcp6Message>().IaNa?.Addresses.FirstOrDefault()?.Address
            ?? throw ScenarioContext.Inconclusive("the ADVERTISE offered no address");
        await NoNeighborAdvertisementAsync(address, $"the advertised address {address}");
    }

    async Task NoNeighborAdvertisementAsync(IPAddress target, string what)
    {
        var mark = lab.Evidence.Cursor;
        bool defended = await lab.Headend.ProbeNeighborAsync(target, scenario.Cancellation);
        var probe = lab.Seen(e => e.Service == Headend.Servers.Router.NeighborProbe.Service, mark);
        if (defended)
            throw lab.Fail($"the disabled eUE answered a Neighbor Solicitation for {what}", "no Neighbor Advertisement", $"a Neighbor Advertisement for {target}", probe.LastOrDefault());
        if (probe.Count > 0) lab.Witness(probe[0], $"Neighbor Solicitation for {what}: no answer");
    }

    [Then(@"^the eUE answers no Router Solicitation$")]
    public async Task ThenNoRa()
    {
        var mark = lab.Evidence.Cursor;
        var routers = await lab.Headend.SolicitRoutersAsync(TimeSpan.FromSeconds(5), scenario.Cancellation);
        var foreign = routers.Where(r => !Plain(r).Equals(ecm.EcmLinkLocal)).ToList();
        var probe = lab.Seen(e => e.Service == Headend.Servers.Router.NeighborProbe.Service, mark);
        if (foreign.Count > 0)
            throw lab.Fail("the disabled eUE answered a Router Solicitation", "no Router Advertisement", $"Router Advertisement(s) from {string.Join(", ", foreign)}",
                probe.LastOrDefault(e => e.Kind == "RA"));
        if (probe.Count > 0) lab.Witness(probe[0], "Router Solicitation: no answer within 5 s");
    }

    static IPAddress Plain(IPAddress a) => a.ScopeId != 0 ? new IPAddress(a.GetAddressBytes()) : a;

    /// <summary>Table 5 eUE-2 leads to a disabled eUE: an ADVERTISE reaches it and it goes no further.</summary>
    [Then(@"^the eUE receives an ADVERTISE and then sends no DHCPv6 REQUEST within (\d+) s$")]
    public async Task ThenNoRequestAfterAdvertise(int seconds)
    {
        var advertise = await lab.AwaitAsync("ADVERTISE to the eUE", e => Traffic.To(Traffic.EueDhcpv6, "ADVERTISE")(e), lab.Boot);
        await ecm.RunUntilAsync(advertise.At + TimeSpan.FromSeconds(seconds));
        var requests = lab.Seen(e => Traffic.From(Traffic.EueDhcpv6, "REQUEST")(e), After(advertise));
        if (requests.Count > 0) throw ScenarioContext.Inconclusive("the eUE went on with a REQUEST: it was not disabled (eUE-2 is another scenario's verdict)");
        lab.Witness(advertise, "the ADVERTISE that disables the eUE");
    }

    // ---------------------------------------------------------------- ordering

    [Then(@"^the eUE sends its first DHCP message only after the eCM's (DHCPACK|REPLY with an address)$")]
    public async Task ThenAfterEcmLease(string answer)
    {
        var first = await ecm.FirstEueDhcpAsync();
        var family = answer == "DHCPACK" ? IpAddressingMode.Ipv4 : IpAddressingMode.Ipv6;
        var lease = lab.Seen(e => ToEcm(family)(e) && IsLease(e) && e.Sequence < first.Sequence).FirstOrDefault();
        if (lease is null)
            throw lab.Fail($"the eUE began DHCP before the eCM had a lease", $"the eCM's {answer} first", "no lease for the eCM before the eUE's first DHCP message", first);
        lab.Witness(lease, "the eCM's lease");
        lab.Witness(first, "the eUE's first DHCP message after it");
    }

    // ---------------------------------------------------------------- what the eUE does after DHCP (6.4.1.1, 6.3.2.3)

    [Then(@"^after its DHCP exchange the eUE goes on with the (Basic|Hybrid) flow$")]
    public async Task ThenGoesOn(string flow)
    {
        var lease = await lab.AwaitAsync("lease for the eUE", ToEueLease, lab.Boot);
        if (flow == "Basic")
        {
            string? file = lease.Message switch
            {
                DhcpMessage m => m.BootFileName,
                Dhcp6Message m => m.CableLabs?.ConfigFileName,
                _ => null,
            };
            if (string.IsNullOrEmpty(file)) throw ScenarioContext.Inconclusive("the eUE's lease names no configuration file: the headend's database lacks one");
            var fetch = await lab.AwaitAsync($"eUE asking for {file}", e => e.Direction == Direction.Received && ecm.IsEueAddress(e.Peer.Address)
                && (e.Service == Traffic.Tftp && e.Kind == "RRQ" || e.Service == Traffic.Http), lab.Boot, After(lease), missingFails: true);
            lab.Witness(fetch, "the Basic flow's next step: the configuration file");
            return;
        }
        var fqdn = ProvisioningServer(lease);
        var next = await lab.AwaitAsync("Hybrid step from the eUE (the provisioning server: DNS lookup or SNMP)",
            e => e.Direction == Direction.Received && ecm.IsEueAddress(e.Peer.Address)
                && (e.Service == Traffic.ProvisioningSnmp || e.Service == Traffic.Dns && (fqdn is null || QueriesFor(e, fqdn))),
            lab.Boot, After(lease), missingFails: true);
        lab.Witness(next, "the Hybrid flow's next step: the provisioning server");
    }

    [Then(@"^after its DHCP exchange the eUE looks up (\S+) in DNS$")]
    public async Task ThenLooksUp(string fqdn)
    {
        var lease = await lab.AwaitAsync("lease for the eUE", ToEueLease, lab.Boot);
        var query = await lab.AwaitAsync($"DNS query for {fqdn} from the eUE",
            e => e.Direction == Direction.Received && e.Service == Traffic.Dns && ecm.IsEueAddress(e.Peer.Address) && QueriesFor(e, fqdn),
            lab.Boot, After(lease), missingFails: true);
        lab.Witness(query, $"the eUE looking up {fqdn}");
    }

    static bool QueriesFor(EvidenceEvent e, string fqdn) =>
        e.Fields.TryGetValue("dns.qry.name", out var names) && names.Split(',').Any(n => string.Equals(n.TrimEnd('.'), fqdn.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Option 122 sub-option 3 / CL_OPTION_CCCV6 sub-option 3 as an FQDN, when it is one.</summary>
    static string? ProvisioningServer(EvidenceEvent lease)
    {
        try
        {
            return lease.Message switch
            {
                DhcpMessage m => m.ClientConfiguration?.ProvisioningServer?.Fqdn,
                Dhcp6Message m => m.CableLabs?.Cccv6?.ProvSnmpEntity?.Fqdn,
                _ => null,
            };
        }
        catch (Protocols.Wire.ParseError) { return null; }
    }
}
