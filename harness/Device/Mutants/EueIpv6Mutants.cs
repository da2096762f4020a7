using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using EUeConformance.Device.Dhcp;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Ipv6;
using EUeConformance.Device.Options;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using static EUeConformance.Device.Mutants.Deviations;

namespace EUeConformance.Device.Mutants;

/// <summary>
/// Mutants of the eUE in IPv6 mode (EUE-PROV 6.3.4: link-local address, router discovery, Table 5 eUE-1 to eUE-4; 6.2.1.2
/// as a host of its own; 6.1.1 ¶4; features/ipv6-*, dhcpv6-*, eue-identity).
/// </summary>
public static class EueIpv6Mutants
{
    // ---------------------------------------------------------------- 6.3.4.1: the link-local address

    public static readonly Mutant LinkLocalNotModifiedEui64 = new("link-local-eui64-unmodified",
        "the eUE's link-local interface identifier is the EUI-64 of its MAC without the universal/local bit inverted (violates 6.3.4.1: the modified EUI-64); blast radius: the link-local conflict scenarios (6.3.4.1-04a..d) hold the EUI-64 address the mutant does not form, so they cannot conclude",
        Ids("6.3.4.1-01", "6.3.4.1-02"),
        o => o.Behave(b => b with { Host = new PlainEui64() }))
    { BlastRadius = Ids("6.3.4.1-*") };

    public static readonly Mutant NoDadOnLinkLocal = new("link-local-without-dad",
        "the eUE uses its link-local address at once, without duplicate address detection (violates 6.3.4.1 bullet 2, 6.3.4); blast radius: the conflict scenarios (6.3.4.1-04a..d) see no probe, and 6.3.4.2-01 judges the same order",
        Ids("6.3.4.1-03", "6.3.4-01"),
        o => o.Behave(b => b with { Host = new NoLinkLocalDad() }))
    { BlastRadius = Ids("6.3.4.1-*", "6.3.4.2-01") };

    public static readonly Mutant LinkLocalConflictTriesAnother = new("link-local-conflict-tries-another-address",
        "after a link-local address conflict the eUE forms another link-local address and goes on with router discovery and DHCPv6 (violates 6.3.4.1 bullet 3: stop and wait for manual intervention); blast radius: the other conflict scenarios (6.3.4.1-04a, -04d) see the eUE go on",
        Ids("6.3.4.1-04b"),
        o => o.Behave(b => b with { Host = new ConflictAction(LinkLocalConflictAction.TryAnotherAddress) }))
    { BlastRadius = Ids("6.3.4.1-04a", "6.3.4.1-04d") };

    public static readonly Mutant LinkLocalConflictKeepsAddress = new("link-local-conflict-keeps-address",
        "after a link-local address conflict the eUE stops but keeps the conflicting address configured (violates 6.3.4.1 bullet 3: leave it unassigned)",
        Ids("6.3.4.1-04c"),
        o => o.Behave(b => b with { Host = new ConflictAction(LinkLocalConflictAction.KeepAddress) }));

    // ---------------------------------------------------------------- 6.3.4, 6.3.4.2: router discovery

    public static readonly Mutant RouterSolicitationBeforeDad = new("router-solicitation-before-dad",
        "the eUE sends a Router Solicitation (from ::) while its link-local address is still tentative (violates 6.3.4: router discovery follows the link-local address)",
        Ids("6.3.4.2-01"),
        o => o.Behave(b => b with { Host = new EarlyRouterSolicitation() }));

    public static readonly Mutant Dhcpv6WithoutRouterAdvertisement = new("dhcpv6-without-router-advertisement",
        "the eUE starts DHCPv6 right after its link-local address, without waiting for a Router Advertisement with the M flag (violates 6.3.4, 6.3.4.2); blast radius: 6.3.4.2-01 judges the same order of router discovery and DHCPv6",
        Ids("6.3.4-01", "6.3.4.2-02", "6.3.4.2-03"),
        o => o.Behave(b => b with { Host = new NoRouterWait() }))
    { BlastRadius = Ids("6.3.4.2-01") };

    public static readonly Mutant AcceptsUnmanagedRouterAdvertisement = new("router-advertisement-without-m-flag-accepted",
        "the eUE takes a Router Advertisement with the M flag clear as valid and starts DHCPv6 (violates 6.3.4.2)",
        Ids("6.3.4.2-02", "6.3.4.2-03"),
        o => o.Behave(b => b with { RouterAdvertisements = new AnyRouterAdvertisement() }));

    public static readonly Mutant RouterSolicitationsTooFast = new("router-solicitations-every-second",
        "the eUE repeats its Router Solicitation every second instead of RTR_SOLICITATION_INTERVAL (4 s) (violates 6.3.4.2 / RFC 2461 §6.3.7)",
        Ids("6.3.4.2-01"),
        o => o.Time(t => t with { RouterSolicitationInterval = TimeSpan.FromSeconds(1) }));

