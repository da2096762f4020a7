using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv6.Ipv6Facts;

namespace EUeConformance.Steps.Ipv6;

/// <summary>
/// Table 5 eUE-4: the REPLY as the authority, its failure column (back to eUE-1, provisioning not continued),
/// duplicate address detection on the leased address and the DECLINE, and the fork the REPLY's realm selects
/// (Basic: TFTP from CL options 32/33; Secure: eUE-5, the DNS SRV lookup of the realm's KDC).
/// </summary>
[Binding]
public sealed class ReplySteps(Lab lab, EueIpv6Wire wire, ScenarioContext scenario)
{
    static Dhcp6Message M(EvidenceEvent e) => EueIpv6Wire.Dhcp(e);

    TimeSpan StepBound => lab.Profile.Ixit.Timeouts.Step;

    [Then(@"^after its REQUEST retransmissions the eUE solicits again$")]
    public async Task ThenSolicitsAfterRequests()
    {
        var request = await wire.AwaitAsync("REQUEST");
        // RFC 3315 §18.1.1: at most REQ_MAX_RC transmissions, REQ_TIMEOUT doubling to REQ_MAX_RT (+10 % each); then eUE-1.
        var bound = ReqMaxRt * (1 + Rand) * ReqMaxRc;
        var solicit = await wire.AwaitAsync("SOLICIT", EvidenceCursor.After(request), bound, missingFails: true,
            what: "SOLICIT after the unanswered REQUESTs (REQ_MAX_RC transmissions, REQ_MAX_RT + 10 % apart at most)");
        scenario["failed.at"] = solicit;
        lab.Witness(request, "the REQUEST left unanswered");
        lab.Witness(solicit, "eUE-1 again");
    }

