using System.Net;
using System.Text.RegularExpressions;
using EUeConformance.Device;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue.Ipv4;
using EUeConformance.Device.Eue.Ipv6;
using EUeConformance.Device.Options;
using EUeConformance.Network.Time;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Profile;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Suite;

/// <summary>
/// The eCM scenarios (features/ecm-*.feature, eue-initialization, eue-dhcp-server-options, time-of-day) can fail:
/// each mutant of the reference E-UE breaks one rule of Tables 2-4, 6.4.1 or 6.3.2.3 through a policy, a timer or a
/// claim, and the scenarios that verify that rule must give 'fail' against it (ARCHITECTURE.md: the suite must be
/// able to fail). The reference device itself passing them is the full runs' business (CliTests).
/// </summary>
public sealed class EcmMutantTests
{
    static readonly Lazy<IReadOnlyList<Pickle>> Pickles = new(() => FeatureLoader.LoadDirectory(Repo.Features, Repo.Root));
    static readonly BindingRegistry Registry = BindingRegistry.Discover(typeof(EUeConformance.Steps.Ecm.EcmBed).Assembly);

    public sealed record Mutant(string Name, string Profile, Func<ReferenceDeviceOptions, ReferenceDeviceOptions> Mutate, string Feature, string Scenarios, params string[] Breaks)
    {
        public override string ToString() => Name;
    }

    static ReferenceDeviceOptions Behave(ReferenceDeviceOptions o, Func<DeviceBehaviour, DeviceBehaviour> change) => o with { Behaviour = change(o.Behaviour) };
    static ReferenceDeviceOptions Time(ReferenceDeviceOptions o, Func<DeviceTimers, DeviceTimers> change) => o with { Timers = change(o.Timers) };

    const string T2 = "ecm-ipv4-provisioning", T3 = "ecm-ipv6-provisioning", Init = "eue-initialization", Servers = "eue-dhcp-server-options", Tod = "time-of-day";

