using System.Globalization;
using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv6.Ipv6Facts;

namespace EUeConformance.Steps.Ipv6;

/// <summary>
/// Table 5 eUE-2 and eUE-3 with 6.4.1.4 and 6.2.1.2 bullet 4: which ADVERTISE the eUE answers with its REQUEST
/// (judged by the OPTION_SERVERID it names), what the REQUEST carries, and what happens when no ADVERTISE is
/// usable (a new SOLICIT, within SOL_MAX_RT) or every valid one says "0.0.0.0" (silence).
/// </summary>
[Binding]
public sealed class ServerSelectionSteps(Lab lab, EueIpv6Wire wire, ScenarioContext scenario)
{
    static Dhcp6Message M(EvidenceEvent e) => EueIpv6Wire.Dhcp(e);

    /// <summary>The name of the headend identity whose DUID <paramref name="duid"/> is, for messages.</summary>
    string ServerName(Duid? duid) => duid is null ? "no server" : lab.Headend.Database.EueServers.FirstOrDefault(s => s.Duid.Equals(duid))?.Name ?? duid.ToString();

    [Then(@"^the eUE's REQUEST follows an ADVERTISE and names the server of one of the ADVERTISEs it answers$")]
    public async Task ThenRequestFollowsAdvertise()
    {
        var request = await wire.AwaitAsync("REQUEST");
        var server = M(request).ServerId ?? throw lab.Fail("the REQUEST names no server", expected: "OPTION_SERVERID", seen: "absent", request);
        var solicit = lab.Seen(EueIpv6Wire.FromEue("SOLICIT")).LastOrDefault(e => e.Sequence < request.Sequence)
            ?? throw lab.Fail("the eUE sent a REQUEST without soliciting first", expected: "SOLICIT, ADVERTISE, then REQUEST", seen: "no SOLICIT before it", request);
        uint xid = M(solicit).TransactionId;
        var advertises = lab.Seen(e => EueIpv6Wire.ToEue("ADVERTISE")(e) && M(e).TransactionId == xid && e.Sequence < request.Sequence);
        var answered = advertises.FirstOrDefault(e => Equals(M(e).ServerId, server))
            ?? throw lab.Fail("the REQUEST names a server that did not advertise in answer to the SOLICIT",
                expected: string.Join(" or ", advertises.Select(a => ServerName(M(a).ServerId))), seen: ServerName(server), request);
        lab.Witness(answered, "the ADVERTISE answered");
        lab.Witness(request, $"REQUEST to {ServerName(server)}");
    }

    [Then(@"^the eUE's REQUEST goes to ff02::1:2 with OPTION_SERVERID, its own OPTION_CLIENTID and OPTION_IA_NA$")]
    public async Task ThenRequestShape()
    {
        var solicit = await wire.FirstSolicitAsync();
        var request = await wire.AwaitAsync("REQUEST");
        if (!request.Local.Address.Equals(AllDhcpRelayAgentsAndServers) || request.Local.Port != 547)
            throw lab.Fail("the REQUEST is not multicast to All_DHCP_Relay_Agents_and_Servers", expected: "[ff02::1:2]:547", seen: request.Local.ToString(), request);
        var m = M(request);
        if (m.ServerId is null) throw lab.Fail("the REQUEST has no OPTION_SERVERID", expected: "OPTION_SERVERID (2)", seen: "absent", request);
        if (m.ClientId is null || !m.ClientId.Equals(M(solicit).ClientId))
            throw lab.Fail("the REQUEST's OPTION_CLIENTID is not the eUE's DUID from its SOLICIT", expected: M(solicit).ClientId?.ToString() ?? "the SOLICIT's DUID", seen: m.ClientId?.ToString() ?? "absent", request);
        if (!m.Has(Dhcp6OptionCode.IaNa)) throw lab.Fail("the REQUEST has no OPTION_IA_NA", expected: "OPTION_IA_NA (3)", seen: "absent", request);
        lab.Witness(request, "REQUEST to ff02::1:2 with server and client identifiers and IA_NA");
    }

    [Then(@"^the eUE's REQUEST requests the same options and CableLabs options as the SOLICIT before it$")]
    public async Task ThenSameOptions()
    {
        var request = await wire.AwaitAsync("REQUEST");
        var solicit = lab.Seen(EueIpv6Wire.FromEue("SOLICIT")).Last(e => e.Sequence < request.Sequence);
        static string Set(IReadOnlyList<ushort>? codes) => codes is null ? "none" : string.Join(",", codes.Distinct().Order());
        var (s, r) = (M(solicit), M(request));
        if (Set(s.OptionRequest) != Set(r.OptionRequest))
            throw lab.Fail("the REQUEST's OPTION_ORO differs from the SOLICIT's", expected: Set(s.OptionRequest), seen: Set(r.OptionRequest), request);
        if (Set(s.CableLabs?.OptionRequest) != Set(r.CableLabs?.OptionRequest))
            throw lab.Fail("the REQUEST's CL_OPTION_ORO differs from the SOLICIT's", expected: Set(s.CableLabs?.OptionRequest), seen: Set(r.CableLabs?.OptionRequest), request);
        lab.Witness(request, $"ORO {Set(r.OptionRequest)}; CL_OPTION_ORO {Set(r.CableLabs?.OptionRequest)}, as in the SOLICIT");
    }