    public static readonly Mutant NoIpv6Restart = new("ipv6-not-restarted-after-router-discovery",
        "when router discovery ends without a valid advertisement the eUE gives up for a day instead of starting its IPv6 initialisation again (violates 6.3.4.2)",
        Ids("6.3.4.2-03"),
        o => o.Time(t => t with { Ipv6ReinitializationDelay = TimeSpan.FromDays(1) }));

    // ---------------------------------------------------------------- Table 5 eUE-1: the SOLICIT

    public static readonly Mutant SolicitDuidUuid = new("solicit-duid-uuid",
        "the eUE identifies itself with a DUID-UUID (type 4), none of the DUID types RFC 3315 §9 lets Table 5 eUE-1 use (violates Table 5 eUE-1)",
        Ids("T5-eUE-1-01a"),
        o => o.Behave(b => b with { EueSolicit = new UuidDuid() }));

    public static readonly Mutant SolicitWithoutIaNa = new("solicit-without-ia-na",
        "the eUE's SOLICIT carries no OPTION_IA_NA (only its REQUEST does) (violates Table 5 eUE-1); blast radius: the server can lease it no address, so every scenario after the eUE's IPv6 DHCP fails or cannot conclude",
        Ids("T5-eUE-1-01b"),
        o => o.Behave(b => b with { EueSolicit = new SolicitEdit(options => [.. options.Where(x => x.Code != Dhcp6OptionCode.IaNa)]) }))
    { BlastRadius = Ids("6.1.1-02a", "6.1.2-01a", "6.1.4-01a", "6.1.4-02a", "6.1.5-01a", "6.1.6-01a", "6.2.1-03", "6.2.1.1-03", "6.2.1.2-*", "6.3.1-02", "6.3.2.1-*", "6.3.2.3-*", "6.3.4.3-02", "6.3.5-*", "6.3.6-01", "6.4.1.2-02", "6.4.1.2-03b", "6.4.1.4-*", "6.5-03", "6.5-06", "6.6.1-01b", "6.6.2-01", "6.6.2-02", "T2-CM3-01", "T2-CM3-03", "T2-CM4-03", "T3-CM3v6-01", "T3-CM3v6-04", "T3-CM4v6-04", "T5-eUE-19-10", "T5-eUE-20-*", "T5-eUE-21-02", "T5-eUE-22-*", "T5-eUE-23-*", "T5-eUE-24-01", "T5-eUE-24-02", "T5-eUE-25-*", "T5-eUE-3-*", "T5-eUE-4-*", "T6-TLV38-01a", "6.4.2-01", "6.5-04") };

    /// <summary>Issue 8: "FQDN flags other than S=1 N=0 O=0".</summary>
    public static readonly Mutant SolicitFqdnFlags = new("solicit-fqdn-flags-n",
        "the eUE's SOLICIT carries OPTION_FQDN with S=0 and N=1 instead of S=1, N=0, O=0 (violates Table 5 eUE-1)",
        Ids("T5-eUE-1-01c"),
        o => o.Behave(b => b with
        {
            EueSolicit = new SolicitEdit(options => [.. options.Select(x => x.Code == Dhcp6OptionCode.Fqdn ? new ClientFqdn(FqdnFlags.N, "", false).ToOption() : x)]),
        }));

    public static readonly Mutant SolicitOroWithoutFqdn = new("solicit-oro-without-fqdn",
        "the eUE's OPTION_ORO asks for the DNS servers but not for OPTION_FQDN (violates Table 5 eUE-1)",
        Ids("T5-eUE-1-01d"),
        o => o.Behave(b => b with { EueSolicit = new ParametersEdit(p => p with { RequestedOptions = [Dhcp6OptionCode.DnsServers] }) }));

    /// <summary>Issue 8: "a SOLICIT without the vendor class".</summary>
    public static readonly Mutant SolicitWithoutVendorClass = new("solicit-without-vendor-class",
        "the eUE's SOLICIT carries no OPTION_VENDOR_CLASS \"pktc2.0\" (violates Table 5 eUE-1, 6.6.1 bullet 2)",
        Ids("T5-eUE-1-01e", "6.6.1-01b"),
        o => o.Behave(b => b with { EueSolicit = new SolicitEdit(options => [.. options.Where(x => x.Code != Dhcp6OptionCode.VendorClass)]) }));

    public static readonly Mutant SolicitEmptySerialNumber = new("solicit-empty-serial-number",
        "the eUE's CL_OPTION_DEVICE_SERIAL_NUMBER is empty (violates Table 5 eUE-1: the device identity options)",
        Ids("T5-eUE-1-01f"),
        o => o.Behave(b => b with { EueSolicit = new ParametersEdit(p => p with { DeviceSerialNumber = "" }) }));

