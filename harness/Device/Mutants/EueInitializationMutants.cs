using System.Net;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Ipv4;
using EUeConformance.Device.Eue.Ipv6;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using static EUeConformance.Device.Mutants.Deviations;

namespace EUeConformance.Device.Mutants;

/// <summary>
/// Mutants of the eUE's start (EUE-PROV 6.3.1 ¶2, 6.3.2, 6.3.2.1 Table 4) and of the hand-over of its DHCP servers from the
/// eCM (6.2.1.1, 6.3.2.2, 6.4.1.1, 6.4.1.2, 6.4.1.4; features/eue-initialization and eue-dhcp-server-options).
/// </summary>
public static class EueInitializationMutants
{
    // ---------------------------------------------------------------- Table 4

    public static readonly Mutant NoPreferenceMeansIpv4 = new("table4-no-preference-means-ipv4",
        "given eUE DHCPv4 servers and DSS_IDs without a preference, the eCM starts its eUE in IPv4 mode instead of IPv6 (violates 6.3.2.1 Table 4); blast radius: the scenarios whose eUE is given both kinds of servers without a preference run in the wrong mode (6.2.1.1-03, 6.3.2.1-02, 6.4.1.1-01a)",
        Ids("6.3.2.1-01g"),
        o => o.Behave(b => b with { EueInitialization = new NoPreferenceIpv4() }))
    { BlastRadius = Ids("6.2.1.1-03", "6.3.2.1-02", "6.4.1.1-01a") };

    public static readonly Mutant IgnoresPreference = new("table4-ignores-preference",
        "the eCM disregards CL_V4OPTION_IP_PREF / CL_OPTION_IP_PREF and decides as if no preference were given (violates 6.3.2.1 Table 4); blast radius: the reference headend states a preference for the scenario's mode, so every eUE scenario whose mode differs from Table 4's no-preference choice runs in the other mode and fails or cannot conclude",
        Ids("6.3.2.1-01c", "6.3.1-02"),
        o => o.Behave(b => b with { EueInitialization = new PreferenceIgnored() }))
    { BlastRadius = Ids("6.1.1-01a", "6.1.2-01a", "6.1.5-01a", "6.1.6-02", "6.2.1.1-03", "6.2.1.2-*", "6.3.2.1-02", "6.3.3-02", "6.3.3-04", "6.3.5-*", "6.4.1.1-01a", "6.4.2-01", "6.5-04", "6.5-05", "6.6.1-01a", "6.6.2-01", "6.6.2-02", "A.1-01", "A.2-01", "A.2-02", "T2-CM4-03", "T3-CM4v6-04", "T6-TLV38-01a", "6.6.5-*") };

    public static readonly Mutant SingleModesSwapped = new("table4-single-modes-swapped",
        "a dual-stack eUE given only eUE DHCPv4 servers is started in IPv6 mode, and given only DSS_IDs in IPv4 mode (violates 6.3.2.1 Table 4); blast radius: the CM3 / CM3v6 scenarios with one kind of server start the eUE in the wrong mode (T2-CM3, T3-CM3v6, 6.3.2.1-02)",
        Ids("6.3.2.1-01e", "6.3.2.1-01f"),
        o => o.Behave(b => b with { EueInitialization = new SwapsSingleModes() }))
    { BlastRadius = Ids("6.3.2.1-02", "T2-CM3-01", "T2-CM3-03", "T3-CM3v6-01", "T3-CM3v6-04") };

    public static readonly Mutant IgnoresShutdown = new("table4-ignores-shutdown-values",
        "the eCM starts its eUE although the eUE DHCPv4 server is 0.0.0.0 or the DSS_ID is 00000000 (violates 6.3.2.1 Table 4, 6.3.2.2, 6.4.1.1, 6.4.1.2, 6.4.1.4); blast radius: the scenarios with the shutdown values (6.2.1.1-03, 6.3.2.1-03) see an eUE that starts",
        Ids("6.3.2.1-01i", "6.4.1.1-01a", "6.4.1.2-03a", "6.4.1.4-03a"),
        o => o.Behave(b => b with { EueInitialization = new NoShutdown() }))
    { BlastRadius = Ids("6.2.1.1-03", "6.3.2.1-03") };

