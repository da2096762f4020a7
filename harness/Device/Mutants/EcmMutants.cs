using System.Net;
using EUeConformance.Device.Dhcp;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using static EUeConformance.Device.Mutants.Deviations;

namespace EUeConformance.Device.Mutants;

/// <summary>
/// Mutants of the eCM's own provisioning (EUE-PROV 6.3.1 Tables 2 and 3, CM1 to CM10; features/ecm-ipv4-provisioning and
/// ecm-ipv6-provisioning): its E-UE option requests, DOCSIS retransmission and failure handling, offer precedence and the
/// CM3 retries, the authority of the ACK/REPLY, and the steps between its lease and the start of the eUE.
/// </summary>
public static class EcmMutants
{
    // ---------------------------------------------------------------- CM1 / CM1v6: the first message and the E-UE requests

    /// <summary>Table 2 CM1 (DOCSIS, RFC 2131 §4.1): the DISCOVER goes unicast to the headend's DHCP server.</summary>
    public static readonly Mutant DiscoverUnicast = new("ecm-discover-unicast",
        "the eCM sends its DHCPDISCOVER unicast to the operator's DHCP server (192.0.2.1) instead of broadcasting it (violates Table 2 CM1, DOCSIS / RFC 2131 §4.1)",
        Ids("T2-CM1-01"),
        o => o.Behave(b => b with { EcmDhcpv4Rules = new UnicastDiscover() }));

    /// <summary>Table 2 CM1: option 122 missing from the DISCOVER's option 55 (the REQUEST still asks for it).</summary>
    public static readonly Mutant DiscoverWithout122 = new("ecm-discover-without-option-122",
        "the eCM's DHCPDISCOVER leaves option 122 out of its parameter request list although its eUE supports IPv4; only the DHCPREQUEST asks for it (violates Table 2 CM1, 6.2.1.1 bullet 2); blast radius: the CM3 checks (T2-CM3, 6.3.2.1-01h) judge every DISCOVER's E-UE requests and the offers against them, so they fail too",
        Ids("T2-CM1-02a", "T2-CM1-05a", "6.2.1.1-02"),
        o => o.Behave(b => b with { EcmDhcpv4Options = new DiscoverAsks(r => r with { Dhcpv4Servers = false }) }))
    { BlastRadius = Ids("6.3.2.1-01h", "T2-CM3-*") };

    /// <summary>Table 2 CM1: no CL_V4OPTION_ORO in the DISCOVER's option 125.</summary>
    public static readonly Mutant DiscoverWithoutClV4Oro = new("ecm-discover-without-cl-v4-oro",
        "the eCM's DHCPDISCOVER asks neither for CL_V4OPTION_CCCV6 nor for CL_V4OPTION_IP_PREF although its eUE is dual-stack; only the DHCPREQUEST does (violates Table 2 CM1, 6.2.1.1 bullet 2); blast radius: the CM3 checks (T2-CM3, 6.3.2.1-01h) judge every DISCOVER's E-UE requests and the offers against them, so they fail too",
        Ids("T2-CM1-04a", "T2-CM1-05a", "6.2.1.1-02"),
        o => o.Behave(b => b with { EcmDhcpv4Options = new DiscoverAsks(r => r with { Dhcpv6DssIds = false, IpPreference = false }) }))
    { BlastRadius = Ids("6.3.2.1-01h", "T2-CM3-*") };

    /// <summary>Table 3 CM1v6: CL_OPTION_CCC missing from the SOLICIT's CL_OPTION_ORO.</summary>
    public static readonly Mutant SolicitWithoutCcc = new("ecm-solicit-without-cl-option-ccc",
        "the eCM's SOLICIT leaves CL_OPTION_CCC out of CL_OPTION_ORO although its eUE supports IPv4; only the REQUEST asks for it (violates Table 3 CM1v6, 6.2.1.1 bullet 2); blast radius: the CM3v6 checks (T3-CM3v6, 6.3.2.1-01h) judge every SOLICIT's E-UE requests and the ADVERTISEs against them, so they fail too",
        Ids("T3-CM1v6-01a", "T3-CM1v6-01c", "6.2.1.1-02"),
        o => o.Behave(b => b with { EcmDhcpv6Options = new SolicitAsks(r => r with { Dhcpv4Servers = false }) }))
    { BlastRadius = Ids("6.3.2.1-01h", "T3-CM3v6-*") };

