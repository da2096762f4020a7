using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Profile;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Bed.LabAddresses;

namespace EUeConformance.Steps.Ecm;

/// <summary>
/// What the eCM scenarios share (EUE-PROV 6.3.1 Tables 2 and 3, 6.3.2, 6.4.1): the DOCSIS servers' names, the eUE
/// DHCP server identities, how an edit of the eCM's DHCP replies is put in place (before the device starts, or on
/// the running headend), and the questions every step asks of the evidence: what did the eCM send, what did the
/// eUE send, from which address. The eCM is told apart from the eUE by its MAC (the headend's services
/// "ecm-dhcpv4" / "ecm-dhcpv6") and by the addresses its leases gave it; nothing here reads the device's inside.
/// Scenario-scoped (injected).
/// </summary>
public sealed class EcmBed(Lab lab, LabPlan plan, DutProfile profile, ScenarioContext scenario)
{
    /// <summary>The DOCSIS DHCP server every scenario has, and the second one some add (Table 2 CM2: "one or more").</summary>
    public const string FirstDocsisServer = "docsis", SecondDocsisServer = "docsis-2";

    /// <summary>An eUE DHCP server the eCM is never told about (6.3.2.2: reachable only with 255.255.255.255 / FFFFFFFF).</summary>
    public const string RogueServer = "rogue";

    /// <summary>An eUE DHCPv6 server whose DSS_ID is exactly 32 octets (6.4.1.2: the longest a server may send).</summary>
    public const string LongDssServer = "long-dss";
    public static readonly DssId LongDssId = DssId.FromAscii("EUECONF-DSS-ID-OF-EXACTLY-32-OCT");
    public static readonly byte[] LongDssTail = "-EXTRA!!"u8.ToArray();

    public Lab Lab => lab;
    public LabPlan Plan => plan;
    public DutProfile Profile => profile;
    public ScenarioContext Scenario => scenario;

    /// <summary>The modes the eCM's DHCP runs in this scenario (both for a dual-stack eCM).</summary>
    public IEnumerable<IpAddressingMode> EcmFamilies
    {
        get
        {
            if (plan.EcmProvisioning.Modes.SupportsIpv4()) yield return IpAddressingMode.Ipv4;
            if (plan.EcmProvisioning.Modes.SupportsIpv6()) yield return IpAddressingMode.Ipv6;
        }
    }

    /// <summary>The family of the eCM's primary DHCP server (the only one for a single-stack eCM).</summary>
    public IpAddressingMode EcmPrimary => plan.EcmProvisioning.Primary;

    public static IpAddressingMode Mode(string text) => text == "IPv4" ? IpAddressingMode.Ipv4 : IpAddressingMode.Ipv6;

    public static string EcmService(IpAddressingMode family) => family == IpAddressingMode.Ipv4 ? Traffic.EcmDhcpv4 : Traffic.EcmDhcpv6;

    /// <summary>The kinds of an eCM server's offer and final answer in <paramref name="family"/>.</summary>
    public static (string Offer, string Answer) ReplyKinds(IpAddressingMode family) =>
        family == IpAddressingMode.Ipv4 ? ("OFFER", "ACK") : ("ADVERTISE", "REPLY");

    // ---------------------------------------------------------------- scripting the headend

    /// <summary>
    /// Puts overrides on the eCM's DHCP server of <paramref name="family"/>: into the plan before the network
    /// starts, or straight onto the running server.
    /// </summary>
    public void OnEcmServer(IpAddressingMode family, params Override[] overrides)
    {
        if (lab.Started) Add(lab.Headend);
        else plan.HeadendSetup.Add(Add);

        void Add(Headend.Composition.Headend h) =>
            (family == IpAddressingMode.Ipv4 ? h.EcmDhcpV4.Overrides : h.EcmDhcpV6.Overrides).Add(overrides);
    }