    [Then(@"^the eUE REQUESTs from the (primary|secondary|third) server$")]
    public async Task ThenRequestsFrom(string name)
    {
        var identity = lab.Headend.Database.FindEueServer(name) ?? throw new InvalidOperationException($"no eUE DHCP server '{name}' in the lab");
        var advertise = await lab.AwaitAsync("ADVERTISE to the eUE", EueIpv6Wire.ToEue("ADVERTISE"), lab.Boot);
        // The eUE holds valid ADVERTISEs: it must REQUEST (eUE-3); the IXIT step bound covers the collection period.
        var request = await wire.AwaitAsync("REQUEST", EvidenceCursor.After(advertise), lab.Profile.Ixit.Timeouts.Step, missingFails: true,
            what: "REQUEST from the eUE after the ADVERTISEs");
        var named = M(request).ServerId;
        if (!identity.Duid.Equals(named))
            throw lab.Fail($"the eUE REQUESTs from the {ServerName(named)} server", expected: $"the {name} server ({identity.Duid})", seen: $"{ServerName(named)} ({named})", request);
        foreach (var a in lab.Seen(e => EueIpv6Wire.ToEue("ADVERTISE")(e) && e.Sequence < request.Sequence))
            lab.Witness(a, $"ADVERTISE from {ServerName(M(a).ServerId)}, realm {Safe(() => M(a).CableLabs?.Cccv6?.KerberosRealm)}");
        lab.Witness(request, $"REQUEST to the {name} server");
    }

    static string? Safe(Func<string?> read)
    {
        try { return read(); } catch (Protocols.Wire.ParseError) { return "(malformed)"; }
    }

    [Then(@"^the eUE receives ADVERTISEs that all carry the ""0.0.0.0"" shutdown value$")]
    public async Task ThenShutdownAdvertised()
    {
        var first = await lab.AwaitAsync("ADVERTISE to the eUE", EueIpv6Wire.ToEue("ADVERTISE"), lab.Boot);
        // The round's ADVERTISEs leave together; let them all arrive.
        await lab.SettleAsync(TimeSpan.FromMilliseconds(1));
        var round = lab.Seen(e => EueIpv6Wire.ToEue("ADVERTISE")(e) && M(e).TransactionId == M(first).TransactionId);
        if (round.FirstOrDefault(e => M(e).CableLabs?.Cccv6?.ProvSnmpEntity?.IsShutdown != true) is { } other)
            throw ScenarioContext.Inconclusive("an ADVERTISE without the shutdown value reached the eUE; the scenario needs them all to carry it");
        scenario["shutdown.last"] = round[^1];
        lab.Witness(round[^1], $"{round.Count} ADVERTISE(s), all with \"0.0.0.0\" in CL_OPTION_CCCV6 sub-option 3");
    }

    [Then(@"^for (\d+) seconds after them the eUE sends no REQUEST and no SOLICIT$")]
    public async Task ThenNoMoreDhcp(int seconds)
    {
        var last = scenario.Get<EvidenceEvent>("shutdown.last");
        await wire.AwaitSilenceAsync("a REQUEST or SOLICIT after every server told it not to provision",
            e => EueIpv6Wire.FromEue("REQUEST")(e) || EueIpv6Wire.FromEue("SOLICIT")(e), EvidenceCursor.After(last), last.At + TimeSpan.FromSeconds(seconds), protocol: "dhcpv6");
        lab.Witness(last, $"the last ADVERTISE; no REQUEST or SOLICIT in the {seconds} s after");
    }

    [Then(@"^for (\d+) seconds after them the eUE sends no provisioning traffic$")]
    public async Task ThenDisabled(int seconds)
    {
        var last = scenario.Get<EvidenceEvent>("shutdown.last");
        var ecm = EueTraffic.EcmAddresses(lab);
        await wire.AwaitSilenceAsync("provisioning traffic (DHCPv6, DNS, Kerberos, SNMP, TFTP, HTTP, syslog) while disabled",
            e => e.Direction == Direction.Received && e.Error is null && EueTraffic.ProvisioningServices.Contains(e.Service) && !EueTraffic.FromAny(e, ecm),
            EvidenceCursor.After(last), last.At + TimeSpan.FromSeconds(seconds));
        lab.Witness(last, $"the last ADVERTISE; no provisioning traffic from the eUE in the {seconds} s after");
    }

    [Then(@"^the eUE sends a SOLICIT again$")]
    public async Task ThenSolicitsAgain()
    {
        var from = scenario.Get<EvidenceCursor>(HeadendIpv6Steps.ResetCursor);
        var solicit = await wire.AwaitAsync("SOLICIT", from, lab.Boot, missingFails: true, what: "SOLICIT from the reinitialised eUE");
        lab.Witness(solicit, "eUE-1 again after the reset");
    }