    public static readonly Mutant CapabilitiesAsHexText = new("capabilities-as-hex-text-in-dhcpv6",
        "in IPv6 mode the eUE writes CL_OPTION_MODEM_CAPABILITIES as the hexadecimal text of DHCPv4 option 60 instead of binary TLVs (violates Table 5 eUE-1, 6.6.1 bullet 2); blast radius: the headend cannot classify the eUE's IPv6 messages without readable capabilities, so every scenario after the eUE's IPv6 DHCP fails or cannot conclude",
        Ids("T5-eUE-1-01g", "6.6.1-01b"),
        o => o.Behave(b => b with { EueSolicit = new HexCapabilities() }))
    { BlastRadius = Ids("6.1.1-02a", "6.1.2-01a", "6.1.4-01a", "6.1.4-02a", "6.1.5-01a", "6.1.6-01a", "6.2.1-03", "6.2.1.1-*", "6.2.1.2-*", "6.3.1-02", "6.3.2.1-*", "6.3.2.3-*", "6.3.3-02", "6.3.4-01", "6.3.4.1-*", "6.3.4.2-01", "6.3.4.2-02", "6.3.4.3-02", "6.3.5-*", "6.3.6-01", "6.4.1.2-02", "6.4.1.2-03b", "6.4.1.4-*", "6.5-03", "6.5-06", "6.6.2-01", "6.6.2-02", "A.1-01", "A.2-01", "A.2-02", "T2-CM3-*", "T2-CM4-01", "T2-CM4-03", "T2-CM5-CM10-01", "T2-CM5-CM10-02", "T3-CM3v6-*", "T3-CM4v6-02", "T3-CM4v6-04", "T3-CM5v6-CM10v6-02", "T3-CM5v6-CM10v6-03", "T5-eUE-1-*", "T5-eUE-19-10", "T5-eUE-2-03", "T5-eUE-20-*", "T5-eUE-21-02", "T5-eUE-22-*", "T5-eUE-23-*", "T5-eUE-24-01", "T5-eUE-24-02", "T5-eUE-25-*", "T5-eUE-3-*", "T5-eUE-4-*", "T6-TLV38-01a", "6.4.2-01", "6.5-04") };

    public static readonly Mutant DeviceIdEui64 = new("device-id-eui64",
        "the eUE's CL_OPTION_DEVICE_ID holds the 8-octet EUI-64 of its MAC instead of the 6-octet MAC (violates Table 5 eUE-1); blast radius: the link-local address follows the MAC of CL_OPTION_DEVICE_ID (6.3.4.1-01, -02)",
        Ids("T5-eUE-1-01h"),
        o => o.Behave(b => b with { EueSolicit = new ParametersEdit(p => p with { DeviceId = Eui64(p.DeviceId.ToArray()) }) }))
    { BlastRadius = Ids("6.3.4.1-01", "6.3.4.1-02") };

    public static readonly Mutant ClOroWithoutCccv6 = new("solicit-cl-oro-without-cccv6",
        "the eUE's CL_OPTION_ORO does not request CL_OPTION_CCCV6 (2171) (violates Table 5 eUE-1)",
        Ids("T5-eUE-1-01i"),
        o => o.Behave(b => b with { EueSolicit = new ParametersEdit(p => p with { RequestedClOptions = [ClOptionCode.TftpServers, ClOptionCode.ConfigFileName, ClOptionCode.SyslogServers] }) }));

    /// <summary>Issue 8: "Rapid Commit".</summary>
    public static readonly Mutant RapidCommit = new("solicit-rapid-commit",
        "the eUE asks for Rapid Commit in its SOLICIT and binds on the server's Rapid Commit REPLY, without REQUEST (violates 6.3.4.3 ¶1); blast radius: the server binds at once, so every scenario that needs the ADVERTISE / REQUEST exchange fails or cannot conclude",
        Ids("6.3.4.3-02"),
        o => o.Behave(b => b with
        {
            EueSolicit = new SolicitEdit(options => [.. options, Dhcp6Options.RapidCommit()]),
            EueDhcpv6Rules = new TakesRapidCommit(),
        }))
    { BlastRadius = Ids("6.1.1-02a", "6.2.1.1-03", "6.2.1.2-*", "6.3.1-02", "6.3.2.1-*", "6.3.5-*", "6.4.1.2-02", "6.4.1.2-03b", "6.4.1.4-*", "6.6.1-01b", "T2-CM4-03", "T3-CM4v6-04", "T5-eUE-1-03", "T5-eUE-2-03", "T5-eUE-3-*", "T5-eUE-4-*") };

    public static readonly Mutant TakesRapidCommitReply = new("takes-rapid-commit-reply",
        "the eUE, though it does not ask for Rapid Commit, binds on a Rapid Commit REPLY to its SOLICIT (violates 6.3.4.3 ¶1)",
        Ids("6.3.4.3-02"),
        o => o.Behave(b => b with { EueDhcpv6Rules = new TakesRapidCommit() }));