    /// <summary>The same edit on both of a server's answers (OFFER and ACK, ADVERTISE and REPLY), or on one kind only.</summary>
    public void EditEcmReplies(IpAddressingMode family, Func<string, IEnumerable<Override>> forKind, string? onlyKind = null)
    {
        var (offer, answer) = ReplyKinds(family);
        foreach (var kind in onlyKind is null ? [offer, answer] : new[] { onlyKind })
            OnEcmServer(family, [.. forKind(kind)]);
    }

    /// <summary>Leave the option at <paramref name="path"/> out of the eCM server's replies (of <paramref name="identity"/> only, when given).</summary>
    public static Override Omit(string kind, string path, string? identity = null) =>
        new OmitOption(Selector(kind, identity), OptionPath.Parse(path));

    public static Override Set(string kind, string path, byte[] value, string? identity = null) =>
        new SetOption(Selector(kind, identity), OptionPath.Parse(path), value);

    static MessageSelector Selector(string kind, string? identity) =>
        identity is null ? MessageSelector.Sent(kind) : MessageSelector.Sent(kind).FromIdentity(identity);

    /// <summary>The option paths that carry, in <paramref name="family"/>, the eUE DHCPv4 servers, the DSS_IDs and the preference.</summary>
    public static (string Dhcpv4Servers, string DssIds, string Preference) EuePaths(IpAddressingMode family) =>
        family == IpAddressingMode.Ipv4
            ? ("122", "125.123", "125.124")
            : ($"17.{ClOptionCode.Ccc}", $"17.{ClOptionCode.Cccv6}", $"17.{ClOptionCode.IpPref}");

    /// <summary>The encoded value of the eUE DHCPv4 server option (option 122 or CL_OPTION_CCC) naming <paramref name="primary"/> (and <paramref name="secondary"/>).</summary>
    public static byte[] Dhcpv4ServersValue(IpAddressingMode family, IPAddress primary, IPAddress? secondary) =>
        family == IpAddressingMode.Ipv4
            ? ClientConfiguration.Create(primary, secondary).Encode()
            : ClOptionCcc.Create(primary, secondary).ToOption().Data.ToArray();

    /// <summary>The encoded value of the DSS_ID option (CL_V4OPTION_CCCV6 or CL_OPTION_CCCV6).</summary>
    public static byte[] DssIdsValue(IpAddressingMode family, DssId primary, DssId? secondary) =>
        family == IpAddressingMode.Ipv4
            ? Cccv6DssIds.Create(primary, secondary).Encode()
            : ClOptionCccv6.Create(primaryDssId: primary, secondaryDssId: secondary).ToOption().Data.ToArray();

    public static byte[] PreferenceValue(IpAddressingMode mode) => [(byte)(mode == IpAddressingMode.Ipv4 ? IpPreference.Ipv4 : IpPreference.Ipv6)];

    /// <summary>The eUE DHCP server identities by name: the database's, as the headend answers with them.</summary>
    public DhcpServerIdentity EueServer(string name) =>
        (lab.Started ? lab.Headend.Database.FindEueServer(name) : null) ?? StandardEueServer(name)
        ?? throw new InvalidOperationException($"no eUE DHCP server identity '{name}'");