    /// <summary>Table 3 CM1v6: CL_OPTION_CCCV6 and CL_OPTION_IP_PREF missing from the SOLICIT's CL_OPTION_ORO.</summary>
    public static readonly Mutant SolicitWithoutCccv6 = new("ecm-solicit-without-cl-option-cccv6",
        "the eCM's SOLICIT asks neither for CL_OPTION_CCCV6 nor for CL_OPTION_IP_PREF although its eUE is dual-stack; only the REQUEST does (violates Table 3 CM1v6, 6.2.1.1 bullet 2); blast radius: the CM3v6 checks (T3-CM3v6, 6.3.2.1-01h) judge every SOLICIT's E-UE requests and the ADVERTISEs against them, so they fail too",
        Ids("T3-CM1v6-01b", "T3-CM1v6-01c", "6.2.1.1-02"),
        o => o.Behave(b => b with { EcmDhcpv6Options = new SolicitAsks(r => r with { Dhcpv6DssIds = false, IpPreference = false }) }))
    { BlastRadius = Ids("6.3.2.1-01h", "T3-CM3v6-*") };

    /// <summary>Table 2 CM1: an IPv4-only eUE, and still the DISCOVER asks for CL_V4OPTION_CCCV6 and CL_V4OPTION_IP_PREF.</summary>
    public static readonly Mutant DiscoverAsksAllForIpv4Only = new("ecm-discover-asks-all-ipv4-only-eue",
        "the eCM of an IPv4-only eUE asks for option 122, CL_V4OPTION_CCCV6 and CL_V4OPTION_IP_PREF in every DHCPv4 message (violates Table 2 CM1); blast radius: the CM3 checks (T2-CM3, 6.3.2.1-01h) judge every DISCOVER's E-UE requests against the eUE's modes, so they fail too",
        Ids("T2-CM1-04b", "T2-CM1-05b"),
        o => o.Behave(b => b with { EcmDhcpv4Options = new Requests4For(new(true, true, true)) }))
    { Ics = Ipv4Only, BlastRadius = Ids("6.3.2.1-01h", "T2-CM3-*") };

    /// <summary>Table 2 CM1: an IPv6-only eUE, and still the DISCOVER asks for option 122.</summary>
    public static readonly Mutant DiscoverAsksAllForIpv6Only = new("ecm-discover-asks-all-ipv6-only-eue",
        "the eCM of an IPv6-only eUE asks for option 122, CL_V4OPTION_CCCV6 and CL_V4OPTION_IP_PREF in every DHCPv4 message (violates Table 2 CM1); blast radius: the CM3 checks (T2-CM3, 6.3.2.1-01h) judge every DISCOVER's E-UE requests against the eUE's modes, so they fail too",
        Ids("T2-CM1-02b", "T2-CM1-05b"),
        o => o.Behave(b => b with { EcmDhcpv4Options = new Requests4For(new(true, true, true)) }))
    { Ics = Ipv6Only, BlastRadius = Ids("6.3.2.1-01h", "T2-CM3-*") };

    /// <summary>Table 3 CM1v6: an IPv4-only eUE, and still the SOLICIT asks for CL_OPTION_CCCV6 and CL_OPTION_IP_PREF.</summary>
    public static readonly Mutant SolicitAsksAllForIpv4Only = new("ecm-solicit-asks-all-ipv4-only-eue",
        "the eCM of an IPv4-only eUE asks for CL_OPTION_CCC, CL_OPTION_CCCV6 and CL_OPTION_IP_PREF in every DHCPv6 message (violates Table 3 CM1v6); blast radius: the CM3v6 checks (T3-CM3v6, 6.3.2.1-01h) judge every SOLICIT's E-UE requests against the eUE's modes, so they fail too",
        Ids("T3-CM1v6-01d"),
        o => o.Behave(b => b with { EcmDhcpv6Options = new Requests6For(new(true, true, true)) }))
    { Ics = Ipv4Only, BlastRadius = Ids("6.3.2.1-01h", "T3-CM3v6-*") };