    public static readonly Mutant ElapsedTimeFrozen = new("dhcpv6-elapsed-time-zero",
        "the eUE reports an elapsed time of 0 in every DHCPv6 message, retransmissions included (violates 6.1.1 ¶4, RFC 3315 §22.9)",
        Ids("6.1.1-02a", "T5-eUE-1-03"),
        o => o.Behave(b => b with { EueDhcpv6Rules = new FrozenElapsed() }));

    public static readonly Mutant RequestReusesTransaction = new("dhcpv6-request-reuses-transaction-id",
        "the eUE's REQUEST keeps the transaction id of its SOLICIT instead of opening a new exchange (violates 6.1.1 ¶4, RFC 3315 §15.1)",
        Ids("6.1.1-02a"),
        o => o.Behave(b => b with { EueDhcpv6Rules = new SameTransaction() }));

    public static readonly Mutant TooManyRequests = new("dhcpv6-request-retransmitted-endlessly",
        "the device retransmits an unanswered DHCPv6 REQUEST far beyond REQ_MAX_RC (10) instead of going back to SOLICIT (violates 6.1.1 ¶4, RFC 3315 §18.1.1; Table 5 eUE-4)",
        Ids("6.1.1-02a", "T5-eUE-4-02"),
        o => o.Time(t => t with { RequestMaxCount = 1000 }));

    // ---------------------------------------------------------------- Table 5 eUE-2, eUE-3: ADVERTISE and REQUEST

    public static readonly Mutant AcceptsForeignTransaction = new("eue-dhcpv6-accepts-foreign-transaction-id",
        "the eUE takes ADVERTISEs whatever their transaction id (violates Table 5 eUE-2, RFC 3315 §15.3); blast radius: eUE-1-03 watches the same exchange",
        Ids("T5-eUE-2-03"),
        o => o.Behave(b => b with { EueDhcpv6Rules = new AnyTransaction6() }))
    { BlastRadius = Ids("T5-eUE-1-03") };

    public static readonly Mutant ChoosesOnFirstAdvertise = new("eue-chooses-first-advertise-at-once",
        "the eUE requests from the first ADVERTISE the moment it arrives instead of collecting ADVERTISEs for the first retransmission period (violates Table 5 eUE-3, RFC 3315 §17.1.2); blast radius: every scenario where the preferred server answers later (6.2.1.1-03, 6.2.1.2-04, 6.3.1-02, 6.4.1.2-02, 6.4.1.4-06, CM4 / CM4v6, eUE-3-06, -07) sees the first one taken",
        Ids("T5-eUE-3-02"),
        o => o.Behave(b => b with { EueDhcpv6Rules = new NoCollection() }))
    { BlastRadius = Ids("6.2.1.1-03", "6.2.1.2-04", "6.3.1-02", "6.4.1.2-02", "6.4.1.4-06", "T2-CM4-03", "T3-CM4v6-04", "T5-eUE-3-06", "T5-eUE-3-07") };

    public static readonly Mutant AcceptsAdvertiseWithoutSubOption3 = new("advertise-without-prov-entity-accepted",
        "the eUE accepts an ADVERTISE whose CL_OPTION_CCCV6 lacks sub-option 3 (the provisioning server) (violates Table 5 eUE-3); blast radius: eUE-1-03 and eUE-3-05 judge the same ADVERTISE selection",
        Ids("T5-eUE-3-03a", "T5-eUE-3-04"),
        o => o.Behave(b => b with { AdvertiseSelection = new NoSubOption3Needed() }))
    { BlastRadius = Ids("T5-eUE-1-03", "T5-eUE-3-05") };

    public static readonly Mutant PriorityInverted = new("advertise-priority-basic-first",
        "the eUE prefers ADVERTISEs with BASIC realms over HYBRID over Secure ones (violates Table 5 eUE-3: Secure, then HYBRID.x, then BASIC.x); blast radius: eUE-3-02 judges the same ADVERTISE selection",
        Ids("T5-eUE-3-06"),
        o => o.Behave(b => b with { AdvertiseSelection = new BasicFirst() }))
    { BlastRadius = Ids("T5-eUE-3-02") };

    public static readonly Mutant DisablesOnAnyShutdown = new("disables-on-any-shutdown-advertise",
        "the eUE disables itself when any valid ADVERTISE says \"0.0.0.0\", even with another one naming a provisioning server (violates Table 5 eUE-3); blast radius: eUE-3-06 judges the same ADVERTISE selection",
        Ids("T5-eUE-3-07"),
        o => o.Behave(b => b with { AdvertiseSelection = new AnyShutdownDisables() }))
    { BlastRadius = Ids("T5-eUE-3-06") };