    public static TheoryData<Mutant> Mutants => new()
    {
        // ---- Table 2 / Table 3 CM1: the E-UE requests
        new("no E-UE requests in the DISCOVER", "reference", o => Behave(o, b => b with { EcmDhcpv4Options = new RequestsFor(new(false, false, false)) }),
            T2, "asks for option 122$|asks for CL_V4OPTION_CCCV6$|CL_V4OPTION_IP_PREF$", "EUE-PROV-T2-CM1-02a", "EUE-PROV-T2-CM1-04a", "EUE-PROV-T2-CM1-05a"),
        new("every E-UE request in the DISCOVER, IPv4-only eUE", "v4only", o => Behave(o, b => b with { EcmDhcpv4Options = new RequestsFor(new(true, true, true)) }),
            T2, "without IPv6|not dual-stack", "EUE-PROV-T2-CM1-04b", "EUE-PROV-T2-CM1-05b"),
        new("every E-UE request in the DISCOVER, IPv6-only eUE", "v6only", o => Behave(o, b => b with { EcmDhcpv4Options = new RequestsFor(new(true, true, true)) }),
            T2, "without IPv4", "EUE-PROV-T2-CM1-02b"),
        new("no E-UE requests in the SOLICIT", "reference", o => Behave(o, b => b with { EcmDhcpv6Options = new Requests6For(new(false, false, false)) }),
            T3, "asks for CL_OPTION_CCC$|asks for CL_OPTION_CCCV6$|CL_OPTION_IP_PREF$", "EUE-PROV-T3-CM1v6-01a", "EUE-PROV-T3-CM1v6-01b", "EUE-PROV-T3-CM1v6-01c"),
        new("every E-UE request in the SOLICIT, IPv4-only eUE", "v4only", o => Behave(o, b => b with { EcmDhcpv6Options = new Requests6For(new(true, true, true)) }),
            T3, "IPv4-only eUE the SOLICIT", "EUE-PROV-T3-CM1v6-01d"),
        new("the REQUEST drops the E-UE requests of the DISCOVER", "reference", o => Behave(o, b => b with { EcmDhcpv4Options = new ForgetfulRequest() }),
            T2, "same options as its DHCPDISCOVER", "EUE-PROV-T2-CM3-09"),
        new("the DHCPv6 REQUEST drops the E-UE requests of the SOLICIT", "reference", o => Behave(o, b => b with { EcmDhcpv6Options = new ForgetfulRequest6() }),
            T3, "same E-UE options as its SOLICIT", "EUE-PROV-T3-CM3v6-11"),

        // ---- retransmission (RFC 2131 / RFC 3315 as DOCSIS applies them)
        new("DHCPv4 retransmission without backoff", "reference", o => Time(o, t => t with { Dhcpv4Retransmissions = DeviceTimers.Seconds(4, 4, 4, 4, 4) }),
            T2, "Without any DHCPOFFER|DHCPREQUEST unanswered", "EUE-PROV-T2-CM1-03", "EUE-PROV-T2-CM3-02"),
        new("SOLICIT retransmission without backoff", "reference", o => Time(o, t => t with { SolicitMaxTimeout = TimeSpan.FromSeconds(1) }),
            T3, "Without any ADVERTISE", "EUE-PROV-T3-CM1v6-03"),
        new("DHCPv6 REQUEST retransmission without backoff", "reference", o => Time(o, t => t with { RequestMaxTimeout = TimeSpan.FromSeconds(1) }),
            T3, "DHCPv6 REQUEST unanswered", "EUE-PROV-T3-CM3v6-03"),

        // ---- CM3 / CM3v6: offer selection and the three retries
        new("the eCM takes the first offer", "reference", o => Behave(o, b => b with { EcmOfferSelection = new FirstOffer() }),
            T2, "prefers the DHCPOFFER.*earlier=first|chooses the DHCPOFFER.*earlier=first|retries DISCOVER three times", "EUE-PROV-T2-CM3-04", "EUE-PROV-T2-CM3-06", "EUE-PROV-T2-CM3-07"),
        new("the eCM takes the first ADVERTISE", "reference", o => Behave(o, b => b with { EcmOfferSelection = new FirstOffer() }),
            T3, "prefers the ADVERTISE.*earlier=first|chooses the ADVERTISE.*earlier=first|retries SOLICIT three times", "EUE-PROV-T3-CM3v6-05", "EUE-PROV-T3-CM3v6-07", "EUE-PROV-T3-CM3v6-08"),
        new("the eCM keeps retrying for the E-UE options", "reference", o => Behave(o, b => b with { EcmOfferSelection = new NeverSettles() }),
            T2, "retries DISCOVER three times", "EUE-PROV-T2-CM3-08"),
        new("the eCM wants every requested option in one offer", "reference", o => Behave(o, b => b with { EcmOfferSelection = new CompleteOnly() }),
            T2, "only one of the two E-UE options", "EUE-PROV-T2-CM3-03"),
        new("the eCM wants every requested option in one ADVERTISE", "reference", o => Behave(o, b => b with { EcmOfferSelection = new CompleteOnly() }),
            T3, "only one of the two E-UE options", "EUE-PROV-T3-CM3v6-04"),
        new("CM3 retries at a constant interval", "reference", o => Time(o, t => t with { EcmRequestedOptionRetries = DeviceTimers.Seconds(3, 3, 3) }),
            T2, "retries DISCOVER three times", "EUE-PROV-T2-CM3-07"),
        new("CM3v6 retries twice only", "reference", o => Time(o, t => t with { EcmRequestedOptionRetries = DeviceTimers.Seconds(2, 4) }),
            T3, "retries SOLICIT three times", "EUE-PROV-T3-CM3v6-08"),

        // ---- Table 4
        new("no preference and both: IPv4", "reference", o => Behave(o, b => b with { EueInitialization = new NoPreferenceMeansIpv4() }),
            Init, "Table 4 gives.*no preference, both", "EUE-PROV-6.3.2.1-01g"),
        new("the preference is ignored", "reference", o => Behave(o, b => b with { EueInitialization = new IgnoresPreference() }),
            Init, "Table 4 gives.*preference for IPv4 with|primary DHCP server only.*mode=IPv4", "EUE-PROV-6.3.2.1-01c", "EUE-PROV-6.3.1-02"),
        new("only-DSS_IDs and only-DHCPv4 swapped", "reference", o => Behave(o, b => b with { EueInitialization = new SwapsSingleModes() }),
            Init, "Table 4 gives.*(DSS_IDs only|eUE DHCPv4 server addresses only)", "EUE-PROV-6.3.2.1-01e", "EUE-PROV-6.3.2.1-01f"),
        new("the shutdown values are not honoured", "reference", o => Behave(o, b => b with { EueInitialization = new NoShutdown() }),
            Init + "|" + Servers, "0\\.0\\.0\\.0|four zero octets", "EUE-PROV-6.3.2.1-01i", "EUE-PROV-6.4.1.2-03a", "EUE-PROV-6.4.1.4-03a", "EUE-PROV-6.4.1.1-01a"),
        new("IPv4 whenever the eUE DHCPv4 servers came", "reference", o => Behave(o, b => b with { EueInitialization = new Ipv4WheneverPossible() }),
            Init, "Table 4 gives.*(preference for IPv6 with|no preference, both)", "EUE-PROV-6.3.2.1-01d", "EUE-PROV-6.3.2.1-01g"),
        new("an IPv4-only eUE takes the first acceptable OFFER", "v4only", o => Behave(o, b => b with { OfferAcceptance = new FirstAcceptable() }),
            Init, "IPv4-only eUE given eUE DHCPv4 server addresses", "EUE-PROV-6.3.2.1-01a", "EUE-PROV-6.3.2.1-02"),
        new("an IPv6-only eUE takes the first ADVERTISE whatever its DSS_ID", "v6only", o => Behave(o, b => b with { AdvertiseSelection = new AnyDssFirst() }),
            Init, "IPv6-only eUE given DSS_IDs", "EUE-PROV-6.3.2.1-01b", "EUE-PROV-6.3.2.1-02"),
        new("a dormant eUE starts anyway", "reference", o => Behave(o, b => b with { EueInitialization = new NeverDormant() }),
            Init + "|" + T2, "no eUE server information|no OFFER carrying the E-UE options", "EUE-PROV-6.3.2.1-01h", "EUE-PROV-T2-CM3-08"),

        // ---- the hand-over of the eUE's servers, as the eUE applies it
        new("the eUE takes the first acceptable OFFER", "reference", o => Behave(o, b => b with { OfferAcceptance = new FirstAcceptable() }),
            Servers + "|" + T2, "option 122 sub-option 1 names.*secondary|DHCPv4 server named in the DHCPACK", "EUE-PROV-6.4.1.1-01a", "EUE-PROV-T2-CM4-03"),
        new("255.255.255.255 is not 'any server'", "reference", o => Behave(o, b => b with { OfferAcceptance = new NoWildcard() }),
            Servers, "255\\.255\\.255\\.255", "EUE-PROV-6.4.1.1-01a"),
        new("the eUE takes the first ADVERTISE whatever its DSS_ID", "reference", o => Behave(o, b => b with { AdvertiseSelection = new AnyDssFirst() }),
            Servers + "|" + T3, "DSS_ID the eCM was given.*secondary|DSS_ID named in the REPLY", "EUE-PROV-6.2.1.1-03", "EUE-PROV-T3-CM4v6-04"),
        new("a long DSS_ID is compared in full", "reference", o => Behave(o, b => b with { AdvertiseSelection = new NoTruncation() }),
            Servers, "longer than 32 octets", "EUE-PROV-6.4.1.2-02"),
        new("FFFFFFFF is not 'any server'", "reference", o => Behave(o, b => b with { AdvertiseSelection = new NoDssWildcard() }),
            Servers, "four 0xFF octets", "EUE-PROV-6.4.1.2-03b", "EUE-PROV-6.4.1.4-03b"),

        // ---- time of day
        new("the eCM tries ToD once", "reference", o => Time(o, t => t with { TodRetries = [] }),
            Tod, "ToD server silent the eCM retries", "EUE-PROV-6.2.1.1-05"),
        new("the eCM's ToD retries come faster and faster", "reference", o => Time(o, t => t with { TodRetries = DeviceTimers.Seconds(8, 2, 1) }),
            Tod, "ToD server silent the eCM retries", "EUE-PROV-6.2.1.1-05"),
        new("a Secure eUE without ToD retries every 20 s", "reference", o => Time(o, t => t with { SecureWithoutTodRetries = DeviceTimers.Seconds(20) }),
            Tod, "Secure-flow eUE stops after DHCP", "EUE-PROV-6.3.2.3-03"),
        new("a Secure eUE without ToD waits 400 s", "reference", o => Time(o, t => t with { SecureWithoutTodRetries = DeviceTimers.Seconds(400) }),
            Tod, "Secure-flow eUE stops after DHCP", "EUE-PROV-6.3.2.3-03"),
    };