    /// <summary>Table 3 CM1v6: an IPv6-only eUE, and still the SOLICIT asks for CL_OPTION_CCC and CL_OPTION_IP_PREF.</summary>
    public static readonly Mutant SolicitAsksAllForIpv6Only = new("ecm-solicit-asks-all-ipv6-only-eue",
        "the eCM of an IPv6-only eUE asks for CL_OPTION_CCC, CL_OPTION_CCCV6 and CL_OPTION_IP_PREF in every DHCPv6 message (violates Table 3 CM1v6); blast radius: the CM3v6 checks (T3-CM3v6, 6.3.2.1-01h) judge every SOLICIT's E-UE requests against the eUE's modes, so they fail too",
        Ids("T3-CM1v6-01d"),
        o => o.Behave(b => b with { EcmDhcpv6Options = new Requests6For(new(true, true, true)) }))
    { Ics = Ipv6Only, BlastRadius = Ids("6.3.2.1-01h", "T3-CM3v6-*") };

    /// <summary>Table 3 CM1v6 (DOCSIS, RFC 3315 §13): the SOLICIT goes to all nodes instead of All_DHCP_Relay_Agents_and_Servers.</summary>
    public static readonly Mutant SolicitToAllNodes = new("ecm-solicit-to-all-nodes",
        "the eCM multicasts its DHCPv6 messages to ff02::1 (all nodes) instead of ff02::1:2 (violates Table 3 CM1v6, DOCSIS / RFC 3315 §13)",
        Ids("T3-CM1v6-02"),
        o => o.Behave(b => b with { EcmDhcpv6Rules = new ToAllNodes() }));

    // ---------------------------------------------------------------- CM3 / CM3v6: the REQUEST repeats the requests

    /// <summary>Table 2 CM3: the REQUEST drops CL_V4OPTION_IP_PREF from the CL_V4OPTION_ORO of its DISCOVER.</summary>
    public static readonly Mutant RequestDropsIpPref = new("ecm-request-drops-ip-pref",
        "the eCM's DHCPREQUEST no longer asks for CL_V4OPTION_IP_PREF, which its DHCPDISCOVER asked for (violates Table 2 CM3: the same options as the DISCOVER)",
        Ids("T2-CM3-09"),
        o => o.Behave(b => b with { EcmDhcpv4Options = new RequestAsks(r => r with { IpPreference = false }) }));

    /// <summary>Table 3 CM3v6: the REQUEST drops CL_OPTION_IP_PREF from the CL_OPTION_ORO of its SOLICIT.</summary>
    public static readonly Mutant Dhcpv6RequestDropsIpPref = new("ecm-dhcpv6-request-drops-ip-pref",
        "the eCM's DHCPv6 REQUEST no longer asks for CL_OPTION_IP_PREF, which its SOLICIT asked for (violates Table 3 CM3v6: the same options as the SOLICIT)",
        Ids("T3-CM3v6-11"),
        o => o.Behave(b => b with { EcmDhcpv6Options = new RequestAsks6(r => r with { IpPreference = false }) }));

    // ---------------------------------------------------------------- retransmission (DOCSIS: RFC 2131 §4.1, RFC 3315 §14)