    public static readonly Mutant IgnoresShutdownAdvertise = new("shutdown-advertise-ignored",
        "the eUE REQUESTs from an ADVERTISE whose CL_OPTION_CCCV6 sub-option 3 says \"0.0.0.0\" instead of disabling itself (violates Table 5 eUE-3, 6.3.2.1 ¶15); blast radius: eUE-3-06 and -07 judge the same ADVERTISE selection, and 6.3.2.1-03's shutdown scenario cannot conclude",
        Ids("T5-eUE-3-08a", "T5-eUE-3-08b"),
        o => o.Behave(b => b with { AdvertiseSelection = new ShutdownIgnored() }))
    { BlastRadius = Ids("T5-eUE-3-06", "T5-eUE-3-07", "6.3.2.1-03") };

    public static readonly Mutant RequestWithoutCapabilities = new("request-without-modem-capabilities",
        "the eUE's REQUEST leaves out CL_OPTION_MODEM_CAPABILITIES (only its SOLICIT carries them) (violates 6.6.1 bullet 2)",
        Ids("6.6.1-01b"),
        o => o.Behave(b => b with { EueSolicit = new RequestWithoutCl(ClOptionCode.ModemCapabilities) }));

    public static readonly Mutant RequestOroDiffers = new("request-cl-oro-differs",
        "the eUE's REQUEST does not request the syslog servers (CL option 34) that its SOLICIT requested (violates Table 5 eUE-3: the same options as the SOLICIT)",
        Ids("T5-eUE-3-10"),
        o => o.Behave(b => b with { EueSolicit = new RequestClOro([ClOptionCode.TftpServers, ClOptionCode.ConfigFileName, ClOptionCode.Cccv6]) }));

    // ---------------------------------------------------------------- Table 5 eUE-4: the REPLY

    public static readonly Mutant FollowsAdvertise = new("eue-follows-advertise-over-reply",
        "where the REPLY differs from the ADVERTISE the eUE configures itself from the ADVERTISE (violates Table 5 eUE-4)",
        Ids("T5-eUE-4-04"),
        o => o.Behave(b => b with { AdvertiseSelection = new AdvertiseWins() }));

    public static readonly Mutant ReplyNotChecked = new("reply-validity-not-checked",
        "the eUE takes a REPLY that would not be a valid ADVERTISE (no CL_OPTION_CCCV6, no realm, a foreign DSS_ID) (violates Table 5 eUE-4)",
        Ids("T5-eUE-4-05"),
        o => o.Behave(b => b with { AdvertiseSelection = new ReplyUnchecked() }));

    public static readonly Mutant NoDadOnLease = new("leased-address-without-dad",
        "the eUE uses its leased IPv6 address at once, without duplicate address detection (violates Table 5 eUE-4); blast radius: the leased-address conflict scenarios (eUE-4-07a, -07b) see no probe to conflict with",
        Ids("T5-eUE-4-06"),
        o => o.Behave(b => b with { Host = new NoLeaseDad() }))
    { BlastRadius = Ids("T5-eUE-4-07a", "T5-eUE-4-07b") };

    public static readonly Mutant NoDecline = new("conflicting-lease-not-declined",
        "when DAD finds its leased address in use the eUE starts over without DECLINEing it to the server (violates Table 5 eUE-4); blast radius: eUE-4-07b needs the DECLINE to go on",
        Ids("T5-eUE-4-07a"),
        o => o.Behave(b => b with { Host = new NoDeclineHost() }))
    { BlastRadius = Ids("T5-eUE-4-07b") };

    public static readonly Mutant NoRestartAfterDecline = new("no-restart-after-decline",
        "after DECLINEing a conflicting address the eUE does not start over at eUE-1 (violates Table 5 eUE-4)",
        Ids("T5-eUE-4-07b"),
        o => o.Behave(b => b with { EueDhcpv6Rules = new StopsAfterDecline() }));

    public static readonly Mutant GivesUpWithoutAdvertise = new("eue-gives-up-after-unusable-advertises",
        "when a SOLICIT round brings only ADVERTISEs it cannot use, the eUE stops and waits instead of starting again with a SOLICIT (violates Table 5 eUE-3 on failure, eUE-1 on failure); blast radius: every scenario whose ADVERTISE the eUE must refuse (6.2.1.2-04, 6.4.1.4-02, eUE-3-03a, -04) waits for that new SOLICIT",
        Ids("T5-eUE-3-05", "T5-eUE-1-03"),
        o => o.Behave(b => b with { EueDhcpv6Rules = new GivesUp() }))
    { BlastRadius = Ids("6.2.1.2-04", "6.4.1.4-02", "T5-eUE-3-03a", "T5-eUE-3-04") };

    public static readonly Mutant RequestUnicast = new("dhcpv6-request-unicast",
        "the eUE unicasts its REQUEST to the address the chosen ADVERTISE came from, though no server offered OPTION_UNICAST, instead of multicasting it to ff02::1:2 (violates Table 5 eUE-3, RFC 3315 §18.1.1)",
        Ids("T5-eUE-3-01", "T5-eUE-3-09"),
        o => o.Behave(b => b with { EueDhcpv6Rules = new UnicastRequest() }));