    [Then(@"^the eUE solicits again after the failed REPLY$")]
    public async Task ThenSolicitsAfterReply()
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        // Table 5 gives no figure for the return to eUE-1: the IXIT step bound.
        var solicit = await wire.AwaitAsync("SOLICIT", EvidenceCursor.After(reply), StepBound, missingFails: true,
            what: "SOLICIT after the REPLY the eUE could not accept");
        scenario["failed.at"] = solicit;
        lab.Witness(reply, "the REPLY that fails eUE-4");
        lab.Witness(solicit, "eUE-1 again");
    }

    [Then(@"^the eUE has not gone on with provisioning$")]
    public void ThenNotContinued()
    {
        var until = scenario.Get<EvidenceEvent>("failed.at");
        var ecm = EueTraffic.EcmAddresses(lab);
        var beyond = lab.Seen(e => e.Direction == Direction.Received && e.Error is null && e.Sequence < until.Sequence
                                   && EueTraffic.ProvisioningServices.Contains(e.Service) && e.Service is not (Traffic.EueDhcpv6 or Traffic.EueDhcpv4)
                                   && !EueTraffic.FromAny(e, ecm)).FirstOrDefault();
        if (beyond is not null)
            throw lab.Fail("the eUE went on with provisioning after the failed DHCP step", expected: "no DNS, Kerberos, SNMP, TFTP, HTTP or syslog before eUE-1 again", seen: EueTraffic.Describe(beyond), beyond);
        lab.Witness(until, "nothing beyond DHCP before eUE-1 again");
    }

    [Then(@"^the eUE requests the configuration file the REPLY names from the TFTP server the REPLY names$")]
    public async Task ThenFollowsReply()
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        var cl = M(reply).CableLabs ?? throw ScenarioContext.Inconclusive("the REPLY carries no CableLabs options");
        var file = cl.ConfigFileName ?? throw ScenarioContext.Inconclusive("the REPLY names no configuration file");
        var servers = cl.TftpServers ?? [];
        var advertise = lab.Seen(EueIpv6Wire.ToEue("ADVERTISE")).LastOrDefault(e => e.Sequence < reply.Sequence);
        if (advertise is not null && M(advertise).CableLabs?.ConfigFileName == file)
            throw ScenarioContext.Inconclusive("the ADVERTISE named the same file as the REPLY: the scenario needs them to differ");
        // The REPLY signals the Basic flow: its file request is due (the IXIT boot bound covers the flow up to it).
        var rrq = await lab.AwaitAsync("configuration file request from the eUE after its REPLY", Traffic.EueFileRequest, lab.Boot, EvidenceCursor.After(reply),
            missingFails: true, protocol: "tftp");
        // The REPLY's realm picks the flow too: a Basic-flow REPLY leaves no room for the Hybrid flow's enrollment INFORM.
        if (cl.Cccv6?.KerberosRealm is { } realm && realm.StartsWith("BASIC", StringComparison.Ordinal)
            && lab.Seen(Traffic.From(Traffic.ProvisioningSnmp, "InformRequest"), EvidenceCursor.After(reply)).FirstOrDefault(e => e.Sequence < rrq.Sequence) is { } inform)
            throw lab.Fail("the eUE runs the flow of the ADVERTISE's realm, not the REPLY's", expected: $"the {realm} flow: the file request without enrollment",
                seen: "an enrollment INFORM to the Provisioning Server before the file request", inform);
        var asked = rrq.Fields.GetValueOrDefault("tftp.source_file")?.TrimStart('/');
        if (asked != file)
            throw lab.Fail("the eUE asks for the file the ADVERTISE named, not the REPLY's", expected: file, seen: asked ?? "(none)", rrq);
        if (!servers.Any(s => Same(s, rrq.Local.Address)))
            throw lab.Fail("the eUE asks another TFTP server than the REPLY named", expected: string.Join(", ", servers), seen: rrq.Local.Address.ToString(), rrq);
        if (advertise is not null) lab.Witness(advertise, $"the ADVERTISE: realm {M(advertise).CableLabs?.Cccv6?.KerberosRealm}, file {M(advertise).CableLabs?.ConfigFileName}");
        lab.Witness(reply, $"the REPLY: realm {cl.Cccv6?.KerberosRealm}, file {file}");
        lab.Witness(rrq, "the eUE followed the REPLY");
    }

    [Then(@"^the eUE probes its leased IPv6 address with duplicate address detection before it sends anything from it$")]
    public async Task ThenLeaseDad()
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        var leased = wire.LeasedAddress(reply);
        var rrq = await lab.AwaitAsync("configuration file request from the eUE", Traffic.EueFileRequest, lab.Boot, EvidenceCursor.After(reply), protocol: "tftp");
        wire.RequireNeighborDiscoveryCapture();
        var firstUse = wire.SentFrom(leased, EvidenceCursor.After(reply)).FirstOrDefault() ?? rrq;
        var probe = lab.Seen(e => EueIpv6Wire.NdFromOthers("NS")(e) && EueIpv6Wire.NdOf(e) is { IsDadProbe: true, Target: { } t } && Same(t, leased), EvidenceCursor.After(reply))
            .LastOrDefault(e => e.Sequence < firstUse.Sequence)
            ?? throw lab.Fail($"the eUE used its leased address {leased} without duplicate address detection", expected: $"a Neighbor Solicitation from :: with target {leased} after the REPLY",
                seen: $"first use: {EueTraffic.Describe(firstUse)}", firstUse);
        if (!EueIpv6Wire.NdOf(probe).Destination.Equals(SolicitedNodeGroup(leased)))
            throw lab.Fail("the DAD probe does not go to the leased address's solicited-node group", expected: SolicitedNodeGroup(leased).ToString(), seen: EueIpv6Wire.NdOf(probe).Destination.ToString(), probe);
        var waited = firstUse.At - probe.At;
        if (waited < RetransTimer - Slack - lab.Allowance)
            throw lab.Fail("the eUE used its leased address before DAD could end", expected: $"at least {Seconds(RetransTimer)} after the probe{lab.AllowanceNote}", seen: Seconds(waited), firstUse);
        lab.Witness(probe, $"DAD probe for {leased}");
        lab.Witness(firstUse, $"first use, {Seconds(waited)} later");
    }

    [Then(@"^the eUE DECLINEs the address to the server that leased it$")]
    public async Task ThenDeclines()
    {
        var address = scenario.Get<IPAddress>(LinkLocalSteps.ConflictAddress);
        var (_, reply) = await wire.FirstLeaseAsync();
        var decline = await wire.AwaitAsync("DECLINE", EvidenceCursor.After(reply), StepBound, missingFails: true, what: "DECLINE of the address in use");
        var m = M(decline);
        if (!Equals(m.ServerId, M(reply).ServerId))
            throw lab.Fail("the DECLINE does not go to the server that leased the address", expected: M(reply).ServerId?.ToString() ?? "its DUID", seen: m.ServerId?.ToString() ?? "no OPTION_SERVERID", decline);
        if (m.ClientId is null) throw lab.Fail("the DECLINE has no OPTION_CLIENTID", expected: "the eUE's DUID", seen: "absent", decline);
        if (!m.IaNas.SelectMany(i => i.Addresses).Any(a => Same(a.Address, address)))
            throw lab.Fail("the DECLINE does not name the address in use", expected: address.ToString(), seen: string.Join(", ", m.IaNas.SelectMany(i => i.Addresses).Select(a => a.Address)), decline);
        lab.Witness(decline, $"DECLINE of {address}");
    }

    [Then(@"^the eUE solicits again after the conflict$")]
    public async Task ThenSolicitsAfterConflict()
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        var solicit = await wire.AwaitAsync("SOLICIT", EvidenceCursor.After(reply), StepBound, missingFails: true, what: "SOLICIT after the address conflict");
        var leaseAgain = await wire.FirstLeaseAsync(EvidenceCursor.After(solicit));
        var next = wire.LeasedAddress(leaseAgain.Reply);
        lab.Witness(solicit, "eUE-1 again");
        lab.Witness(leaseAgain.Reply, $"the next lease, {next}");
    }

    [Then(@"^the eUE fetches the file named in CL_OPTION_CONFIG_FILE_NAME from a server in CL_OPTION_TFTP_SERVERS of its REPLY$")]
    public async Task ThenBasicFlow()
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        var cl = M(reply).CableLabs;
        if (cl?.Cccv6?.KerberosRealm is not ("BASIC.1" or "BASIC.2")) throw ScenarioContext.Inconclusive("the REPLY does not signal the Basic flow");
        var file = cl.ConfigFileName ?? throw ScenarioContext.Inconclusive("the REPLY names no file");
        var servers = cl.TftpServers ?? [];
        var rrq = await lab.AwaitAsync("TFTP read request from the eUE after its REPLY", Traffic.EueFileRequest, lab.Boot, EvidenceCursor.After(reply),
            missingFails: true, protocol: "tftp");
        if (rrq.Fields.GetValueOrDefault("tftp.source_file")?.TrimStart('/') != file)
            throw lab.Fail("the eUE asks for another file than CL_OPTION_CONFIG_FILE_NAME", expected: file, seen: rrq.Fields.GetValueOrDefault("tftp.source_file") ?? "(none)", rrq);
        if (!servers.Any(s => Same(s, rrq.Local.Address)))
            throw lab.Fail("the eUE asks a TFTP server CL_OPTION_TFTP_SERVERS does not list", expected: string.Join(", ", servers), seen: rrq.Local.Address.ToString(), rrq);
        scenario["basic.rrq"] = rrq;
        lab.Witness(rrq, $"RRQ {file} to {rrq.Local.Address}");
    }

    [Then(@"^the eUE makes no Kerberos KDC lookup$")]
    public void ThenNoKdc()
    {
        var srv = lab.Seen(e => Traffic.From(Traffic.Dns, "QUERY")(e) && e.Fields.GetValueOrDefault("dns.qry.type") == ((ushort)DnsType.Srv).ToString(System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        if (srv is not null) throw lab.Fail("the eUE looked up a KDC in the Basic flow", expected: "no DNS SRV query", seen: srv.Fields.GetValueOrDefault("dns.qry.name") ?? "an SRV query", srv);
        if (lab.Seen(e => e.Service == "kdc" && e.Direction == Direction.Received).FirstOrDefault() is { } kdc)
            throw lab.Fail("the eUE spoke Kerberos in the Basic flow", expected: "no KDC exchange", seen: kdc.Kind, kdc);
        lab.Witness(scenario.Get<EvidenceEvent>("basic.rrq"), "no SRV lookup and no Kerberos before or after the file request");
    }

    [Then(@"^the eUE asks a DNS server from its REPLY for the SRV record of the KDC of (\S+)$")]
    public async Task ThenKdcLookup(string realm)
    {
        var (_, reply) = await wire.FirstLeaseAsync();
        if (!string.Equals(M(reply).CableLabs?.Cccv6?.KerberosRealm, realm, StringComparison.OrdinalIgnoreCase))
            throw ScenarioContext.Inconclusive($"the REPLY does not carry the realm {realm}");
        var servers = M(reply).DnsServers ?? [];
        var srvType = ((ushort)DnsType.Srv).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // eUE-5 follows eUE-4 (with the ToD the eCM got at start-up): the IXIT step bound, and the DAD period.
        var query = await lab.AwaitAsync($"DNS SRV query for the KDC of {realm}",
            e => Traffic.From(Traffic.Dns, "QUERY")(e) && e.Fields.GetValueOrDefault("dns.qry.type") == srvType,
            StepBound + RetransTimer, EvidenceCursor.After(reply), missingFails: true, protocol: "dns");
        var name = query.Fields.GetValueOrDefault("dns.qry.name")?.TrimEnd('.') ?? "";
        if (!name.EndsWith("." + realm, StringComparison.OrdinalIgnoreCase) && !name.Equals(realm, StringComparison.OrdinalIgnoreCase))
            throw lab.Fail("the SRV query is not for the realm the REPLY named", expected: $"an SRV name in {realm}", seen: name, query);
        if (!servers.Any(s => Same(s, query.Local.Address)))
            throw lab.Fail("the SRV query goes to a DNS server the REPLY did not name", expected: string.Join(", ", servers), seen: query.Local.Address.ToString(), query);
        lab.Witness(query, $"eUE-5: SRV {name} to {query.Local.Address}");
    }
}