    public static readonly Mutant Ipv4WheneverPossible = new("table4-ipv4-whenever-possible",
        "the eCM starts its eUE in IPv4 mode whenever eUE DHCPv4 servers came, whatever the preference (violates 6.3.2.1 Table 4); blast radius: the headend gives both kinds of servers, so every IPv6-mode eUE scenario runs in IPv4 mode and fails or cannot conclude",
        Ids("6.3.2.1-01d", "6.3.2.1-01g"),
        o => o.Behave(b => b with { EueInitialization = new Ipv4First() }))
    { BlastRadius = Ids("6.1.1-02a", "6.1.2-01a", "6.1.5-01a", "6.2.1.1-03", "6.2.1.2-*", "6.3.1-02", "6.3.2.1-*", "6.3.3-02", "6.3.4-01", "6.3.4.1-*", "6.3.4.2-*", "6.3.4.3-02", "6.3.5-*", "6.4.1.1-01a", "6.4.1.2-02", "6.4.1.2-03b", "6.4.1.4-*", "6.5-03", "6.5-06", "6.6.1-01b", "6.6.2-01", "6.6.2-02", "A.1-01", "A.2-01", "A.2-02", "T2-CM4-03", "T3-CM4v6-04", "T5-eUE-1-*", "T5-eUE-19-10", "T5-eUE-2-03", "T5-eUE-20-*", "T5-eUE-21-02", "T5-eUE-22-*", "T5-eUE-23-05", "T5-eUE-3-*", "T5-eUE-4-*", "T6-TLV38-01a", "6.4.2-01", "6.5-04") };

    public static readonly Mutant DormantEueStarts = new("table4-dormant-eue-starts",
        "without any eUE server information the eCM starts its eUE in IPv4 mode instead of leaving it dormant (violates 6.3.2.1 Table 4); blast radius: the CM3 / CM3v6 scenarios without E-UE options expect a dormant eUE (T2-CM3, T3-CM3v6, 6.3.2.1-03)",
        Ids("6.3.2.1-01h"),
        o => o.Behave(b => b with { EueInitialization = new NeverDormant() }))
    { BlastRadius = Ids("6.3.2.1-03", "T2-CM3-*", "T3-CM3v6-*") };

    /// <summary>6.3.1 ¶2: the E-UE options of the dual-stack eCM's other server.</summary>
    public static readonly Mutant OptionsFromOtherServer = new("ecm-eue-options-from-secondary-mode",
        "a dual-stack eCM hands its eUE the E-UE options of the DHCP server of its secondary provisioning mode instead of its primary one (violates 6.3.1 ¶2); blast radius: 6.2.1.1-03 judges the options the eCM hands over, which come from the wrong server",
        Ids("6.3.1-02"),
        o => o.Behave(b => b with { EcmFlow = new OtherServer() }))
    { BlastRadius = Ids("6.2.1.1-03") };

    /// <summary>6.3.2.1 ¶15: a dormant or disabled eUE still holds (and defends) its link-local address.</summary>
    public static readonly Mutant IdleKeepsLinkLocal = new("idle-eue-keeps-link-local",
        "a dormant or disabled eUE configures its link-local address and so answers neighbour solicitations for it (violates 6.3.2.1 ¶15); blast radius: the other dormant / disabled-eUE scenarios (6.3.2.1-01h, -01i, eUE-3-08) probe the same address",
        Ids("6.3.2.1-03"),
        o => o.Behave(b => b with { Host = new IdleLinkLocal() }))
    { BlastRadius = Ids("6.3.2.1-01h", "6.3.2.1-01i", "T5-eUE-3-08a", "T5-eUE-3-08b") };