    public static readonly Mutant BasicLooksUpKdc = new("basic-flow-looks-up-kdc-in-ipv6",
        "in IPv6 mode the Basic flow also looks up the realm's Kerberos KDC before fetching its file (violates Table 5 eUE-4: BASIC.x runs the Basic flow); blast radius: 6.1.2-01a judges the same DNS queries",
        Ids("T5-eUE-4-08"),
        o => o.Behave(b => b with { Flow = new KdcAlways() }))
    { BlastRadius = Ids("6.1.2-01a") };

    public static readonly Mutant SecureSkipsKdc = new("secure-flow-skips-kdc-lookup",
        "with a Secure realm the eUE does not go on to eUE-5 (no DNS SRV lookup of the realm's KDC) (violates Table 5 eUE-4 note, eUE-5)",
        Ids("T5-eUE-4-10"),
        o => o.Behave(b => b with { Flow = new KdcNever() }));

    // ---------------------------------------------------------------- 6.2.1.2: a host of its own

    /// <summary>Issue 8: "accepting a link-local offer".</summary>
    public static readonly Mutant AcceptsLinkLocalOffer = new("link-local-offer-accepted",
        "the eUE accepts an ADVERTISE offering a link-local address (violates 6.2.1.2 bullet 4)",
        Ids("6.2.1.2-04"),
        o => o.Behave(b => b with { AdvertiseSelection = new LinkLocalAccepted() }));

    public static readonly Mutant ServicesFromLinkLocal = new("services-from-link-local-address",
        "in IPv6 mode the eUE sends its DNS, TFTP, syslog and SNMP traffic from its link-local address instead of its leased global one (violates 6.2.1.2 bullets 2, 11, 12); blast radius: every scenario that talks to the eUE's global address after provisioning (6.1.x, 6.2.1.2, 6.3.6, 6.5, 6.6.2, eUE-23, TLV 38) fails or cannot conclude",
        Ids("6.2.1.2-02", "6.2.1.2-11", "6.2.1.2-12"),
        o => o.Behave(b => b with { Host = new LinkLocalServices() }))
    { BlastRadius = Ids("6.1.2-01a", "6.1.5-01a", "6.1.6-01a", "6.2.1.2-03", "6.2.1.2-05a", "6.3.6-01", "6.5-03", "6.5-06", "6.6.2-01", "6.6.2-02", "T5-eUE-23-02", "T6-TLV38-01a", "6.4.2-01", "6.5-04") };

    public static readonly Mutant FetchesEcmFile = new("eue-fetches-ecm-config-file",
        "in the Basic flow the eUE also downloads the eCM's DOCSIS configuration file (the name the eCM's lease gave) from its TFTP server before its own (violates 6.2.1.2 bullet 5: its configuration comes from its own file only)",
        Ids("6.2.1.2-05a"),
        o => o.Behave(b => b with { Flow = new AlsoEcmFile() }))
    // eUE-22-04 silences the TFTP server: the extra request's own retries mix into the series it judges.
    { BlastRadius = Ids("T5-eUE-22-04") };

    public static readonly Mutant OnLinkOnly = new("reaches-on-link-servers-only",
        "the eUE installs no route through its router: with an address outside the headend's subnet it cannot reach its configuration server (violates 6.2.1.2 bullet 3)",
        Ids("6.2.1.2-03"),
        o => o.Behave(b => b with { Host = new OnLinkHost() }));

    /// <summary>Issue 8: "the eUE reusing the eCM's MAC".</summary>
    public static readonly Mutant EcmMacInDuid = new("eue-duid-from-ecm-mac",
        "the eUE builds its DUID (DHCPv6 OPTION_CLIENTID and DHCPv4 option 61) from the eCM's MAC instead of its own (violates 6.2.1.2 bullet 1); blast radius: the leased-address conflict scenarios (eUE-4-07a, -07b) identify the eUE by its DUID",
        Ids("6.2.1.2-01"),
        o => o.Behave(b => b with { EueSolicit = new EcmDuid(), EueDhcpv4Options = new EueIpv4Mutants.EcmMacClientIdentifier() }))
    { BlastRadius = Ids("T5-eUE-4-07a", "T5-eUE-4-07b") };

    // ---------------------------------------------------------------- the mutants' policies

    static byte[] Eui64(byte[] mac) => [mac[0], mac[1], mac[2], 0xFF, 0xFE, mac[3], mac[4], mac[5]];

    sealed class PlainEui64 : EueHostPolicy
    {
        public override IPAddress LinkLocalAddress(PhysicalAddress eueMac)
        {
            var a = base.LinkLocalAddress(eueMac).GetAddressBytes();
            a[8] ^= 0x02;
            return new IPAddress(a);
        }
    }

