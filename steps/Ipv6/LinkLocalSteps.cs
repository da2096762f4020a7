using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv6.Ipv6Facts;

namespace EUeConformance.Steps.Ipv6;

/// <summary>
/// EUE-PROV 6.3.4 and 6.3.4.1 from the link: the link-local address the eUE forms (fe80::/64 and the modified
/// EUI-64 of its MAC), the duplicate address detection probe before it uses it (RFC 2462 §5.4: a Neighbor
/// Solicitation from :: to the solicited-node group, then RetransTimer of listening), the order of the phases,
/// and the eUE's silence after another node defended the address.
/// </summary>
[Binding]
public sealed class LinkLocalSteps(Lab lab, EueIpv6Wire wire, ScenarioContext scenario)
{
    public const string ConflictAddress = "conflict.address";
    const string ConflictDefence = "conflict.defence";

    /// <summary>The eUE's link-local address: the source of its first SOLICIT (RFC 3315 §16: DHCPv6 clients send from it).</summary>
    async Task<(IPAddress LinkLocal, EvidenceEvent Solicit)> LinkLocalAsync()
    {
        var solicit = await wire.FirstSolicitAsync();
        var source = EueIpv6Wire.SourceOf(solicit);
        if (!source.IsIPv6LinkLocal)
            throw lab.Fail("the eUE's SOLICIT does not come from a link-local address", expected: "a source in fe80::/10", seen: source.ToString(), solicit);
        return (source, solicit);
    }