    [Theory]
    [MemberData(nameof(Mutants))]
    public async Task The_mutant_fails_the_scenarios_of_the_rule_it_breaks(Mutant mutant)
    {
        var profile = Profile(mutant.Profile);
        var files = new Regex($"features/({mutant.Feature})\\.feature$");
        var names = new Regex(mutant.Scenarios);
        var selected = Pickles.Value.Where(p => files.IsMatch(p.File.Replace('\\', '/')) && names.IsMatch(p.Name)).ToList();
        selected.Should().NotBeEmpty($"the pattern '{mutant.Scenarios}' must select scenarios of {mutant.Feature}");

        var executor = new ScenarioExecutor(Registry);
        var results = new List<ScenarioResult>();
        foreach (var p in selected)
        {
            var bed = new TestBed(profile, new VirtualClock(), "simulation", 1, Repo.TempDir(),
                (pr, seed) => new ReferenceDutAdapter(mutant.Mutate(DutFactories.ReferenceOptions(pr, seed))));
            try { results.Add((await executor.RunAsync(p, bed, CancellationToken.None)).Result); }
            finally { await bed.DisposeAsync(); }
        }

        var failed = results.Where(r => r.Verdict == Verdict.Fail).ToList();
        string summary = string.Join("\n", results.Select(r => $"{r.Verdict}: {r.Name}: {r.Reason}"));
        failed.SelectMany(r => r.RequirementIds).Should().Contain(mutant.Breaks, summary);
        results.Should().NotContain(r => r.Verdict == Verdict.Error, summary);
    }