    sealed class NoLinkLocalDad : EueHostPolicy
    {
        public override bool ProbesLinkLocalAddress => false;
    }

    sealed class ConflictAction(LinkLocalConflictAction action) : EueHostPolicy
    {
        public override LinkLocalConflictAction OnLinkLocalConflict => action;
    }

    sealed class EarlyRouterSolicitation : EueHostPolicy
    {
        public override bool SolicitsRouterBeforeDad => true;
    }

    sealed class NoRouterWait : EueHostPolicy
    {
        public override bool WaitsForRouterAdvertisement => false;
    }

    sealed class AnyRouterAdvertisement : RouterAdvertisementPolicy
    {
        public override bool IsValid(RouterAdvertisement ra) => true;
    }

    sealed class NoLeaseDad : EueHostPolicy
    {
        public override bool ProbesLeasedAddress => false;
    }

    sealed class NoDeclineHost : EueHostPolicy
    {
        public override bool DeclinesConflictingLease => false;
    }

    sealed class LinkLocalServices : EueHostPolicy
    {
        public override IPAddress ServiceSource(EueIpConfiguration configuration, IPAddress? linkLocal) =>
            configuration.Mode == IpAddressingMode.Ipv6 && linkLocal is not null ? linkLocal : configuration.Address;
    }

    sealed class OnLinkHost : EueHostPolicy
    {
        public override bool Reaches(EueIpConfiguration configuration, IPAddress destination)
        {
            if (destination.AddressFamily != configuration.Address.AddressFamily) return false;
            var a = configuration.Address.GetAddressBytes();
            var d = destination.GetAddressBytes();
            for (int bit = 0; bit < configuration.PrefixLength; bit++)
                if (((a[bit / 8] ^ d[bit / 8]) & (0x80 >> (bit % 8))) != 0) return false;
            return true;
        }
    }

    sealed class TakesRapidCommit : Dhcpv6ClientRules
    {
        public override bool AcceptsRapidCommitReply => true;
    }

    sealed class FrozenElapsed : Dhcpv6ClientRules
    {
        public override ushort ReportedElapsed(ushort actual) => 0;
    }

    sealed class SameTransaction : Dhcpv6ClientRules
    {
        public override bool NewTransactionForRequest => false;
    }

    sealed class AnyTransaction6 : Dhcpv6ClientRules
    {
        public override bool BelongsToExchange(Dhcp6Message reply, uint transactionId) => true;
    }

    sealed class NoCollection : Dhcpv6ClientRules
    {
        public override bool CollectsAdvertisesForFirstRt => false;
    }

    sealed class StopsAfterDecline : Dhcpv6ClientRules
    {
        public override bool RestartsAfterDecline => false;
    }

    sealed class UuidDuid : EueSolicitBuilder
    {
        public override Duid ClientDuid(DeviceIdentity identity)
        {
            var bytes = new byte[18];
            bytes[1] = 4;
            identity.EueMac.GetAddressBytes().CopyTo(bytes, 12);
            return Duid.FromBytes(bytes);
        }
    }

    sealed class EcmDuid : EueSolicitBuilder
    {
        public override Duid ClientDuid(DeviceIdentity identity) => EueDuid.For(identity.EcmMac);
    }

    /// <summary>Rewrites the options of the SOLICIT only (the REQUEST is built apart).</summary>
    sealed class SolicitEdit(Func<IReadOnlyList<Dhcp6Option>, IReadOnlyList<Dhcp6Option>> edit) : EueSolicitBuilder
    {
        public override Dhcp6Message Solicit(EueSolicitParameters p)
        {
            var m = base.Solicit(p);
            return Dhcp6Message.Create(m.Type, m.TransactionId, edit(m.Options));
        }
    }

    /// <summary>Changes what SOLICIT, REQUEST and RENEW carry alike.</summary>
    sealed class ParametersEdit(Func<EueSolicitParameters, EueSolicitParameters> edit) : EueSolicitBuilder
    {
        public override EueSolicitParameters Parameters(DeviceIdentity identity, EueCapabilities capabilities, Duid duid, uint transactionId, ushort elapsed) =>
            edit(base.Parameters(identity, capabilities, duid, transactionId, elapsed));
    }

    /// <summary>The CableLabs options of a message, rewritten.</summary>
    static Dhcp6Message EditCableLabs(Dhcp6Message m, Func<IReadOnlyList<Dhcp6Option>, IEnumerable<Dhcp6Option>> edit) =>
        Dhcp6Message.Create(m.Type, m.TransactionId, m.Options.Select(o =>
        {
            if (o.Code != Dhcp6OptionCode.VendorOpts) return o;
            var vendor = VendorOptions.FromOption(o);
            return vendor.EnterpriseNumber == CableLabs.EnterpriseNumber ? Dhcp6Options.VendorOpts(vendor.EnterpriseNumber, edit(vendor.Options)) : o;
        }));

