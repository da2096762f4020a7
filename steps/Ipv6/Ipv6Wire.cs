using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Servers.Router;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Pcap;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Ipv6;

/// <summary>
/// The figures the IPv6 scenarios judge by, each with its source: RFC 3315 §5.5 (DHCPv6 transmission
/// parameters, RAND of ±0.1 from §14), RFC 2461 §10 / RFC 4861 §10 (router solicitation, RetransTimer),
/// RFC 2462 §5.1 (one DAD probe), RFC 3315 §5.1 and RFC 4291 §2.7 (the groups), and the lab's extra
/// headend address used as "the new server" in renewals.
/// </summary>
public static class Ipv6Facts
{
    public static readonly TimeSpan SolTimeout = TimeSpan.FromSeconds(1), SolMaxRt = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan ReqTimeout = TimeSpan.FromSeconds(1), ReqMaxRt = TimeSpan.FromSeconds(30);
    public const int ReqMaxRc = 10;
    /// <summary>RFC 3315 §14: every RT is drawn within ±10 % of its nominal value.</summary>
    public const double Rand = 0.1;
    /// <summary>RFC 4861 §10 RetransTimer: how long DAD listens after its probe (DupAddrDetectTransmits = 1).</summary>
    public static readonly TimeSpan RetransTimer = TimeSpan.FromSeconds(1);
    public const int MaxRtrSolicitations = 3;
    public static readonly TimeSpan RtrSolicitationInterval = TimeSpan.FromSeconds(4), MaxRtrSolicitationDelay = TimeSpan.FromSeconds(1);
    /// <summary>A capture's timestamps carry the fabric's granularity: comparisons allow this much.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(20);

    public static readonly IPAddress AllDhcpRelayAgentsAndServers = IPAddress.Parse("ff02::1:2");
    public static readonly IPAddress AllRouters = IPAddress.Parse("ff02::2");
    /// <summary>A second IPv6 address of the headend: the "new" DNS or syslog server of a renewal.</summary>
    public static readonly IPAddress SecondServerV6 = IPAddress.Parse("2001:db8:1::2");

    /// <summary>fe80::/64 with the modified EUI-64 identifier of <paramref name="mac"/> (RFC 4291 appendix A, as RFC 3513's).</summary>
    public static IPAddress LinkLocalOf(ReadOnlySpan<byte> mac)
    {
        var a = new byte[16];
        a[0] = 0xFE; a[1] = 0x80;
        a[8] = (byte)(mac[0] ^ 0x02); a[9] = mac[1]; a[10] = mac[2]; a[11] = 0xFF; a[12] = 0xFE; a[13] = mac[3]; a[14] = mac[4]; a[15] = mac[5];
        return new IPAddress(a);
    }

    public static IPAddress SolicitedNodeGroup(IPAddress address) => NeighborDiscoveryFrames.SolicitedNodeGroup(address);

    /// <summary>The address without its scope id (evidence endpoints carry the receiving interface's).</summary>
    public static IPAddress Plain(IPAddress a) =>
        a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && a.ScopeId != 0 ? new IPAddress(a.GetAddressBytes()) : a;

    public static bool Same(IPAddress a, IPAddress b) => Plain(a).Equals(Plain(b));

    public static string Mac(ReadOnlySpan<byte> mac)
    {
        var parts = new string[mac.Length];
        for (int i = 0; i < mac.Length; i++) parts[i] = mac[i].ToString("x2", CultureInfo.InvariantCulture);
        return string.Join(':', parts);
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}

/// <summary>
/// The eUE's IPv6 traffic as the headend saw it: its DHCPv6 messages (service "eue-dhcpv6": the headend tells
/// the eUE from the eCM by the MAC the IXIT names), its router solicitations ("ra") and the neighbour discovery
/// on the link ("nd"). Scenario-scoped; every wait is bounded and says which bound it used.
/// </summary>
public sealed class EueIpv6Wire(Lab lab)
{
    public const string Nd = NeighborDiscoveryWatch.Service;

    public Lab Lab => lab;

    public static Func<EvidenceEvent, bool> FromEue(string kind) => Traffic.From(Traffic.EueDhcpv6, kind);
    public static Func<EvidenceEvent, bool> ToEue(string kind) => Traffic.To(Traffic.EueDhcpv6, kind);
    public static Dhcp6Message Dhcp(EvidenceEvent e) => e.Message<Dhcp6Message>();
    public static NdMessage NdOf(EvidenceEvent e) => e.Message<NdMessage>();

    /// <summary>Neighbour discovery the headend saw from another node, of <paramref name="kind"/> (NS, NA, RS, RA).</summary>
    public static Func<EvidenceEvent, bool> NdFromOthers(string kind) =>
        e => e.Service == Nd && e.Direction == Direction.Received && e.Kind == kind && e.Message is NdMessage;