    /// <summary>eUE-3: no valid ADVERTISE, no REQUEST; the step failed and eUE-1 follows (RFC 3315 §17.1.2: within SOL_MAX_RT, ±10 %).</summary>
    [Then(@"^the eUE sends no REQUEST for the invalid ADVERTISE and solicits again$")]
    public async Task ThenNoRequestAndSolicitAgain()
    {
        var advertise = await lab.AwaitAsync("ADVERTISE to the eUE", EueIpv6Wire.ToEue("ADVERTISE"), lab.Boot);
        var bound = SolMaxRt * (1 + Rand);
        var next = await lab.AwaitAsync($"SOLICIT from the eUE within SOL_MAX_RT (+10 %, {Seconds(bound)}) of the ADVERTISE it cannot use",
            e => EueIpv6Wire.FromEue("SOLICIT")(e) || EueIpv6Wire.FromEue("REQUEST")(e), bound + Slack + lab.Allowance, EvidenceCursor.After(advertise), missingFails: true, protocol: "dhcpv6");
        if (next.Kind == "REQUEST")
            throw lab.Fail("the eUE answered an ADVERTISE it must not accept with a REQUEST", expected: "no REQUEST, a SOLICIT", seen: $"REQUEST to {ServerName(M(next).ServerId)}", next);
        var solicit = lab.Seen(EueIpv6Wire.FromEue("SOLICIT")).Last(e => e.Sequence < advertise.Sequence);
        lab.Witness(advertise, "the ADVERTISE the eUE cannot use");
        lab.Witness(next, $"eUE-1 again, {Seconds(next.At - advertise.At)} later ({(M(next).TransactionId == M(solicit).TransactionId ? "retransmitted" : "new transaction")})");
    }

    [Then(@"^the eUE sends no REQUEST$")]
    public void ThenNoRequest()
    {
        if (lab.Seen(EueIpv6Wire.FromEue("REQUEST")).FirstOrDefault() is { } r)
            throw lab.Fail("the eUE sent a REQUEST though no server advertised", expected: "no REQUEST", seen: "a REQUEST", r);
        lab.Witness(lab.Seen(EueIpv6Wire.FromEue("SOLICIT"))[^1], "SOLICITs only, no REQUEST");
    }

    [Then(@"^no REQUEST from the eUE asks for a link-local address$")]
    public void ThenNoLinkLocalRequest()
    {
        foreach (var r in lab.Seen(EueIpv6Wire.FromEue("REQUEST")))
            if (M(r).IaNas.SelectMany(i => i.Addresses).FirstOrDefault(a => a.Address.IsIPv6LinkLocal) is { } ll)
                throw lab.Fail("the eUE REQUESTs a link-local address", expected: "no fe80::/10 address in IA_NA", seen: ll.Address.ToString(), r);
    }

    [Then(@"^the eUE goes on to fetch its configuration file$")]
    public async Task ThenFetches()
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        var rrq = await lab.AwaitAsync("configuration file request after its REPLY from the eUE", Traffic.EueFileRequest, lab.Profile.Ixit.Timeouts.Step,
            EvidenceCursor.After(reply), missingFails: true, protocol: "tftp");
        lab.Witness(rrq, $"provisioning goes on: RRQ {rrq.Fields.GetValueOrDefault("tftp.source_file")}");
    }
}

/// <summary>Telling the eUE's traffic from the eCM's by the addresses the headend leased to the eCM (its own evidence).</summary>
public static class EueTraffic
{
    /// <summary>Services of the provisioning flows beyond DHCP that an eUE uses and an eCM does not share with it here.</summary>
    public static readonly HashSet<string> ProvisioningServices = [Traffic.EueDhcpv6, Traffic.EueDhcpv4, Traffic.Dns, Traffic.Tftp, Traffic.Http, Traffic.Syslog, Traffic.ProvisioningSnmp, "kdc"];

    /// <summary>Every address the headend leased to the eCM (DHCPv4 ACK, DHCPv6 REPLY).</summary>
    public static IReadOnlyList<IPAddress> EcmAddresses(Lab lab)
    {
        var list = new List<IPAddress>();
        foreach (var ack in lab.Seen(Traffic.To(Traffic.EcmDhcpv4, "ACK")))
            if (ack.Fields.TryGetValue("dhcp.ip.your", out var y) && IPAddress.TryParse(y, out var a) && !a.Equals(IPAddress.Any)) list.Add(a);
        foreach (var reply in lab.Seen(Traffic.To(Traffic.EcmDhcpv6, "REPLY")))
            if (reply.Message is Dhcp6Message m)
                foreach (var ia in m.IaNas) list.AddRange(ia.Addresses.Select(x => x.Address));
        return list;
    }

    public static bool FromAny(EvidenceEvent e, IReadOnlyList<IPAddress> addresses) => addresses.Any(a => Same(a, e.Peer.Address));

    public static string Describe(EvidenceEvent e) => $"{e.Service} {e.Kind} from {e.Peer} at {e.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}";
}
