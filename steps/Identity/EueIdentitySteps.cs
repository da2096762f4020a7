using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Ipv6;
using static EUeConformance.Steps.Ipv6.Ipv6Facts;

namespace EUeConformance.Steps.Identity;

/// <summary>
/// EUE-PROV 6.2.1.2: the eUE as a host of its own beside the eCM, in either mode, judged from the two DHCP
/// exchanges the headend answered (the eCM's and the eUE's, told apart by the MACs the IXIT names) and from the
/// traffic that follows: its MAC, its address and subnet, its configuration file, and (IPv6) which source
/// address each protocol uses.
/// </summary>
[Binding]
public sealed class EueIdentitySteps(Lab lab, LabPlan plan, EueIpv6Wire wire)
{
    bool Ipv6 => plan.EueIpPreference == IpPreference.Ipv6;

    /// <summary>The eUE's lease: the DHCPv4 ACK or the DHCPv6 REPLY to its REQUEST, and the address in it.</summary>
    async Task<(EvidenceEvent Event, IPAddress Address)> EueLeaseAsync()
    {
        if (Ipv6)
        {
            var (_, reply) = await wire.FirstLeaseAsync();
            return (reply, wire.LeasedAddress(reply));
        }
        var ack = await lab.AwaitAsync("DHCPv4 ACK to the eUE", Traffic.To(Traffic.EueDhcpv4, "ACK"), lab.Boot);
        return (ack, IPAddress.Parse(ack.Fields["dhcp.ip.your"]));
    }