    /// <summary>RFC 2131 §4.1: the device's DHCPv4 retransmissions at a constant 4 s (the schedule is the eCM's and the eUE's).</summary>
    public static readonly Mutant Dhcpv4NoBackoff = new("dhcpv4-retransmission-without-backoff",
        "the device retransmits DHCPv4 DISCOVERs and REQUESTs every 4 s instead of doubling the interval (violates Table 2 CM1/CM3 as DOCSIS applies RFC 2131 §4.1, and 6.1.1 ¶3 for the eUE, which shares the schedule); blast radius: the scenarios that let DHCPv4 messages go unanswered (CM2, CM4 NAK) judge the same retransmission schedule (6.2.1.2-06 may change with it: the pkt-eue-1 scenarios also stand for that umbrella of the eUE's interfaces)",
        Ids("T2-CM1-03", "T2-CM3-02", "6.1.1-01a"),
        o => o.Time(t => t with { Dhcpv4Retransmissions = DeviceTimers.Seconds(4, 4, 4, 4, 4) }))
    { BlastRadius = Ids("T2-CM2-02", "T2-CM2-04", "T2-CM4-01", "6.2.1.2-06") };

    /// <summary>RFC 3315 §14, §17.1.2: SOL_MAX_RT of 1 s, so the SOLICIT is retransmitted every second (eCM and eUE).</summary>
    public static readonly Mutant SolicitNoBackoff = new("solicit-retransmission-without-backoff",
        "the device retransmits its SOLICIT every second instead of doubling RT up to SOL_MAX_RT (violates Table 3 CM1v6 as DOCSIS applies RFC 3315 §17.1.2, and Table 5 eUE-1 for the eUE, which shares the timer); blast radius: the scenarios that let SOLICITs go unanswered (CM3v6, eUE-1 and eUE-3 retries) judge the same schedule",
        Ids("T3-CM1v6-03", "6.1.1-02a"),
        o => o.Time(t => t with { SolicitMaxTimeout = TimeSpan.FromSeconds(1) }))
    { BlastRadius = Ids("T3-CM3v6-02", "T5-eUE-1-03", "T5-eUE-3-04", "T5-eUE-3-05") };

    /// <summary>RFC 3315 §18.1.1: REQ_MAX_RT of 1 s, so the REQUEST is retransmitted every second (eCM and eUE).</summary>
    public static readonly Mutant Dhcpv6RequestNoBackoff = new("dhcpv6-request-retransmission-without-backoff",
        "the device retransmits its DHCPv6 REQUEST every second instead of doubling RT up to REQ_MAX_RT (violates Table 3 CM3v6 and CM4v6 on failure as DOCSIS applies RFC 3315 §18.1.1, and 6.1.1 ¶4 for the eUE, which shares the timer)",
        Ids("T3-CM3v6-03", "T3-CM4v6-02", "6.1.1-02a"),
        o => o.Time(t => t with { RequestMaxTimeout = TimeSpan.FromSeconds(1) }));

    // ---------------------------------------------------------------- CM2: what the REQUEST answers

    /// <summary>RFC 2131 §4.4.1 (Table 2 CM2): an OFFER for another transaction is taken as an answer.</summary>
    public static readonly Mutant AcceptsForeignTransaction = new("ecm-accepts-foreign-transaction-id",
        "the eCM takes DHCPOFFERs whatever their transaction id, so it requests a lease nobody offered it (violates Table 2 CM2 as DOCSIS applies RFC 2131 §4.4.1)",
        Ids("T2-CM2-02", "T2-CM2-04"),
        o => o.Behave(b => b with { EcmDhcpv4Rules = new AnyTransaction() }));

    /// <summary>RFC 2131 §4.4.1: the REQUEST opens a new transaction instead of answering the OFFER's.</summary>
    public static readonly Mutant RequestNewTransaction = new("ecm-request-new-transaction-id",
        "the eCM's DHCPREQUEST carries a new transaction id instead of the one of the DHCPOFFER it answers (violates Table 2 CM2/CM3 as DOCSIS applies RFC 2131 §4.4.1); blast radius: the server cannot match the REQUEST to its OFFER, so the CM3 scenarios (T2-CM3, 6.3.2.1-01h) that need the lease after the OFFERs fail too",
        Ids("T2-CM2-02"),
        o => o.Behave(b => b with { EcmDhcpv4Rules = new NewTransactionForRequest() }))
    { BlastRadius = Ids("6.3.2.1-01h", "T2-CM3-*") };