    public DhcpServerIdentity EcmServer(string name) =>
        lab.Headend.Database.EcmServers.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"no DOCSIS DHCP server identity '{name}'");

    static DhcpServerIdentity? StandardEueServer(string name) => name switch
    {
        "primary" => new DhcpServerIdentity("primary", HeadendV4, Duid.Ll(Duid.HardwareTypeEthernet, Runner.Execution.TestBed.HeadendMac.GetAddressBytes()), PrimaryDssId),
        "secondary" => new DhcpServerIdentity("secondary", SecondServerV4, Duid.En(CableLabs.EnterpriseNumber, [0x53, 0x45, 0x43]), SecondaryDssId),
        RogueServer => Rogue,
        LongDssServer => LongDss,
        _ => null,
    };

    public static readonly DhcpServerIdentity Rogue = new(RogueServer, RogueServerV4, Duid.En(CableLabs.EnterpriseNumber, "ROG"u8), RogueDssId);
    public static readonly DhcpServerIdentity LongDss = new(LongDssServer, null, Duid.En(CableLabs.EnterpriseNumber, "LNG"u8), LongDssId);
    public static readonly DhcpServerIdentity SecondDocsis =
        new(SecondDocsisServer, SecondServerV4, Duid.Ll(Duid.HardwareTypeEthernet, [0x02, 0x00, 0x5E, 0x10, 0x00, 0x02]), DssId.FromAscii(SecondDocsisServer));

    // ---------------------------------------------------------------- reading the evidence

    /// <summary>What the eCM sent to its DHCP server of <paramref name="family"/>, of <paramref name="kind"/> (any kind when null).</summary>
    public static Func<EvidenceEvent, bool> FromEcm(IpAddressingMode family, string? kind = null) =>
        e => e.Service == EcmService(family) && e.Direction == Direction.Received && e.Error is null && (kind is null || e.Kind == kind);

    /// <summary>What the eCM's DHCP server of <paramref name="family"/> sent it, of <paramref name="kind"/>.</summary>
    public static Func<EvidenceEvent, bool> ToEcm(IpAddressingMode family, string? kind = null) =>
        e => e.Service == EcmService(family) && e.Direction == Direction.Sent && (kind is null || e.Kind == kind);

    /// <summary>A DHCPv4 ACK (by its option 53, whatever the headend meant to send) or a DHCPv6 REPLY that binds an address.</summary>
    public static bool IsLease(EvidenceEvent e) => e.Message switch
    {
        DhcpMessage m => m.MessageType == DhcpMessageType.Ack && !m.YiAddr.Equals(IPAddress.Any),
        Dhcp6Message m => m.Type == Dhcp6MessageType.Reply && LeasedAddress(m) is not null,
        _ => false,
    };

    /// <summary>The first address a DHCPv6 REPLY or ADVERTISE gives in its IA_NA with a valid lifetime, if any.</summary>
    public static IPAddress? LeasedAddress(Dhcp6Message m)
    {
        try
        {
            var ia = m.IaNa;
            if (ia is null || ia.Status is { Code: not Dhcp6Status.Success }) return null;
            return ia.Addresses.FirstOrDefault(a => a.ValidLifetime > 0)?.Address;
        }
        catch (Protocols.Wire.ParseError) { return null; }
    }

    /// <summary>Any DHCP message the eUE sent (DHCPv4 or DHCPv6).</summary>
    public static bool FromEueDhcp(EvidenceEvent e) =>
        e.Service is Traffic.EueDhcpv4 or Traffic.EueDhcpv6 && e.Direction == Direction.Received;

    /// <summary>A lease the eUE's DHCP servers gave it (ACK or REPLY with an address).</summary>
    public static bool ToEueLease(EvidenceEvent e) =>
        e.Service is Traffic.EueDhcpv4 or Traffic.EueDhcpv6 && e.Direction == Direction.Sent && IsLease(e);

    /// <summary>The eUE's link-local address by RFC 2462 (modified EUI-64 of its MAC), as 6.3.4.1 has it formed.</summary>
    public IPAddress EueLinkLocal => LinkLocalOf(lab.EueMac);
    public IPAddress EcmLinkLocal => LinkLocalOf(lab.EcmMac);

    public static IPAddress LinkLocalOf(PhysicalAddress mac)
    {
        var m = mac.GetAddressBytes();
        var a = new byte[16];
        a[0] = 0xFE; a[1] = 0x80;
        a[8] = (byte)(m[0] ^ 0x02); a[9] = m[1]; a[10] = m[2]; a[11] = 0xFF; a[12] = 0xFE; a[13] = m[3]; a[14] = m[4]; a[15] = m[5];
        return new IPAddress(a);
    }

    /// <summary>Every address the eUE may speak from: what its DHCP servers may lease it, and its link-local address.</summary>
    public bool IsEueAddress(IPAddress a)
    {
        var plain = a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;
        if (plain.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && plain.ScopeId != 0) plain = new IPAddress(plain.GetAddressBytes());
        return plain.Equals(EueV4) || plain.Equals(EueV4Spare) || plain.Equals(EueV6) || plain.Equals(EueV6Spare) || plain.Equals(EueLinkLocal);
    }

    public bool IsEcmAddress(IPAddress a)
    {
        var plain = a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;
        if (plain.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && plain.ScopeId != 0) plain = new IPAddress(plain.GetAddressBytes());
        return plain.Equals(EcmV4) || plain.Equals(EcmV6) || plain.Equals(EcmLinkLocal);
    }

    /// <summary>The first DHCP message the eCM sent in any family: the start of its boot as the headend saw it.</summary>
    public async Task<EvidenceEvent> EcmStartAsync() =>
        await lab.AwaitAsync("DHCP message from the eCM", e => EcmFamilies.Any(f => FromEcm(f)(e)), lab.Boot);

    /// <summary>The first lease (ACK / REPLY with an address) the eCM's primary server gave it.</summary>
    public Task<EvidenceEvent> EcmLeaseAsync(EvidenceCursor? from = null) =>
        lab.AwaitAsync($"{ReplyKinds(EcmPrimary).Answer} with a lease for the eCM", e => ToEcm(EcmPrimary)(e) && IsLease(e), lab.Boot, from);

    /// <summary>The eUE's first DHCP message (DHCPv4 or DHCPv6).</summary>
    public Task<EvidenceEvent> FirstEueDhcpAsync(TimeSpan? within = null) =>
        lab.AwaitAsync("DHCP message from the eUE", FromEueDhcp, within ?? lab.Boot, protocol: null);

    /// <summary>
    /// The eUE's first DHCP message, where the scenario expects the eUE to start: none within the boot bound is the
    /// device's failure once the eCM has its lease (the eCM's part was done), and inconclusive otherwise.
    /// </summary>
    public async Task<EvidenceEvent> EueMustStartAsync()
    {
        var start = await EcmStartAsync();
        var first = await lab.Evidence.WaitForAsync(FromEueDhcp, lab.Boot, EvidenceCursor.Start, scenario.Cancellation);
        if (first is not null) return first;
        var lease = lab.Seen(e => ToEcm(EcmPrimary)(e) && IsLease(e)).FirstOrDefault();
        if (lease is null) throw ScenarioContext.Inconclusive($"the eCM got no lease within {Seconds(lab.Boot)} s, so the eUE could not be started");
        throw lab.Fail($"the eUE never started, although the eCM had its lease {Seconds(lab.Boot)} s before", "a DHCP message from the eUE", "none", lease);
    }

    /// <summary>Runs the fabric until <paramref name="until"/> (fabric time), when it lies ahead.</summary>
    public async Task RunUntilAsync(DateTimeOffset until)
    {
        var now = lab.Network.Fabric.Clock.GetUtcNow();
        if (until > now) await lab.SettleAsync(until - now);
    }

    public DateTimeOffset Now => lab.Network.Fabric.Clock.GetUtcNow();

    public static EvidenceCursor After(EvidenceEvent e) => new(e.Sequence);

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Describe(IEnumerable<TimeSpan> gaps) => string.Join(", ", gaps.Select(g => Seconds(g) + " s"));

    /// <summary>The times (relative to the first) of a list of events, for failure messages.</summary>
    public static string Timeline(IReadOnlyList<EvidenceEvent> events) =>
        events.Count == 0 ? "none" : string.Join(", ", events.Select(e => $"#{e.Sequence} {e.Kind} at +{Seconds(e.At - events[0].At)} s"));
}