    /// <summary>The eCM's lease: its address and its subnet (DHCPv4: option 1; DHCPv6: the /64 the router advertises).</summary>
    (EvidenceEvent Event, IPAddress Address, int PrefixLength) EcmLease(AddressFamily family)
    {
        if (family == AddressFamily.InterNetwork)
        {
            var ack = lab.Seen(Traffic.To(Traffic.EcmDhcpv4, "ACK")).LastOrDefault() ?? throw ScenarioContext.Inconclusive("the eCM got no IPv4 lease to compare with");
            var m = ack.Message<DhcpMessage>();
            var mask = m.SubnetMask ?? IPAddress.Parse("255.255.255.0");
            int bits = mask.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b));
            return (ack, m.YiAddr, bits);
        }
        var reply = lab.Seen(e => Traffic.To(Traffic.EcmDhcpv6, "REPLY")(e) && e.Message is Dhcp6Message { IaNa: not null }).LastOrDefault()
            ?? throw ScenarioContext.Inconclusive("the eCM got no IPv6 lease to compare with");
        var prefix = lab.Seen(Traffic.To(Traffic.Router, "RA")).Select(e => e.Fields.GetValueOrDefault("icmpv6.opt.prefix")).LastOrDefault(p => p is not null);
        int length = prefix is not null && int.TryParse(prefix.Split(',')[0].Split('/')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 64;
        return (reply, reply.Message<Dhcp6Message>().IaNa!.Addresses[0].Address, length);
    }

    static bool SameSubnet(IPAddress a, IPAddress b, int bits)
    {
        var x = a.GetAddressBytes();
        var y = b.GetAddressBytes();
        for (int i = 0; i < bits; i++)
            if (((x[i / 8] ^ y[i / 8]) & (0x80 >> (i % 8))) != 0) return false;
        return true;
    }

    // ---------------------------------------------------------------- bullet 1: a MAC of its own

    [Then(@"^every MAC the eUE presents differs from the eCM's$")]
    public async Task ThenOwnMac()
    {
        var (lease, _) = await EueLeaseAsync();
        var ecm = new List<(string Mac, EvidenceEvent Where)>();
        foreach (var e in lab.Seen(Traffic.From(Traffic.EcmDhcpv4, "DISCOVER"))) ecm.Add((e.Fields["dhcp.hw.mac_addr"], e));
        foreach (var e in lab.Seen(Traffic.From(Traffic.EcmDhcpv6, "SOLICIT")))
            if (e.Message<Dhcp6Message>().ClientId?.LinkLayerAddress is { } ll) ecm.Add((Mac(ll.Span), e));
        if (ecm.Count == 0) throw ScenarioContext.Inconclusive("the eCM's DHCP exchange shows no MAC to compare with");

        var eue = new List<(string What, string Mac, EvidenceEvent Where)>();
        if (Ipv6)
        {
            foreach (var e in lab.Seen(EueIpv6Wire.FromEue("SOLICIT")))
            {
                var m = e.Message<Dhcp6Message>();
                if (m.ClientId?.LinkLayerAddress is { } ll) eue.Add(("the link-layer address in its DUID", Mac(ll.Span), e));
                if (m.CableLabs?.DeviceId is { Length: 6 } id) eue.Add(("CL_OPTION_DEVICE_ID", Mac(id.Span), e));
                foreach (var nd in lab.Seen(x => EueIpv6Wire.NdFromOthers("RS")(x) && Same(EueIpv6Wire.NdOf(x).Source, EueIpv6Wire.SourceOf(e))))
                    eue.Add(("the source of its frames", Mac(EueIpv6Wire.NdOf(nd).SourceMac), nd));
            }
        }
        else
        {
            foreach (var e in lab.Seen(Traffic.From(Traffic.EueDhcpv4, "DISCOVER")))
            {
                eue.Add(("chaddr", e.Fields["dhcp.hw.mac_addr"], e));
                // RFC 4361: option 61 holds type 255, an IAID and a DUID, whose link-layer address counts too.
                if (e.Message<DhcpMessage>().GetOption(DhcpOptionCode.ClientIdentifier)?.ToArray() is { Length: > 5 } cid && cid[0] == 255
                    && Duid.LayoutProblem(cid.AsSpan(5)) is null && Duid.FromBytes(cid.AsSpan(5)).LinkLayerAddress is { } ll)
                    eue.Add(("the DUID in option 61", Mac(ll.Span), e));
            }
        }
        if (eue.Count == 0) throw ScenarioContext.Inconclusive("the eUE's DHCP exchange shows no MAC");
        foreach (var (what, mac, where) in eue)
            if (ecm.FirstOrDefault(x => string.Equals(x.Mac, mac, StringComparison.OrdinalIgnoreCase)) is { Where: not null } same)
                throw lab.Fail($"the eUE presents the eCM's MAC as {what}", expected: "a MAC other than the eCM's", seen: mac, where);
        lab.Witness(lease, $"eUE MACs: {string.Join(", ", eue.Select(x => $"{x.What} {x.Mac}").Distinct())}; eCM: {string.Join(", ", ecm.Select(x => x.Mac).Distinct())}");
    }

    // ---------------------------------------------------------------- bullet 2: an IP address of its own

    [Then(@"^the eUE's leased address is none of the eCM's$")]
    public async Task ThenOwnAddress()
    {
        var (lease, address) = await EueLeaseAsync();
        var ecm = EueTraffic.EcmAddresses(lab);
        if (ecm.Count == 0) throw ScenarioContext.Inconclusive("the eCM got no lease to compare with");
        if (ecm.Any(a => Same(a, address)))
            throw lab.Fail("the eUE's leased address is one of the eCM's", expected: $"none of {string.Join(", ", ecm)}", seen: address.ToString(), lease);
        lab.Witness(lease, $"eUE {address}; eCM {string.Join(", ", ecm)}");
    }

    [Then(@"^the eUE sends its provisioning traffic from its leased address$")]
    public async Task ThenTrafficFromOwnAddress()
    {
        var (_, address) = await EueLeaseAsync();
        var file = await EueFileAsync();
        var rrq = await lab.AwaitAsync($"TFTP request from the eUE for {file}", e => Traffic.From(Traffic.Tftp, "RRQ")(e) && FileOf(e) == file, lab.Boot, protocol: "tftp");
        var ecm = EueTraffic.EcmAddresses(lab);
        if (!Same(rrq.Peer.Address, address))
            throw lab.Fail("the eUE requests its configuration file from another address than its own lease", expected: address.ToString(), seen: rrq.Peer.Address.ToString(), rrq);
        foreach (var e in lab.Seen(x => x.Direction == Direction.Received && x.Error is null && x.Service is Traffic.Dns or Traffic.Syslog or Traffic.Http or Traffic.ProvisioningSnmp))
            if (!Same(e.Peer.Address, address))
                throw lab.Fail(EueTraffic.FromAny(e, ecm) ? "the eUE's traffic comes from an eCM address" : "the eUE's traffic comes from an address not leased to it",
                    expected: address.ToString(), seen: e.Peer.Address.ToString(), e);
        lab.Witness(rrq, $"configuration file request from {address}");
    }

    // ---------------------------------------------------------------- bullet 3: same or another subnet

    [Then(@"^the eUE's leased address is (in|outside) the eCM's subnet$")]
    public async Task ThenSubnet(string relation)
    {
        var (lease, address) = await EueLeaseAsync();
        var (ecmLease, ecmAddress, bits) = EcmLease(address.AddressFamily);
        bool same = SameSubnet(address, ecmAddress, bits);
        if (same != (relation == "in"))
            throw ScenarioContext.Inconclusive($"the headend leased the eUE {address}, {(same ? "in" : "outside")} the eCM's {ecmAddress}/{bits}: not the case the scenario sets up");
        lab.Witness(ecmLease, $"the eCM: {ecmAddress}/{bits}");
        lab.Witness(lease, $"the eUE: {address}, {relation} that subnet");
    }

    [Then(@"^the eUE downloads its configuration file in full from its leased address$")]
    public async Task ThenDownloads()
    {
        var (lease, address) = await EueLeaseAsync();
        var file = await EueFileAsync();
        // Leased, the eUE must go on to its file: a device that stops here has not provisioned (the IXIT boot bound).
        var rrq = await lab.AwaitAsync($"TFTP request from the eUE for {file}", e => Traffic.From(Traffic.Tftp, "RRQ")(e) && FileOf(e) == file, lab.Boot,
            EvidenceCursor.After(lease), missingFails: true, protocol: "tftp");
        if (!Same(rrq.Peer.Address, address))
            throw lab.Fail("the eUE requests its file from another address than its lease", expected: address.ToString(), seen: rrq.Peer.Address.ToString(), rrq);
        // RFC 1350: the transfer ends with a DATA shorter than the block size, acknowledged by the client.
        int blksize = rrq.Fields.GetValueOrDefault("tftp.option.name")?.Split(',') is { } names && Array.IndexOf(names, "blksize") is >= 0 and var i
            && int.TryParse(rrq.Fields["tftp.option.value"].Split(',')[i], NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 512;
        var last = await lab.AwaitAsync("last DATA block of the eUE's file",
            e => Traffic.To(Traffic.Tftp, "DATA")(e) && e.Peer.Equals(rrq.Peer) && int.Parse(e.Fields["tftp.data.length"], CultureInfo.InvariantCulture) < blksize,
            lab.Boot, EvidenceCursor.After(rrq));
        var block = last.Fields["tftp.block"];
        var ack = await lab.AwaitAsync($"acknowledgement of block {block} from the eUE",
            e => Traffic.From(Traffic.Tftp, "ACK")(e) && e.Peer.Equals(rrq.Peer) && e.Fields.GetValueOrDefault("tftp.block") == block,
            lab.Boot, EvidenceCursor.After(last), protocol: "tftp");
        lab.Witness(ack, $"{file} received in full by {address}");
    }

    // ---------------------------------------------------------------- bullet 4 (IPv6): link-local offers; bullet 5: its own file

    static string? FileOf(EvidenceEvent rrq) => rrq.Fields.GetValueOrDefault("tftp.source_file")?.TrimStart('/');

    /// <summary>The file DHCP named to the eUE: the ACK's 'file' (IPv4 Basic flow), CL_OPTION_CONFIG_FILE_NAME in the REPLY (IPv6).</summary>
    async Task<string> EueFileAsync()
    {
        var (lease, _) = await EueLeaseAsync();
        var name = Ipv6 ? lease.Message<Dhcp6Message>().CableLabs?.ConfigFileName : lease.Fields.GetValueOrDefault("dhcp.file");
        return name?.TrimStart('/') ?? throw ScenarioContext.Inconclusive("DHCP named no configuration file to the eUE (the scenario needs the Basic flow)");
    }

    string? EcmFile()
    {
        if (lab.Seen(Traffic.To(Traffic.EcmDhcpv4, "ACK")).LastOrDefault() is { } ack) return ack.Fields.GetValueOrDefault("dhcp.file")?.TrimStart('/');
        if (lab.Seen(Traffic.To(Traffic.EcmDhcpv6, "REPLY")).LastOrDefault() is { } reply) return reply.Message<Dhcp6Message>().CableLabs?.ConfigFileName?.TrimStart('/');
        return null;
    }

    [Then(@"^the eUE fetches the configuration file named to it, from its own address, and never the eCM's file$")]
    public async Task ThenOwnFile()
    {
        var (_, address) = await EueLeaseAsync();
        var file = await EueFileAsync();
        var ecmFile = EcmFile() ?? throw ScenarioContext.Inconclusive("the eCM was named no configuration file to compare with");
        if (ecmFile == file) throw ScenarioContext.Inconclusive($"the operator named the same file ({file}) to both; the scenario needs them to differ");
        var rrq = await lab.AwaitAsync($"TFTP request from the eUE for {file}", e => Traffic.From(Traffic.Tftp, "RRQ")(e) && Same(e.Peer.Address, address), lab.Boot, protocol: "tftp");
        if (FileOf(rrq) != file)
            throw lab.Fail("the eUE asks for another file than the one named to it", expected: file, seen: FileOf(rrq) ?? "(none)", rrq);
        foreach (var e in lab.Seen(x => (Traffic.From(Traffic.Tftp, "RRQ")(x) || Traffic.From(Traffic.Http, "GET")(x)) && Same(x.Peer.Address, address)))
            if (FileOf(e) == ecmFile || e.Fields.Values.Any(v => v.EndsWith("/" + ecmFile, StringComparison.Ordinal)))
                throw lab.Fail("the eUE fetches the eCM's DOCSIS configuration file", expected: $"only {file}", seen: ecmFile, e);
        lab.Witness(rrq, $"the eUE's own file {file} (the eCM's is {ecmFile})");
    }

    // ---------------------------------------------------------------- bullets 11 and 12 (IPv6): which source for what

    [When(@"^the eUE has reported provisioning complete by syslog$")]
    public async Task WhenSyslogged()
    {
        var ecm = EueTraffic.EcmAddresses(lab);
        await lab.AwaitAsync("provisioning-complete syslog message from the eUE", e => Traffic.From(Traffic.Syslog, "MSG")(e) && !EueTraffic.FromAny(e, ecm), lab.Boot, protocol: "syslog");
    }

    [When(@"^the eUE has looked up its provisioning server$")]
    public async Task WhenLookedUp() =>
        await lab.AwaitAsync("DNS query from the eUE for its provisioning server", Traffic.From(Traffic.Dns, "QUERY"), lab.Boot, protocol: "dns");

    [Then(@"^the eUE sent nothing but DHCPv6 and neighbour discovery from its link-local address$")]
    public async Task ThenLinkLocalOnlyForDhcp()
    {
        var solicit = await wire.FirstSolicitAsync();
        var linkLocal = EueIpv6Wire.SourceOf(solicit);
        if (!linkLocal.IsIPv6LinkLocal) throw ScenarioContext.Inconclusive($"the eUE's SOLICIT comes from {linkLocal}, not a link-local address");
        var other = wire.SentFrom(linkLocal).FirstOrDefault(e => e.Service is not (Traffic.EueDhcpv6 or Traffic.Router or EueIpv6Wire.Nd));
        if (other is not null)
            throw lab.Fail("the eUE used its link-local address for a protocol that does not need it", expected: "only DHCPv6 and neighbour/router discovery from it", seen: EueTraffic.Describe(other), other);
        lab.Witness(solicit, $"from {linkLocal}: {string.Join(", ", wire.SentFrom(linkLocal).Select(e => e.Service).Distinct())} only");
    }

    [Then(@"^the eUE's DNS, TFTP and syslog traffic comes from the global address its REPLY leased$")]
    public async Task ThenGlobalForTheRest()
    {
        var (reply, leased) = await EueLeaseAsync();
        var ecm = EueTraffic.EcmAddresses(lab);
        var seen = new HashSet<string>();
        foreach (var e in lab.Seen(x => x.Direction == Direction.Received && x.Error is null && x.Service is Traffic.Dns or Traffic.Tftp or Traffic.Syslog or Traffic.Http or Traffic.ProvisioningSnmp or "kdc"
                                        && !EueTraffic.FromAny(x, ecm)))
        {
            if (!Same(e.Peer.Address, leased))
                throw lab.Fail($"the eUE's {e.Service} traffic does not come from its leased global address", expected: leased.ToString(), seen: e.Peer.Address.ToString(), e);
            seen.Add(e.Service);
        }
        foreach (var needed in new[] { Traffic.Dns, Traffic.Tftp, Traffic.Syslog })
            if (!seen.Contains(needed)) throw ScenarioContext.Inconclusive($"the eUE sent no {needed} traffic to judge");
        lab.Witness(reply, $"{string.Join(", ", seen.Order())} all from {leased}");
    }
}