    // ---------------------------------------------------------------- CM3 / CM3v6: precedence and the three retries

    /// <summary>Table 2 CM3 / Table 3 CM3v6: the first OFFER (ADVERTISE) is taken, whatever E-UE options it carries.</summary>
    public static readonly Mutant TakesFirstOffer = new("ecm-takes-first-offer",
        "the eCM takes the first DHCPOFFER / ADVERTISE it receives, without precedence for the ones with the requested E-UE options and without the three retries (violates Table 2 CM3, Table 3 CM3v6); blast radius: every CM3 / CM3v6 scenario that depends on the precedence or the retries (T2-CM3, T3-CM3v6, 6.3.2.1-01h) fails with it",
        Ids("T2-CM3-01", "T3-CM3v6-01", "T2-CM3-04", "T2-CM3-06", "T2-CM3-07", "T3-CM3v6-05", "T3-CM3v6-07", "T3-CM3v6-08"),
        o => o.Behave(b => b with { EcmOfferSelection = new FirstOffer() }))
    { BlastRadius = Ids("6.3.2.1-01h", "T2-CM3-08", "T3-CM3v6-*") };

    /// <summary>Table 2 CM3 / Table 3 CM3v6: after the three retries the eCM keeps retrying instead of taking an offer.</summary>
    public static readonly Mutant NeverSettles = new("ecm-never-settles",
        "after three retries without the E-UE options the eCM keeps retrying DISCOVER / SOLICIT instead of taking one of the offers (violates Table 2 CM3, Table 3 CM3v6); blast radius: the CM3 scenarios that need the eCM to settle (T2-CM3, T3-CM3v6, 6.3.2.1-01h, 6.3.2.1-03) fail with it",
        Ids("T2-CM3-08", "T3-CM3v6-09"),
        o => o.Behave(b => b with { EcmOfferSelection = new NeverSettlesSelection() }))
    { BlastRadius = Ids("6.3.2.1-01h", "6.3.2.1-03", "T2-CM3-01", "T2-CM3-07", "T3-CM3v6-01", "T3-CM3v6-08") };

    /// <summary>Table 2 CM3 / Table 3 CM3v6: a dual-stack eCM insists on both E-UE options in one offer.</summary>
    public static readonly Mutant WantsCompleteOffer = new("ecm-wants-complete-offer",
        "a dual-stack eCM runs its CM3 retries when an offer carries only one of the two E-UE server options, though either meets the criteria (violates Table 2 CM3, Table 3 CM3v6); blast radius: the CM3 summaries (T2-CM3-01, T3-CM3v6-01) cite the same scenarios",
        Ids("T2-CM3-03", "T3-CM3v6-04"),
        o => o.Behave(b => b with { EcmOfferSelection = new CompleteOnly() }))
    { BlastRadius = Ids("T2-CM3-01", "T3-CM3v6-01") };

    /// <summary>Table 2 CM3 / Table 3 CM3v6: the three retries at a constant 3 s.</summary>
    public static readonly Mutant RetriesConstant = new("ecm-option-retries-constant",
        "the eCM's three DISCOVER / SOLICIT retries for the E-UE options come 3 s apart instead of at exponential intervals (violates Table 2 CM3, Table 3 CM3v6); blast radius: the other CM3 / CM3v6 scenarios that watch the retries (T2-CM3, T3-CM3v6, 6.3.2.1-01h) fail with it",
        Ids("T2-CM3-07", "T3-CM3v6-08"),
        o => o.Time(t => t with { EcmRequestedOptionRetries = DeviceTimers.Seconds(3, 3, 3) }))
    { BlastRadius = Ids("6.3.2.1-01h", "T2-CM3-01", "T2-CM3-08", "T3-CM3v6-01", "T3-CM3v6-09") };