    // ---------------------------------------------------------------- the eUE's DHCPv4 servers (6.3.2.2, 6.4.1.1)

    public static readonly Mutant TakesFirstAcceptableOffer = new("eue-takes-first-acceptable-offer",
        "the eUE in IPv4 mode takes the first OFFER that carries option 122, from any server, ignoring the eUE DHCPv4 servers the eCM named (violates 6.3.2.2, 6.4.1.1); blast radius: the scenarios that offer from both servers (6.3.1-02, T3-CM4v6-04) see the first offer taken",
        Ids("6.4.1.1-01a", "6.2.1.1-03", "6.3.2.1-02", "T2-CM4-03"),
        o => o.Behave(b => b with { OfferAcceptance = new FirstAcceptable() }))
    { BlastRadius = Ids("6.3.1-02", "T3-CM4v6-04") };

    public static readonly Mutant Ipv4OnlyTakesFirstAcceptableOffer = new("ipv4-only-eue-takes-first-acceptable-offer",
        "an IPv4-only eUE takes the first OFFER that carries option 122, from any server (violates 6.3.2.1 Table 4 rows of a single-stack eUE, 6.3.2.2); blast radius: the scenarios that offer from both servers (6.2.1.1-03, 6.3.1-02, 6.4.1.1-01a, CM4 / CM4v6) see the first offer taken",
        Ids("6.3.2.1-01a", "6.3.2.1-02"),
        o => o.Behave(b => b with { OfferAcceptance = new FirstAcceptable() }))
    { Ics = Ipv4Only, BlastRadius = Ids("6.2.1.1-03", "6.3.1-02", "6.4.1.1-01a", "T2-CM4-03", "T3-CM4v6-04") };

    public static readonly Mutant NoServerWildcard = new("eue-dhcpv4-server-wildcard-refused",
        "the eUE does not read 255.255.255.255 as 'any server' and so accepts no OFFER (violates 6.3.2.2, 6.4.1.1); blast radius: the scenarios whose eCM hands over 255.255.255.255 (6.2.1.2-03, 6.3.2.1-02) see an eUE that provisions nowhere",
        Ids("6.4.1.1-01a"),
        o => o.Behave(b => b with { OfferAcceptance = new NoWildcard() }))
    { BlastRadius = Ids("6.2.1.1-03", "6.3.2.1-02") };

    // ---------------------------------------------------------------- the eUE's DHCPv6 servers (DSS_IDs: 6.3.2.2, 6.4.1.2, 6.4.1.4)

    /// <summary>Issue 8: "accepting an ADVERTISE from a DSS_ID it was not given".</summary>
    public static readonly Mutant AnyDssId = new("eue-accepts-any-dss-id",
        "the eUE in IPv6 mode accepts an ADVERTISE whatever DSS_ID it carries, as if the eCM had been given FFFFFFFF (violates 6.3.2.2, 6.4.1.4, Table 5 eUE-3); blast radius: every scenario where a foreign or secondary DSS_ID answers first (6.3.1-02, 6.4.1.2, 6.4.1.4, CM4, eUE-1-03, eUE-3, eUE-4-05) sees it taken",
        Ids("6.2.1.1-03", "T3-CM4v6-04", "T5-eUE-3-03a"),
        o => o.Behave(b => b with { AdvertiseSelection = new AnyDssFirst() }))
    { BlastRadius = Ids("6.3.1-02", "6.4.1.2-02", "6.4.1.4-02", "6.4.1.4-06", "T2-CM4-03", "T5-eUE-1-03", "T5-eUE-3-04", "T5-eUE-3-05", "T5-eUE-4-05") };