    static DutProfile Profile(string variant)
    {
        if (variant == "reference") return Repo.LoadReferenceProfile();
        string text = File.ReadAllText(Repo.ReferenceProfile);
        text = variant switch
        {
            "v4only" => text.Replace("  ipv6: true\n", "  ipv6: false\n"),
            "v6only" => text.Replace("  ipv4: true\n", "  ipv4: false\n"),
            _ => throw new ArgumentException(variant),
        };
        return ProfileLoader.Parse(Path.Combine(Repo.TempDir(), variant + ".yaml"), text);
    }

    // ---------------------------------------------------------------- the mutants' policies

    sealed class RequestsFor(EueOptionRequest forced) : EcmDhcpv4Options
    {
        public override IReadOnlyList<DhcpOption> Build(EueOptionRequest requested) => base.Build(forced);
    }

    sealed class Requests6For(EueOptionRequest forced) : EcmDhcpv6Options
    {
        public override IReadOnlyList<Dhcp6Option> Build(EueOptionRequest requested, Duid clientDuid, byte[] ecmMac, IaNa ia, ushort elapsed, Duid? server) =>
            base.Build(forced, clientDuid, ecmMac, ia, elapsed, server);
    }

    /// <summary>Every second message (the REQUEST after its DISCOVER) asks for no E-UE option.</summary>
    sealed class ForgetfulRequest : EcmDhcpv4Options
    {
        int _calls;
        public override IReadOnlyList<DhcpOption> Build(EueOptionRequest requested) => base.Build(++_calls % 2 == 0 ? new(false, false, false) : requested);
    }