    /// <summary>Table 2 CM3 / Table 3 CM3v6: two retries instead of three.</summary>
    public static readonly Mutant RetriesTwice = new("ecm-option-retries-twice",
        "the eCM retries DISCOVER / SOLICIT for the E-UE options twice instead of three times (violates Table 2 CM3, Table 3 CM3v6); blast radius: the other CM3 / CM3v6 scenarios that watch the retries (T2-CM3, T3-CM3v6, 6.3.2.1-01h) fail with it",
        Ids("T2-CM3-07", "T3-CM3v6-08"),
        o => o.Time(t => t with { EcmRequestedOptionRetries = DeviceTimers.Seconds(2, 4) }))
    { BlastRadius = Ids("6.3.2.1-01h", "T2-CM3-01", "T2-CM3-08", "T3-CM3v6-01", "T3-CM3v6-09") };

    // ---------------------------------------------------------------- CM3 / CM4 failures

    /// <summary>RFC 2131 §4.4.1 (Table 2 CM3/CM4): the unanswered REQUEST is retransmitted for ever, never a new DISCOVER.</summary>
    public static readonly Mutant RequestNeverGivesUp = new("ecm-request-never-gives-up",
        "the eCM retransmits an unanswered DHCPREQUEST for ever instead of going back to DHCPDISCOVER (violates Table 2 CM3/CM4 as DOCSIS applies RFC 2131 §4.4.1)",
        Ids("T2-CM3-02", "T2-CM4-01"),
        o => o.Behave(b => b with { EcmDhcpv4Rules = new EndlessRequest() }));

    /// <summary>RFC 2131 §3.1 step 5 (Table 2 CM4): the DHCPNAK is ignored.</summary>
    public static readonly Mutant IgnoresNak = new("ecm-ignores-nak",
        "the eCM ignores a DHCPNAK and keeps retransmitting its DHCPREQUEST instead of starting over with DHCPDISCOVER (violates Table 2 CM4 as DOCSIS applies RFC 2131 §3.1)",
        Ids("T2-CM4-01"),
        o => o.Behave(b => b with { EcmDhcpv4Rules = new DeafToNak() }));

    // ---------------------------------------------------------------- CM4 / CM4v6: the ACK and the REPLY are authoritative

    /// <summary>Table 2 CM4 / Table 3 CM4v6: the E-UE options are taken from the OFFER / ADVERTISE.</summary>
    public static readonly Mutant BelievesOffer = new("ecm-believes-offer-over-ack",
        "the eCM hands its eUE the E-UE options of the DHCPOFFER / ADVERTISE where the DHCPACK / REPLY says otherwise (violates Table 2 CM4, Table 3 CM4v6)",
        Ids("T2-CM4-03", "T3-CM4v6-04", "6.2.1.1-03"),
        o => o.Behave(b => b with { EcmFlow = new TrustsOffer() }));

    // ---------------------------------------------------------------- CM5 to CM10

    /// <summary>Table 2 CM5/CM6, Table 3 CM5v6/CM6v6: no DOCSIS configuration file.</summary>
    public static readonly Mutant SkipsCm5 = new("ecm-skips-config-file",
        "the eCM skips CM5/CM6: it registers and starts its eUE without downloading the DOCSIS configuration file its lease names (violates Tables 2 and 3 CM5-CM10 as DOCSIS specifies them); blast radius: the CM5-CM10 failure scenarios withhold that file and cannot conclude on an eCM that never asks for it",
        Ids("T2-CM5-CM10-01", "T3-CM5v6-CM10v6-02", "6.3.2.3-11"),
        o => o.Behave(b => b with { EcmFlow = new NoConfigFile() }))
    { BlastRadius = Ids("T2-CM5-CM10-02", "T3-CM5v6-CM10v6-03") };

    /// <summary>DOCSIS: the eCM registers although its configuration file could not be downloaded.</summary>
    public static readonly Mutant RegistersWithoutFile = new("ecm-registers-without-config-file",
        "when the DOCSIS configuration file cannot be downloaded the eCM registers anyway and starts its eUE (violates Tables 2 and 3 CM5-CM10 as DOCSIS specifies them, and 6.3.2.3 ¶12)",
        Ids("T2-CM5-CM10-02", "T3-CM5v6-CM10v6-03", "6.3.2.3-11"),
        o => o.Behave(b => b with { EcmFlow = new RegistersAnyway() }));