    /// <summary>The last DAD probe for <paramref name="address"/> before <paramref name="before"/>, checked for its addressing.</summary>
    EvidenceEvent Probe(IPAddress address, EvidenceEvent before, EvidenceCursor? from = null)
    {
        var probes = lab.Seen(e => EueIpv6Wire.NdFromOthers("NS")(e) && EueIpv6Wire.NdOf(e) is { IsDadProbe: true } nd && nd.Target is { } t && Same(t, address), from)
            .Where(e => e.Sequence < before.Sequence).ToList();
        if (probes.Count == 0)
            throw lab.Fail($"the eUE used {address} without probing it with duplicate address detection first",
                expected: $"a Neighbor Solicitation from :: with target {address} before the first packet from it", seen: $"first use: {before.Service} {before.Kind}", before);
        var probe = probes[^1];
        var nd = EueIpv6Wire.NdOf(probe);
        var group = SolicitedNodeGroup(address);
        if (!nd.Destination.Equals(group))
            throw lab.Fail("the DAD probe does not go to the target's solicited-node group", expected: group.ToString(), seen: nd.Destination.ToString(), probe);
        if (nd.HopLimit != 255)
            throw lab.Fail("the DAD probe's hop limit is not 255 (RFC 4861 §7.1.1)", expected: "255", seen: nd.HopLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), probe);
        return probe;
    }

    /// <summary>The first event the headend saw coming from <paramref name="address"/>.</summary>
    EvidenceEvent FirstUse(IPAddress address, EvidenceEvent fallback, EvidenceCursor? from = null) =>
        wire.SentFrom(address, from).FirstOrDefault() ?? fallback;

    [Then(@"^the eUE probes its link-local address with duplicate address detection before it sends anything from it$")]
    public async Task ThenLinkLocalDad()
    {
        var (linkLocal, solicit) = await LinkLocalAsync();
        wire.RequireNeighborDiscoveryCapture();
        var firstUse = FirstUse(linkLocal, solicit);
        var probe = Probe(linkLocal, firstUse);
        var waited = firstUse.At - probe.At;
        if (waited < RetransTimer - Slack - lab.Allowance)
            throw lab.Fail($"the eUE used its link-local address {Seconds(waited)} after probing it, before DAD could end",
                expected: $"at least RetransTimer ({Seconds(RetransTimer)}) between the probe and the first use{lab.AllowanceNote}", seen: Seconds(waited), firstUse);
        lab.Witness(probe, $"DAD probe for {linkLocal}");
        lab.Witness(firstUse, $"first packet from {linkLocal}, {Seconds(waited)} after the probe");
    }

    [Then(@"^the eUE solicits a router only after duplicate address detection on its link-local address has ended$")]
    public async Task ThenRsAfterDad()
    {
        var (linkLocal, solicit) = await LinkLocalAsync();
        wire.RequireNeighborDiscoveryCapture();
        // RFC 2461 §6.3.7 allows an RS from :: before DAD ends; an RS from the tentative address is what must wait.
        var rs = lab.Seen(e => EueIpv6Wire.NdFromOthers("RS")(e) && Same(EueIpv6Wire.NdOf(e).Source, linkLocal)).FirstOrDefault(e => e.Sequence < solicit.Sequence)
            ?? throw lab.Fail("the eUE solicited DHCPv6 servers without a Router Solicitation from its link-local address", expected: "an RS before the SOLICIT", seen: "none", solicit);
        var probe = Probe(linkLocal, rs);
        var waited = rs.At - probe.At;
        if (waited < RetransTimer - Slack - lab.Allowance)
            throw lab.Fail("the eUE sent a Router Solicitation from its link-local address before DAD on it ended",
                expected: $"the RS at least {Seconds(RetransTimer)} after the probe{lab.AllowanceNote}", seen: Seconds(waited), rs);
        lab.Witness(rs, $"Router Solicitation {Seconds(waited)} after the DAD probe");
    }

    [Then(@"^the eUE sends its first SOLICIT only after the router advertised with the M flag set$")]
    public async Task ThenSolicitAfterManagedRa()
    {
        var (linkLocal, solicit) = await LinkLocalAsync();
        // The eUE's router discovery starts with its first RS (from :: or from its link-local address).
        var firstRs = lab.Seen(e => Traffic.From(Traffic.Router, "RS")(e) && (Same(e.Peer.Address, linkLocal) || Same(e.Peer.Address, IPAddress.IPv6Any)))
            .FirstOrDefault(e => e.Sequence < solicit.Sequence)
            ?? throw lab.Fail("the eUE solicited DHCPv6 servers without soliciting a router first", expected: "a Router Solicitation before the SOLICIT", seen: "none", solicit);
        var managed = lab.Seen(e => Traffic.To(Traffic.Router, "RA")(e) && e.Fields.GetValueOrDefault("icmpv6.nd.ra.flag.m") == "1", EvidenceCursor.After(firstRs))
            .FirstOrDefault(e => e.Sequence < solicit.Sequence)
            ?? throw lab.Fail("the eUE sent its SOLICIT before any Router Advertisement with the M flag set reached it",
                expected: "an RA with M=1 between the eUE's first RS and its SOLICIT", seen: "none", solicit);
        lab.Witness(managed, "the valid RA (M=1) the eUE waited for");
        lab.Witness(solicit, "the first SOLICIT, after it");
    }

    [Then(@"^the eUE's link-local address is fe80::/64 followed by the modified EUI-64 of the MAC it names in CL_OPTION_DEVICE_ID$")]
    public async Task ThenEui64()
    {
        var (linkLocal, solicit) = await LinkLocalAsync();
        var mac = EueIpv6Wire.Dhcp(solicit).CableLabs?.DeviceId?.ToArray();
        if (mac is not { Length: 6 })
            throw lab.Fail("the SOLICIT names no 6-octet MAC in CL_OPTION_DEVICE_ID to derive the identifier from", expected: "CL_OPTION_DEVICE_ID (36), 6 octets", seen: mac is null ? "absent" : $"{mac.Length} octets", solicit);
        var expected = LinkLocalOf(mac);
        if (!Same(linkLocal, expected))
            throw lab.Fail("the eUE's link-local address is not fe80::/64 with the modified EUI-64 of its MAC", expected: expected.ToString(), seen: linkLocal.ToString(), solicit);
        // Where the link's frames are captured: the probe and the RS carry the same address, from that MAC.
        if (lab.Headend.NeighborDiscovery is { SeesDuplicateAddressDetection: true })
        {
            foreach (var e in lab.Seen(x => x.Service == EueIpv6Wire.Nd && x.Direction == Direction.Received && x.Message is Protocols.Pcap.NdMessage nd
                         && (Same(nd.Source, linkLocal) || nd is { IsDadProbe: true, Target: { } t } && Same(t, linkLocal))))
            {
                var nd = EueIpv6Wire.NdOf(e);
                if (!nd.SourceMac.AsSpan().SequenceEqual(mac))
                    throw lab.Fail("a frame for the eUE's link-local address comes from another MAC than the one in CL_OPTION_DEVICE_ID",
                        expected: Mac(mac), seen: Mac(nd.SourceMac), e);
            }
        }
        lab.Witness(solicit, $"SOLICIT from {linkLocal}, CL_OPTION_DEVICE_ID {Mac(mac)}");
    }

    // ---------------------------------------------------------------- conflicts

    [Then(@"^the other node defends the (?:eUE's link-local address|address leased to the eUE) against the eUE's probe$")]
    public async Task ThenDefended()
    {
        var address = scenario.Get<IPAddress>(ConflictAddress);
        var probe = await lab.AwaitAsync($"DAD probe for {address} from the eUE",
            e => EueIpv6Wire.NdFromOthers("NS")(e) && EueIpv6Wire.NdOf(e) is { IsDadProbe: true, Target: { } t } && Same(t, address), lab.Boot);
        wire.RequireNeighborDiscoveryCapture();
        var defence = await lab.AwaitAsync($"headend's Neighbor Advertisement defending {address}",
            e => e.Service == EueIpv6Wire.Nd && e.Direction == Direction.Sent && e.Kind == "NA" && EueIpv6Wire.NdOf(e).Target is { } t && Same(t, address),
            RetransTimer, EvidenceCursor.After(probe));
        scenario[ConflictDefence] = defence;
        scenario["conflict.probe"] = probe;
        lab.Witness(probe, $"the eUE's probe for {address}");
        lab.Witness(defence, "the defence");
    }

    EvidenceEvent Defence() => scenario.Get<EvidenceEvent>(ConflictDefence);

    [Then(@"^for (\d+) seconds after the conflict the eUE sends no Router Solicitation and no SOLICIT$")]
    public async Task ThenHalted(int seconds)
    {
        var defence = Defence();
        var eueMac = EueIpv6Wire.NdOf(scenario.Get<EvidenceEvent>("conflict.probe")).SourceMac;
        await wire.AwaitSilenceAsync("a Router Solicitation or a SOLICIT after its link-local address conflict",
            e => EueIpv6Wire.FromEue("SOLICIT")(e)
                 || EueIpv6Wire.NdFromOthers("RS")(e) && EueIpv6Wire.NdOf(e).SourceMac.AsSpan().SequenceEqual(eueMac)
                 || Traffic.From(Traffic.Router, "RS")(e) && (Same(e.Peer.Address, IPAddress.IPv6Any) || Same(e.Peer.Address, scenario.Get<IPAddress>(ConflictAddress))),
            EvidenceCursor.After(defence), defence.At + TimeSpan.FromSeconds(seconds), protocol: "dhcpv6");
        lab.Witness(defence, $"the conflict; nothing from the eUE's IPv6 start-up for {seconds} s after it");
    }

    [Then(@"^for (\d+) seconds after the conflict the eUE neither sends from the conflicting address nor advertises it as its own$")]
    public async Task ThenAddressNotUsed(int seconds)
    {
        var defence = Defence();
        var address = scenario.Get<IPAddress>(ConflictAddress);
        await wire.AwaitSilenceAsync($"a packet from, or an advertisement of, {address}",
            e => e.Direction == Direction.Received && e.Service != "device" && EueIpv6Wire.SourceIs(e, address)
                 || EueIpv6Wire.NdFromOthers("NA")(e) && EueIpv6Wire.NdOf(e).Target is { } t && Same(t, address),
            EvidenceCursor.After(defence), defence.At + TimeSpan.FromSeconds(seconds));
        // An eUE that keeps the address configured may just stay quiet: the other node leaves the link and the headend
        // probes the address (RFC 4862 §5.4.2); a Neighbor Advertisement in answer shows the eUE still holds it (6.3.4.1 bullet 3).
        await lab.Network.Fabric.InvokeAsync(() => { lab.Headend.Host.RemoveAddress(address); return Task.CompletedTask; });
        var mark = lab.Evidence.Cursor;
        if (await lab.Headend.ProbeNeighborAsync(address, scenario.Cancellation))
            throw lab.Fail($"after the conflict the eUE kept {address} configured: it defended it once the other node had left",
                expected: "no Neighbor Advertisement for the address it had to leave unassigned", seen: $"a Neighbor Advertisement for {address}",
                lab.Seen(e => e.Service == Headend.Servers.Router.NeighborProbe.Service, mark).LastOrDefault());
        lab.Witness(defence, $"the conflict; nothing from or for {address} for {seconds} s after it, and no answer to a probe for it once the other node had left");
    }

    [Then(@"^the eUE never sends anything from the conflicting address$")]
    public async Task ThenNeverFromConflict()
    {
        var address = scenario.Get<IPAddress>(ConflictAddress);
        // Let provisioning go on with the next address, then look back over everything.
        var rrq = await lab.AwaitAsync("configuration file request with its next address from the eUE", Traffic.EueFileRequest, lab.Boot, protocol: "tftp");
        if (wire.SentFrom(address).FirstOrDefault() is { } used)
            throw lab.Fail($"the eUE sent from the address {address} it found in use", expected: $"nothing from {address}", seen: $"{used.Service} {used.Kind}", used);
        lab.Witness(rrq, $"provisioning went on from {EueIpv6Wire.SourceOf(rrq)}; nothing came from {address}");
    }
}