    /// <summary>The first event from the eUE's DHCPv6 client of <paramref name="kind"/>, after <paramref name="from"/>, within <paramref name="within"/> (default: the IXIT boot time).</summary>
    public Task<EvidenceEvent> AwaitAsync(string kind, EvidenceCursor? from = null, TimeSpan? within = null, bool missingFails = false, string? what = null) =>
        lab.AwaitAsync(what ?? $"DHCPv6 {kind} from the eUE", FromEue(kind), within ?? lab.Boot, from, missingFails, protocol: "dhcpv6");

    public Task<EvidenceEvent> FirstSolicitAsync() => AwaitAsync("SOLICIT", what: "first DHCPv6 SOLICIT from the eUE");

    /// <summary>The eUE's first REQUEST and the REPLY the headend sent to it (same transaction).</summary>
    public async Task<(EvidenceEvent Request, EvidenceEvent Reply)> FirstLeaseAsync(EvidenceCursor? from = null)
    {
        var request = await AwaitAsync("REQUEST", from, what: "DHCPv6 REQUEST from the eUE");
        uint xid = Dhcp(request).TransactionId;
        var reply = await lab.AwaitAsync("headend's REPLY to the eUE's REQUEST",
            e => ToEue("REPLY")(e) && Dhcp(e).TransactionId == xid, lab.Boot, EvidenceCursor.After(request));
        return (request, reply);
    }

    /// <summary>The address the REPLY leased (its first IA_NA address).</summary>
    public IPAddress LeasedAddress(EvidenceEvent reply) =>
        Dhcp(reply).IaNa?.Addresses.FirstOrDefault()?.Address
        ?? throw lab.Fail("the REPLY the eUE took leases no address", expected: "an IA_NA address", seen: "none", reply);

    /// <summary>The eUE's link-local address as its DHCPv6 messages show it (their source).</summary>
    public static IPAddress SourceOf(EvidenceEvent e) => Ipv6Facts.Plain(e.Peer.Address);

    /// <summary>Neighbour discovery judged from the capture needs a fabric that captures it; elsewhere the verdict cannot be reached.</summary>
    public void RequireNeighborDiscoveryCapture()
    {
        if (lab.Headend.NeighborDiscovery is { SeesDuplicateAddressDetection: true }) return;
        throw ScenarioContext.Inconclusive("this bench's fabric does not capture neighbour solicitations and advertisements; judge duplicate address detection from an external capture");
    }

    /// <summary>Every event whose source is <paramref name="address"/> as the headend saw it (DHCP, DNS, TFTP, syslog, ND, RS…).</summary>
    public IReadOnlyList<EvidenceEvent> SentFrom(IPAddress address, EvidenceCursor? from = null) =>
        lab.Seen(e => e.Direction == Direction.Received && e.Error is null && e.Service != "device" && SourceIs(e, address), from);

    public static bool SourceIs(EvidenceEvent e, IPAddress address) =>
        e.Message is NdMessage nd ? Ipv6Facts.Same(nd.Source, address) : Ipv6Facts.Same(e.Peer.Address, address);

    /// <summary>
    /// Lets the fabric run for <paramref name="span"/> after <paramref name="from"/>'s last event and fails on the
    /// first event <paramref name="forbidden"/> selects (the absence of an event is the thing judged).
    /// </summary>
    public async Task AwaitSilenceAsync(string what, Func<EvidenceEvent, bool> forbidden, EvidenceCursor from, DateTimeOffset until, string? protocol = null)
    {
        var malformed = protocol is null ? null : Traffic.Undecodable(protocol);
        bool Match(EvidenceEvent e) => e.At <= until && (forbidden(e) || malformed?.Invoke(e) == true);
        var remaining = until - Now;
        var found = remaining > TimeSpan.Zero
            ? await lab.Evidence.WaitForAsync(Match, remaining, from, lab.Scenario.Cancellation)
            : lab.Seen(Match, from).FirstOrDefault();
        if (found is null) return;
        if (malformed?.Invoke(found) == true && !forbidden(found))
            throw lab.Fail($"the device sent a {protocol} message that does not decode: {found.Error}", expected: $"no {what}", seen: "malformed bytes", found);
        throw lab.Fail($"the eUE sent {what}", expected: $"no {what} until {until:HH:mm:ss.fff}", seen: $"{found.Kind} at {found.At:HH:mm:ss.fff}", found);
    }

    public DateTimeOffset Now => lab.Network.Fabric.Clock.GetUtcNow();

    public PhysicalAddress EueMac => lab.EueMac;
}