    /// <summary>6.3.2.3 ¶12: the eUE is started at the eCM's lease, before CM5-CM10.</summary>
    public static readonly Mutant StartsEueAtLease = new("ecm-starts-eue-before-cm10",
        "the eCM starts its eUE as soon as it has its own lease, before its configuration file, time of day and registration (violates 6.3.2.3 ¶12, Table 5 eUE-1, 6.2.1.1 bullet 3); blast radius: the ToD scenarios that expect the eCM's ToD attempts before the eUE starts (6.2.1.1-05, 6.3.2.3-01, -06) fail or cannot conclude",
        Ids("6.3.2.3-11", "T5-eUE-1-02", "T2-CM5-CM10-02", "T3-CM5v6-CM10v6-03"),
        o => o.Behave(b => b with { EcmFlow = new EarlyEue() }))
    { BlastRadius = Ids("6.2.1.1-05", "6.3.2.3-01", "6.3.2.3-06") };

    /// <summary>6.2.1.1 bullet 3: the time of day only after the eUE was started.</summary>
    public static readonly Mutant TimeOfDayAfterEue = new("ecm-time-of-day-after-eue",
        "the eCM registers and starts its eUE first and asks for the time of day only afterwards (violates 6.2.1.1 bullet 3); blast radius: every scenario that expects the ToD attempts before the eUE's first DHCP message (6.2.1.1-05, 6.3.2.3-01, CM5-CM10, eUE-1-02) fails with it",
        Ids("6.2.1.1-04"),
        o => o.Behave(b => b with { EcmFlow = new LateTimeOfDay() }))
    { BlastRadius = Ids("6.2.1.1-05", "6.3.2.3-01", "6.3.2.3-11", "T2-CM5-CM10-*", "T3-CM5v6-CM10v6-*", "T5-eUE-1-02") };

    /// <summary>6.3.2.3 ¶4 bullet 1: without the time of day the eCM never starts its eUE.</summary>
    public static readonly Mutant WaitsForTimeOfDay = new("ecm-waits-for-time-of-day",
        "with its ToD server silent the eCM runs one ToD retry round after another and neither registers nor starts its eUE until it has the time (violates 6.3.2.3 ¶4 bullet 1, 6.2.1.1 bullet 3: the eUE starts DHCP anyway; Tables 2 and 3 CM5-CM10 on failure); blast radius: the other scenarios without the time of day (6.3.2.3-02, -03, -05, -06, -07) need the eUE to start and cannot conclude",
        Ids("6.3.2.3-01", "6.2.1.1-05", "T2-CM5-CM10-02", "T3-CM5v6-CM10v6-03"),
        o => o.Behave(b => b with { EcmFlow = new HoldsEueForTime() }))
    { BlastRadius = Ids("6.3.2.3-02", "6.3.2.3-03", "6.3.2.3-05", "6.3.2.3-06", "6.3.2.3-07") };

    // ---------------------------------------------------------------- the mutants' policies

    sealed class UnicastDiscover : Dhcpv4ClientRules
    {
        public override IPAddress DiscoverDestination => IPAddress.Parse("192.0.2.1");
    }

    sealed class AnyTransaction : Dhcpv4ClientRules
    {
        public override bool BelongsToExchange(DhcpMessage reply, uint transactionId, byte[] mac) => base.BelongsToExchange(reply, reply.Xid, mac);
    }

    sealed class NewTransactionForRequest : Dhcpv4ClientRules
    {
        public override bool RequestKeepsTransaction => false;
    }

    sealed class EndlessRequest : Dhcpv4ClientRules
    {
        public override int RequestTransmissions => int.MaxValue;
    }

    sealed class DeafToNak : Dhcpv4ClientRules
    {
        public override bool HonoursNak => false;
    }

    sealed class ToAllNodes : Dhcpv6ClientRules
    {
        public override IPAddress Destination => IPAddress.Parse("ff02::1");
    }

