using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv6.Ipv6Facts;

namespace EUeConformance.Steps.Ipv6;

/// <summary>
/// EUE-PROV 6.3.4.2 from the link: the eUE's Router Solicitations (RFC 2461 §6.3.7: to all-routers, hop limit
/// 255, with the source link-layer address option, at most MAX_RTR_SOLICITATIONS of them RTR_SOLICITATION_INTERVAL
/// apart), DHCPv6 only after a valid RA (M=1), and a new start of IPv6 initialisation when none came. The
/// router's own evidence ("ra") shows every RS it heard, on every fabric; the link capture ("nd") adds the frames.
/// </summary>
[Binding]
public sealed class RouterDiscoverySteps(Lab lab, EueIpv6Wire wire)
{
    /// <summary>An RS the router heard from the eUE: every RS in these labs is the eUE's (the eCM provisions in IPv4, or sends none).</summary>
    static bool IsRs(EvidenceEvent e) => Traffic.From(Traffic.Router, "RS")(e);

    async Task<EvidenceEvent> FirstRsAsync() => await lab.AwaitAsync("Router Solicitation from the eUE", IsRs, lab.Boot);

    /// <summary>The Router Solicitations of the first burst: those before the RFC 2461 burst (3 × 4 s from the first) is over.</summary>
    async Task<IReadOnlyList<EvidenceEvent>> FirstBurstAsync()
    {
        var first = await FirstRsAsync();
        var end = first.At + MaxRtrSolicitations * RtrSolicitationInterval;
        await lab.SettleAsync(end - wire.Now + Slack + lab.Allowance);
        return [.. lab.Seen(IsRs).Where(e => e.At < end - Slack - lab.Allowance)];
    }

    [Then(@"^the eUE sends a Router Solicitation to all-routers from its link-local address, with its link-layer address, after duplicate address detection$")]
    public async Task ThenRsWellFormed()
    {
        var solicit = await wire.FirstSolicitAsync();
        var linkLocal = EueIpv6Wire.SourceOf(solicit);
        wire.RequireNeighborDiscoveryCapture();
        var rs = lab.Seen(e => EueIpv6Wire.NdFromOthers("RS")(e) && Same(EueIpv6Wire.NdOf(e).Source, linkLocal)).FirstOrDefault()
            ?? throw lab.Fail($"no Router Solicitation from the eUE's link-local address {linkLocal}", expected: "an RS from it", seen: "none", solicit);
        var nd = EueIpv6Wire.NdOf(rs);
        if (!nd.Destination.Equals(AllRouters))
            throw lab.Fail("the Router Solicitation does not go to all-routers", expected: AllRouters.ToString(), seen: nd.Destination.ToString(), rs);
        if (nd.HopLimit != 255)
            throw lab.Fail("the Router Solicitation's hop limit is not 255 (RFC 2461 §6.1.1)", expected: "255", seen: nd.HopLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), rs);
        if (nd.LinkLayerAddress is not { } lla || !lla.AsSpan().SequenceEqual(nd.SourceMac))
            throw lab.Fail("the Router Solicitation from a specified address lacks the eUE's link-layer address option (RFC 2461 §4.1)",
                expected: $"source link-layer address {Mac(nd.SourceMac)}", seen: nd.LinkLayerAddress is null ? "no option" : Mac(nd.LinkLayerAddress), rs);
        var probe = lab.Seen(e => EueIpv6Wire.NdFromOthers("NS")(e) && EueIpv6Wire.NdOf(e) is { IsDadProbe: true, Target: { } t } && Same(t, linkLocal))
            .LastOrDefault(e => e.Sequence < rs.Sequence)
            ?? throw lab.Fail("the eUE solicited a router from its link-local address without probing the address first", expected: "a DAD probe before the RS", seen: "none", rs);
        if (rs.At - probe.At < RetransTimer - Slack - lab.Allowance)
            throw lab.Fail("the eUE solicited a router from its link-local address before DAD on it ended", expected: $"at least {Seconds(RetransTimer)} after the probe{lab.AllowanceNote}", seen: Seconds(rs.At - probe.At), rs);
        lab.Witness(rs, "the eUE's Router Solicitation");
    }

    [Then(@"^the eUE's first burst of Router Solicitations has at most (\d+) of them, at least (\d+) seconds apart$")]
    public async Task ThenBurst(int most, int apart)
    {
        var burst = await FirstBurstAsync();
        if (burst.Count > most)
            throw lab.Fail($"the eUE sent {burst.Count} Router Solicitations in its first burst", expected: $"at most {most} (MAX_RTR_SOLICITATIONS)", seen: burst.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), burst[most]);
        for (int i = 1; i < burst.Count; i++)
        {
            var gap = burst[i].At - burst[i - 1].At;
            if (gap < TimeSpan.FromSeconds(apart) - Slack - lab.Allowance)
                throw lab.Fail("the eUE repeated its Router Solicitation too soon", expected: $"at least {apart} s (RTR_SOLICITATION_INTERVAL){lab.AllowanceNote}", seen: Seconds(gap), burst[i]);
        }
        if (burst.Count < 2)
            throw ScenarioContext.Inconclusive("the eUE sent a single Router Solicitation in its first burst: there is no interval to judge");
        foreach (var e in burst) lab.Witness(e, "Router Solicitation of the first burst");
    }

    [Then(@"^the router answers the eUE's Router Solicitation with the M flag clear$")]
    public async Task ThenUnmanagedRa()
    {
        var rs = await FirstRsAsync();
        var ra = await lab.AwaitAsync("router's answer to the eUE's Router Solicitation", Traffic.To(Traffic.Router, "RA"), RetransTimer, EvidenceCursor.After(rs));
        if (ra.Fields.GetValueOrDefault("icmpv6.nd.ra.flag.m") != "0")
            throw ScenarioContext.Inconclusive("the router did not advertise with the M flag clear as the scenario asked");
        lab.Witness(ra, "the Router Advertisement with M=0");
    }

    [Then(@"^for (\d+) seconds the eUE sends no SOLICIT$")]
    public async Task ThenNoSolicit(int seconds)
    {
        var rs = await FirstRsAsync();
        await wire.AwaitSilenceAsync("a DHCPv6 SOLICIT without a valid Router Advertisement", EueIpv6Wire.FromEue("SOLICIT"), EvidenceCursor.Start,
            rs.At + TimeSpan.FromSeconds(seconds), protocol: "dhcpv6");
        lab.Witness(rs, $"router discovery began; no SOLICIT in the {seconds} s after");
    }

    [Then(@"^after its Router Solicitations run out the eUE starts its IPv6 initialisation again$")]
    public async Task ThenRestarts()
    {
        var burst = await FirstBurstAsync();
        var last = burst[^1];
        var burstEnd = burst[0].At + MaxRtrSolicitations * RtrSolicitationInterval - Slack - lab.Allowance;
        // 6.3.4.2 ¶5 gives no pause before the new start: the bound is the IXIT's time for a device to start up.
        var again = await lab.AwaitAsync("new IPv6 start-up (a DAD probe or a Router Solicitation) after the failed router discovery",
            e => e.At >= burstEnd && (IsRs(e) || EueIpv6Wire.NdFromOthers("NS")(e) && EueIpv6Wire.NdOf(e).IsDadProbe),
            lab.Boot, EvidenceCursor.After(last), missingFails: true);
        lab.Witness(last, "the last Router Solicitation of the first burst");
        lab.Witness(again, $"the new start, {Seconds(again.At - last.At)} later");
    }
}