    sealed class ForgetfulRequest6 : EcmDhcpv6Options
    {
        public override IReadOnlyList<Dhcp6Option> Build(EueOptionRequest requested, Duid clientDuid, byte[] ecmMac, IaNa ia, ushort elapsed, Duid? server) =>
            base.Build(server is null ? requested : new(false, false, false), clientDuid, ecmMac, ia, elapsed, server);
    }

    sealed class FirstOffer : EcmOfferSelectionPolicy
    {
        public override int? Select(IReadOnlyList<EueProvisioningOptions> candidates, EueOptionRequest requested, bool exhausted) => candidates.Count == 0 ? null : 0;
    }

    sealed class NeverSettles : EcmOfferSelectionPolicy
    {
        public override int? Select(IReadOnlyList<EueProvisioningOptions> candidates, EueOptionRequest requested, bool exhausted) => base.Select(candidates, requested, false);
    }

    sealed class CompleteOnly : EcmOfferSelectionPolicy
    {
        public override int? Select(IReadOnlyList<EueProvisioningOptions> candidates, EueOptionRequest requested, bool exhausted)
        {
            for (int i = 0; i < candidates.Count; i++) if (candidates[i].Complete(requested)) return i;
            return exhausted && candidates.Count > 0 ? 0 : null;
        }
    }

    sealed class NoPreferenceMeansIpv4 : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given) =>
            given.IpPreference is null && given.HasDhcpv4Servers ? new(EueInitializationOutcome.StartIpv4, "mutant", given) : base.Decide(requested, given);
    }

    sealed class Ipv4WheneverPossible : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given) =>
            given.HasDhcpv4Servers && requested.Dhcpv4Servers ? new(EueInitializationOutcome.StartIpv4, "mutant", given) : base.Decide(requested, given);
    }

    sealed class IgnoresPreference : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given) => base.Decide(requested, given with { IpPreference = null });
    }

    sealed class SwapsSingleModes : EueInitializationPolicy
    {
        public override EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given)
        {
            var d = base.Decide(requested, given);
            if (given.HasDhcpv4Servers != given.HasDhcpv6DssIds && requested.Both)
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

    sealed class FirstAcceptable : OfferAcceptance
    {
        public override DhcpMessage? Choose(IReadOnlyList<DhcpMessage> offers, EueProvisioningOptions fromEcm, Action<string> note) =>
            offers.FirstOrDefault(o => Accepts(o, fromEcm with { Dhcpv4Primary = IPAddress.Broadcast }, out _));
    }

    sealed class NoWildcard : OfferAcceptance
    {
        public override bool Accepts(DhcpMessage offer, EueProvisioningOptions fromEcm, out string reason) =>
            IPAddress.Broadcast.Equals(fromEcm.Dhcpv4Primary) ? Reject(out reason) : base.Accepts(offer, fromEcm, out reason);

        static bool Reject(out string reason) { reason = "mutant: no wildcard"; return false; }
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
            var advertised = message.CableLabs?.Cccv6?.PrimaryDssId;
            bool fullMatch = advertised is { } d && (fromEcm.DssIdPrimary is { } p && p.Equals(d) || fromEcm.DssIdSecondary is { } s && s.Equals(d)
                || fromEcm.DssIdPrimary is { IsAnyServer: true });
            return a.Valid && !fullMatch ? a with { Valid = false, Reason = "mutant: DSS_ID compared in full" } : a;
        }
    }

    sealed class NoDssWildcard : AdvertiseSelection
    {
        public override AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm)
        {
            var a = base.Assess(message, fromEcm);
            return a.Valid && fromEcm.DssIdPrimary is { IsAnyServer: true } && message.CableLabs?.Cccv6?.PrimaryDssId is { IsAnyServer: false }
                ? a with { Valid = false, Reason = "mutant: FFFFFFFF is not a wildcard" } : a;
        }
    }
}