    sealed class DiscoverAsks(Func<EueOptionRequest, EueOptionRequest> change) : EcmDhcpv4Options
    {
        public override IReadOnlyList<DhcpOption> Build(EueOptionRequest requested, DhcpMessageType type) =>
            Build(type == DhcpMessageType.Discover ? change(requested) : requested);
    }

    sealed class RequestAsks(Func<EueOptionRequest, EueOptionRequest> change) : EcmDhcpv4Options
    {
        public override IReadOnlyList<DhcpOption> Build(EueOptionRequest requested, DhcpMessageType type) =>
            Build(type == DhcpMessageType.Request ? change(requested) : requested);
    }

    sealed class Requests4For(EueOptionRequest forced) : EcmDhcpv4Options
    {
        public override IReadOnlyList<DhcpOption> Build(EueOptionRequest requested) => base.Build(forced);
    }

    /// <summary>The SOLICIT is the message without a server identifier.</summary>
    sealed class SolicitAsks(Func<EueOptionRequest, EueOptionRequest> change) : EcmDhcpv6Options
    {
        public override IReadOnlyList<Dhcp6Option> Build(EueOptionRequest requested, Duid clientDuid, byte[] ecmMac, IaNa ia, ushort elapsed, Duid? server) =>
            base.Build(server is null ? change(requested) : requested, clientDuid, ecmMac, ia, elapsed, server);
    }

    sealed class RequestAsks6(Func<EueOptionRequest, EueOptionRequest> change) : EcmDhcpv6Options
    {
        public override IReadOnlyList<Dhcp6Option> Build(EueOptionRequest requested, Duid clientDuid, byte[] ecmMac, IaNa ia, ushort elapsed, Duid? server) =>
            base.Build(server is null ? requested : change(requested), clientDuid, ecmMac, ia, elapsed, server);
    }

    sealed class Requests6For(EueOptionRequest forced) : EcmDhcpv6Options
    {
        public override IReadOnlyList<Dhcp6Option> Build(EueOptionRequest requested, Duid clientDuid, byte[] ecmMac, IaNa ia, ushort elapsed, Duid? server) =>
            base.Build(forced, clientDuid, ecmMac, ia, elapsed, server);
    }

    sealed class FirstOffer : EcmOfferSelectionPolicy
    {
        public override int? Select(IReadOnlyList<EueProvisioningOptions> candidates, EueOptionRequest requested, bool eueRetriesExhausted) => candidates.Count == 0 ? null : 0;
    }

    sealed class NeverSettlesSelection : EcmOfferSelectionPolicy
    {
        public override int? Select(IReadOnlyList<EueProvisioningOptions> candidates, EueOptionRequest requested, bool eueRetriesExhausted) => base.Select(candidates, requested, false);
    }

    sealed class CompleteOnly : EcmOfferSelectionPolicy
    {
        public override int? Select(IReadOnlyList<EueProvisioningOptions> candidates, EueOptionRequest requested, bool eueRetriesExhausted)
        {
            for (int i = 0; i < candidates.Count; i++) if (candidates[i].Complete(requested)) return i;
            return eueRetriesExhausted && candidates.Count > 0 ? 0 : null;
        }
    }

    sealed class TrustsOffer : EcmFlowPolicy
    {
        public override bool AckIsAuthoritative => false;
    }

    sealed class NoConfigFile : EcmFlowPolicy
    {
        public override bool DownloadsConfigFile => false;
    }

    sealed class RegistersAnyway : EcmFlowPolicy
    {
        public override bool RegistersWithoutConfigFile => true;
    }

    sealed class EarlyEue : EcmFlowPolicy
    {
        public override bool StartsEueAtLease => true;
    }

    sealed class HoldsEueForTime : EcmFlowPolicy
    {
        public override bool StartsEueWithoutTimeOfDay => false;
    }

    sealed class LateTimeOfDay : EcmFlowPolicy
    {
        public override bool TimeOfDayBeforeEue => false;
    }
}