    public static readonly Mutant Ipv6OnlyAnyDssId = new("ipv6-only-eue-accepts-any-dss-id",
        "an IPv6-only eUE accepts an ADVERTISE whatever DSS_ID it carries (violates 6.3.2.1 Table 4 rows of a single-stack eUE, 6.3.2.2); blast radius: every scenario where a foreign or secondary DSS_ID answers first (6.2.1.1-03, 6.3.1-02, 6.4.1.2, 6.4.1.4, CM4 / CM4v6, eUE-1-03, eUE-3, eUE-4-05) sees it taken",
        Ids("6.3.2.1-01b", "6.3.2.1-02"),
        o => o.Behave(b => b with { AdvertiseSelection = new AnyDssFirst() }))
    { Ics = Ipv6Only, BlastRadius = Ids("6.2.1.1-03", "6.3.1-02", "6.4.1.2-02", "6.4.1.4-02", "6.4.1.4-06", "T2-CM4-03", "T3-CM4v6-04", "T5-eUE-1-03", "T5-eUE-3-*", "T5-eUE-4-05") };

    public static readonly Mutant DssIdComparedInFull = new("dss-id-compared-in-full",
        "a DSS_ID longer than 32 octets is compared in full instead of by its first 32 octets (violates 6.4.1.2, 6.4.1.4)",
        Ids("6.4.1.2-02", "6.4.1.4-02"),
        o => o.Behave(b => b with { AdvertiseSelection = new NoTruncation() }));

    public static readonly Mutant NoDssWildcard = new("dss-id-wildcard-refused",
        "the eUE does not read the DSS_ID FFFFFFFF as 'any server' (violates 6.4.1.2, 6.4.1.4); blast radius: the eUE-3 scenarios with the FFFFFFFF wildcard (eUE-3-02, -06) see no ADVERTISE accepted",
        Ids("6.4.1.2-03b", "6.4.1.4-03b"),
        o => o.Behave(b => b with { AdvertiseSelection = new NoDssWildcardSelection() }))
    { BlastRadius = Ids("T5-eUE-3-02", "T5-eUE-3-06") };

    /// <summary>6.4.1.4: sub-option 2 of the ADVERTISE's CL_OPTION_CCCV6 taken as identifying the server.</summary>
    public static readonly Mutant DssSubOption2Identifies = new("dss-id-sub-option-2-identifies",
        "the eUE also accepts an ADVERTISE whose CL_OPTION_CCCV6 sub-option 2 (not sub-option 1) holds a DSS_ID the eCM was given (violates 6.4.1.4)",
        Ids("6.4.1.4-06"),
        o => o.Behave(b => b with { AdvertiseSelection = new SubOption2Counts() }));

    /// <summary>6.4.1.4: a sub-option 2 of 00000000 in the ADVERTISE read as "do not provision".</summary>
    public static readonly Mutant DssSubOption2Zero = new("dss-id-sub-option-2-zero-refused",
        "the eUE refuses an ADVERTISE whose CL_OPTION_CCCV6 sub-option 2 is 00000000, reading it as 'do not provision' (violates 6.4.1.4: sub-option 2 is ignored)",
        Ids("6.4.1.4-07"),
        o => o.Behave(b => b with { AdvertiseSelection = new SubOption2Zero() }));

    // ---------------------------------------------------------------- the mutants' policies