    sealed class HexCapabilities : EueSolicitBuilder
    {
        static Dhcp6Message Hex(Dhcp6Message m) => EditCableLabs(m, options => options.Select(o => o.Code == ClOptionCode.ModemCapabilities
            ? new Dhcp6Option(o.Code, Encoding.ASCII.GetBytes(Convert.ToHexString(o.Data.Span)))
            : o));

        public override Dhcp6Message Solicit(EueSolicitParameters p) => Hex(base.Solicit(p));
        public override Dhcp6Message Request(EueSolicitParameters p, Duid server, IaNa? advertisedIa) => Hex(base.Request(p, server, advertisedIa));
    }

    sealed class RequestWithoutCl(ushort code) : EueSolicitBuilder
    {
        public override Dhcp6Message Request(EueSolicitParameters p, Duid server, IaNa? advertisedIa) =>
            EditCableLabs(base.Request(p, server, advertisedIa), options => options.Where(o => o.Code != code));
    }

    sealed class RequestClOro(ushort[] codes) : EueSolicitBuilder
    {
        public override Dhcp6Message Request(EueSolicitParameters p, Duid server, IaNa? advertisedIa) =>
            base.Request(p with { RequestedClOptions = codes }, server, advertisedIa);
    }

    sealed class NoSubOption3Needed : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm)
        {
            var a = base.Assess(message, fromEcm);
            if (a.Valid || a.Reason != "CL_OPTION_CCCV6 without sub-option 3" || Cccv6(message) is not { PrimaryDssId: { } dss, KerberosRealm: { Length: > 0 } realm }
                || !DssMatches(dss, fromEcm)) return a;
            return new(message, true, "mutant: no sub-option 3 needed", FlowOf(realm), false);
        }
    }

    sealed class BasicFirst : AdvertiseSelection
    {
        public override int Priority(AdvertiseAssessment a) => a.Shutdown ? 3 : 2 - base.Priority(a);
    }

    sealed class AnyShutdownDisables : AdvertiseSelection
    {
        public override (AdvertiseChoice Choice, Dhcp6Message? Chosen) Choose(IReadOnlyList<Dhcp6Message> advertises, EueProvisioningOptions fromEcm, Action<string> note)
        {
            var choice = base.Choose(advertises, fromEcm, note);
            return advertises.Select(m => Assess(m, fromEcm)).Any(a => a.Valid && a.Shutdown) ? (AdvertiseChoice.Disable, null) : choice;
        }
    }

    sealed class ShutdownIgnored : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm) => base.Assess(message, fromEcm) with { Shutdown = false };
    }

    sealed class AdvertiseWins : AdvertiseSelection
    {
        public override Dhcp6Message ConfiguresFrom(Dhcp6Message advertise, Dhcp6Message reply) => advertise;
    }

    sealed class ReplyUnchecked : AdvertiseSelection
    {
        public override bool ChecksReply => false;
    }

    sealed class LinkLocalAccepted : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm)
        {
            var a = base.Assess(message, fromEcm);
            if (a.Valid || !a.Reason.StartsWith("offers the link-local address", StringComparison.Ordinal)
                || Cccv6(message) is not { PrimaryDssId: { } dss, KerberosRealm: { Length: > 0 } realm, ProvSnmpEntity: { } entity } || !DssMatches(dss, fromEcm)) return a;
            return new(message, true, "mutant: a link-local offer taken", FlowOf(realm), entity.IsShutdown);
        }
    }

    sealed class GivesUp : Dhcpv6ClientRules
    {
        public override bool SolicitsAgainWithoutUsableAdvertise => false;
    }

    sealed class UnicastRequest : Dhcpv6ClientRules
    {
        public override IPAddress RequestDestination(IPAddress advertisedFrom) => advertisedFrom;
    }

    sealed class AlsoEcmFile : Eue.Flows.FlowPolicy
    {
        public override IReadOnlyList<string> OtherFilesFetched(string? ecmConfigFile) => ecmConfigFile is null ? [] : [ecmConfigFile];
    }

    sealed class KdcAlways : Eue.Flows.FlowPolicy
    {
        public override bool LooksUpKdc(Protocols.Dhcp4.ProvisioningFlow flow, IpAddressingMode mode) =>
            base.LooksUpKdc(flow, mode) || (flow == Protocols.Dhcp4.ProvisioningFlow.Basic && mode == IpAddressingMode.Ipv6);
    }

    sealed class KdcNever : Eue.Flows.FlowPolicy
    {
        public override bool LooksUpKdc(Protocols.Dhcp4.ProvisioningFlow flow, IpAddressingMode mode) => false;
    }

    static ClOptionCccv6? Cccv6(Dhcp6Message message)
    {
        try { return message.CableLabs?.Cccv6; }
        catch (EUeConformance.Protocols.Wire.ParseError) { return null; }
    }
}