    sealed class NoPreferenceIpv4 : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given) =>
            given.IpPreference is null && given.HasDhcpv4Servers ? new(EueInitializationOutcome.StartIpv4, "mutant", given) : base.Decide(requested, given);
    }

    sealed class Ipv4First : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given) =>
            given.HasDhcpv4Servers && requested.Dhcpv4Servers ? new(EueInitializationOutcome.StartIpv4, "mutant", given) : base.Decide(requested, given);
    }

    sealed class PreferenceIgnored : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given) => base.Decide(requested, given with { IpPreference = null });
    }

    sealed class SwapsSingleModes : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given)
        {
            var d = base.Decide(requested, given);
            if (given.HasDhcpv4Servers != given.HasDhcpv6DssIds && requested.Both && d.Starts)
                return d with { Outcome = d.Outcome == EueInitializationOutcome.StartIpv4 ? EueInitializationOutcome.StartIpv6 : EueInitializationOutcome.StartIpv4 };
            return d;
        }
    }

    sealed class NoShutdown : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given)
        {
            var d = base.Decide(requested, given);
            if (d.Outcome != EueInitializationOutcome.Shutdown) return d;
            return d with { Outcome = IPAddress.Any.Equals(given.Dhcpv4Primary) ? EueInitializationOutcome.StartIpv4 : EueInitializationOutcome.StartIpv6 };
        }
    }

    sealed class NeverDormant : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given)
        {
            var d = base.Decide(requested, given);
            return d.Outcome == EueInitializationOutcome.Dormant ? d with { Outcome = EueInitializationOutcome.StartIpv4 } : d;
        }
    }

    sealed class OtherServer : EcmFlowPolicy
    {
        public override bool EueOptionsFromPrimary => false;
    }

    sealed class IdleLinkLocal : EueHostPolicy
    {
        public override bool IdleKeepsLinkLocalAddress => true;
    }

    sealed class FirstAcceptable : OfferAcceptance
    {
        public override DhcpMessage? Choose(IReadOnlyList<DhcpMessage> offers, EueProvisioningOptions fromEcm, Action<string> note) =>
            offers.FirstOrDefault(o => Accepts(o, fromEcm with { Dhcpv4Primary = IPAddress.Broadcast }, out _));
    }

    sealed class NoWildcard : OfferAcceptance
    {
        public override bool Accepts(DhcpMessage offer, EueProvisioningOptions fromEcm, out string reason)
        {
            if (!IPAddress.Broadcast.Equals(fromEcm.Dhcpv4Primary)) return base.Accepts(offer, fromEcm, out reason);
            reason = "mutant: 255.255.255.255 is not read as any server";
            return false;
        }
    }

    sealed class AnyDssFirst : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm) =>
            base.Assess(message, fromEcm with { DssIdPrimary = DssId.AnyServer, DssIdSecondary = null });
    }

    sealed class NoTruncation : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm)
        {
            var a = base.Assess(message, fromEcm);
            var advertised = Cccv6(message)?.PrimaryDssId;
            bool fullMatch = advertised is { } d && (fromEcm.DssIdPrimary is { } p && p.Equals(d) || fromEcm.DssIdSecondary is { } s && s.Equals(d)
                || fromEcm.DssIdPrimary is { IsAnyServer: true });
            return a.Valid && !fullMatch ? a with { Valid = false, Reason = "mutant: DSS_ID compared in full" } : a;
        }
    }

    sealed class NoDssWildcardSelection : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm)
        {
            var a = base.Assess(message, fromEcm);
            return a.Valid && fromEcm.DssIdPrimary is { IsAnyServer: true } && Cccv6(message)?.PrimaryDssId is { IsAnyServer: false }
                ? a with { Valid = false, Reason = "mutant: FFFFFFFF is not a wildcard" } : a;
        }
    }

    sealed class SubOption2Counts : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm)
        {
            var a = base.Assess(message, fromEcm);
            if (a.Valid || Cccv6(message) is not { SecondaryDssId: { } second, KerberosRealm: { } realm } || !DssMatches(second, fromEcm)) return a;
            return new(message, true, "mutant: sub-option 2 matched", FlowOf(realm), false);
        }
    }

    sealed class SubOption2Zero : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm)
        {
            var a = base.Assess(message, fromEcm);
            return a.Valid && Cccv6(message)?.SecondaryDssId is { IsDoNotProvision: true } ? a with { Valid = false, Reason = "mutant: sub-option 2 says 00000000" } : a;
        }
    }

    static ClOptionCccv6? Cccv6(Dhcp6Message message)
    {
        try { return message.CableLabs?.Cccv6; }
        catch (EUeConformance.Protocols.Wire.ParseError) { return null; }
    }
}
