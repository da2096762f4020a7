using System.Globalization;
using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ecm.EcmBed;

namespace EUeConformance.Steps.Ecm;

/// <summary>
/// What the eCM puts on the wire while it provisions (EUE-PROV 6.3.1 Tables 2 and 3): its DISCOVER/SOLICIT and
/// their E-UE option requests, its retransmissions and retries and their intervals, its REQUEST (which server,
/// which options), and CM5-CM10 as the headend sees them (configuration file, time of day). Every verdict rests
/// on headend evidence, attached to the report.
/// </summary>
[Binding]
public sealed class EcmDhcpSteps(EcmBed ecm, Lab lab, ScenarioContext scenario)
{
    const string V4 = "dhcp", V6 = "dhcpv6";

    static IpAddressingMode FamilyOf(string message) => message is "DHCPDISCOVER" or "DHCPREQUEST" or "DHCPACK" ? IpAddressingMode.Ipv4 : IpAddressingMode.Ipv6;
    static string KindOf(string message) => message switch
    {
        "DHCPDISCOVER" => "DISCOVER",
        "DHCPREQUEST" or "DHCPv6 REQUEST" => "REQUEST",
        _ => message,
    };
    static string ProtocolOf(IpAddressingMode family) => family == IpAddressingMode.Ipv4 ? V4 : V6;

    // ---------------------------------------------------------------- CM1 / CM1v6: the first message

    /// <summary>Table 2 CM1 (DOCSIS, RFC 2131 §4.1): a BOOTREQUEST DISCOVER broadcast from 0.0.0.0 with the eCM's MAC in chaddr.</summary>
    [Then(@"^the eCM's first DHCPv4 message is a broadcast DHCPDISCOVER from the eCM's MAC address$")]
    public async Task ThenFirstDiscover()
    {
        var e = await lab.AwaitAsync("DHCPv4 message from the eCM", FromEcm(IpAddressingMode.Ipv4), lab.Boot, protocol: V4);
        var m = e.Message<DhcpMessage>();
        if (e.Kind != "DISCOVER") throw lab.Fail("the eCM's first DHCPv4 message is not a DHCPDISCOVER", "DISCOVER", e.Kind, e);
        if (m.Op != BootOp.BootRequest) throw lab.Fail("the DHCPDISCOVER is not a BOOTREQUEST", "op 1", $"op {(byte)m.Op}", e);
        if (!e.Local.Address.Equals(IPAddress.Broadcast)) throw lab.Fail("the DHCPDISCOVER was not broadcast", "to 255.255.255.255", $"to {e.Local.Address}", e);
        if (!e.Peer.Address.Equals(IPAddress.Any)) throw lab.Fail("a client without an address sends its DHCPDISCOVER from 0.0.0.0", "from 0.0.0.0", $"from {e.Peer.Address}", e);
        if (!m.ClientHardwareAddress.AsSpan().SequenceEqual(lab.EcmMac.GetAddressBytes()))
            throw lab.Fail("chaddr is not the eCM's MAC address", lab.EcmMac.ToString(), Convert.ToHexString(m.ClientHardwareAddress), e);
        lab.Witness(e, "the eCM's first DHCPv4 message");
    }

    /// <summary>Table 3 CM1v6 (DOCSIS, RFC 3315 §13, §17.1.1): a SOLICIT to ff02::1:2 from a link-local address, with a client identifier.</summary>
    [Then(@"^the eCM's first DHCPv6 message is a SOLICIT to ff02::1:2 from a link-local address, with the eCM's client identifier$")]
    public async Task ThenFirstSolicit()
    {
        var e = await lab.AwaitAsync("DHCPv6 message from the eCM", FromEcm(IpAddressingMode.Ipv6), lab.Boot, protocol: V6);
        var m = e.Message<Dhcp6Message>();
        if (e.Kind != "SOLICIT") throw lab.Fail("the eCM's first DHCPv6 message is not a SOLICIT", "SOLICIT", e.Kind, e);
        if (!e.Local.Address.Equals(IPAddress.Parse("ff02::1:2"))) throw lab.Fail("the SOLICIT did not go to All_DHCP_Relay_Agents_and_Servers", "to ff02::1:2", $"to {e.Local.Address}", e);
        if (!e.Peer.Address.IsIPv6LinkLocal) throw lab.Fail("the SOLICIT did not come from a link-local address (RFC 3315 §16)", "fe80::/10 source", $"{e.Peer.Address}", e);
        Protocols.Dhcp.Duid? id;
        try { id = m.ClientId; } catch (Protocols.Wire.ParseError p) { throw lab.Fail($"OPTION_CLIENTID is malformed: {p.Message}", "a DUID", "malformed", e); }
        if (id is null) throw lab.Fail("the SOLICIT has no OPTION_CLIENTID", "OPTION_CLIENTID", "none", e);
        lab.Witness(e, "the eCM's first DHCPv6 message");
    }

    // ---------------------------------------------------------------- CM1 / CM1v6: the E-UE requests

    /// <summary>The eCM's DISCOVERs (SOLICITs) up to its first lease: every one must carry the requests.</summary>
    async Task<IReadOnlyList<EvidenceEvent>> StartsUntilLeaseAsync(IpAddressingMode family)
    {
        var first = await lab.AwaitAsync($"eCM's first {(family == IpAddressingMode.Ipv4 ? "DHCPDISCOVER" : "SOLICIT")}",
            FromEcm(family, family == IpAddressingMode.Ipv4 ? "DISCOVER" : "SOLICIT"), lab.Boot, protocol: ProtocolOf(family));
        var lease = await lab.AwaitAsync($"lease for the eCM", e => ToEcm(family)(e) && IsLease(e), lab.Boot, After(first));
        return lab.Seen(e => FromEcm(family, family == IpAddressingMode.Ipv4 ? "DISCOVER" : "SOLICIT")(e) && e.Sequence < lease.Sequence);
    }

    [Then(@"^(every|no) DHCPDISCOVER of the eCM lists option 122 in its parameter request list$")]
    public async Task ThenOption55(string every)
    {
        bool want = every == "every";
        foreach (var e in await StartsUntilLeaseAsync(IpAddressingMode.Ipv4))
        {
            var list = e.Message<DhcpMessage>().ParameterRequestList;
            bool has = list?.Contains(DhcpOptionCode.CableLabsClientConfiguration) == true;
            if (has != want)
                throw lab.Fail(want ? "the DHCPDISCOVER does not ask for option 122" : "the DHCPDISCOVER asks for option 122 although the eUE has no IPv4 mode",
                    want ? "122 in option 55" : "no 122 in option 55", list is null ? "no option 55" : $"option 55: {string.Join(",", list)}", e);
            lab.Witness(e, "option 55 of a DHCPDISCOVER");
        }
    }

    [Then(@"^(every|no) DHCPDISCOVER of the eCM requests (CL_V4OPTION_CCCV6|CL_V4OPTION_IP_PREF) in the CableLabs option request of option 125$")]
    public async Task ThenClV4Oro(string every, string option)
    {
        bool want = every == "every";
        byte code = option == "CL_V4OPTION_CCCV6" ? CableLabsV4Options.Cccv6Code : CableLabsV4Options.IpPrefCode;
        foreach (var e in await StartsUntilLeaseAsync(IpAddressingMode.Ipv4))
        {
            IReadOnlyList<byte>? oro;
            try { oro = e.Message<DhcpMessage>().CableLabsV4?.Oro; }
            catch (Protocols.Wire.ParseError p) { throw lab.Fail($"option 125 of the DHCPDISCOVER is malformed: {p.Message}", "option 125 per RFC 3925", "malformed", e); }
            bool has = oro?.Contains(code) == true;
            if (has != want)
                throw lab.Fail(want ? $"the DHCPDISCOVER does not request {option} ({code})" : $"the DHCPDISCOVER requests {option} ({code}), which its eUE cannot use",
                    want ? $"{code} in option 125 / 4491 sub-option 1" : $"no {code} in CL_V4OPTION_ORO",
                    oro is null ? "no CL_V4OPTION_ORO in option 125 / 4491" : $"CL_V4OPTION_ORO: {string.Join(",", oro)}", e);
            lab.Witness(e, "CL_V4OPTION_ORO of a DHCPDISCOVER");
        }
    }

    [Then(@"^(every|no) SOLICIT of the eCM requests (CL_OPTION_CCC|CL_OPTION_CCCV6|CL_OPTION_IP_PREF) in its CableLabs option request$")]
    public async Task ThenClOro(string every, string option)
    {
        bool want = every == "every";
        ushort code = option switch { "CL_OPTION_CCC" => ClOptionCode.Ccc, "CL_OPTION_CCCV6" => ClOptionCode.Cccv6, _ => ClOptionCode.IpPref };
        foreach (var e in await StartsUntilLeaseAsync(IpAddressingMode.Ipv6))
        {
            var oro = ClOro(e);
            bool has = oro?.Contains(code) == true;
            if (has != want)
                throw lab.Fail(want ? $"the SOLICIT does not request {option} ({code})" : $"the SOLICIT requests {option} ({code}), which its eUE cannot use",
                    want ? $"{code} in CL_OPTION_ORO" : $"no {code} in CL_OPTION_ORO",
                    oro is null ? "no CL_OPTION_ORO in OPTION_VENDOR_OPTS / 4491" : $"CL_OPTION_ORO: {string.Join(",", oro)}", e);
            lab.Witness(e, "CL_OPTION_ORO of a SOLICIT");
        }
    }

    IReadOnlyList<ushort>? ClOro(EvidenceEvent e)
    {
        try { return e.Message<Dhcp6Message>().CableLabs?.OptionRequest; }
        catch (Protocols.Wire.ParseError p) { throw lab.Fail($"the CableLabs vendor options are malformed: {p.Message}", "OPTION_VENDOR_OPTS per RFC 3315 §22.17", "malformed", e); }
    }

    /// <summary>Table 2 CM3 / Table 3 CM3v6 retries: each retried DISCOVER/SOLICIT still asks for what the eUE supports.</summary>
    [Then(@"^every (DHCPDISCOVER|SOLICIT) of the eCM asks for the E-UE options its eUE supports$")]
    public async Task ThenAsksForSupported(string message)
    {
        bool v4 = ecm.Profile.Has("ipv4"), v6 = ecm.Profile.Has("ipv6");
        if (message == "DHCPDISCOVER")
        {
            if (v4) await ThenOption55("every"); else await ThenOption55("no");
            if (v6) await ThenClV4Oro("every", "CL_V4OPTION_CCCV6"); else await ThenClV4Oro("no", "CL_V4OPTION_CCCV6");
            await ThenClV4Oro(v4 && v6 ? "every" : "no", "CL_V4OPTION_IP_PREF");
        }
        else
        {
            await ThenClOro(v4 ? "every" : "no", "CL_OPTION_CCC");
            await ThenClOro(v6 ? "every" : "no", "CL_OPTION_CCCV6");
            await ThenClOro(v4 && v6 ? "every" : "no", "CL_OPTION_IP_PREF");
        }
    }

    // ---------------------------------------------------------------- retransmissions (RFC 2131 §4.1, RFC 3315 §14)

    /// <summary>
    /// No answer: the message is retransmitted with an exponential backoff. RFC 2131 §4.1 (4, 8, 16… s up to 64 s, each
    /// transmission randomised by ±1 s): no interval shorter than the one before by more than 2 s, and the third at least
    /// twice the first, less 2 s. RFC 3315 §14 (RT doubling, ±10 %, up to SOL_MAX_RT 120 s / REQ_MAX_RT 30 s): each
    /// interval at least 1.5 times the one before until the maximum is near.
    /// </summary>
    [Then(@"^the eCM retransmits its (DHCPDISCOVER|SOLICIT|DHCPv6 REQUEST) at least (\d+) times within (\d+) s, at exponentially growing intervals$")]
    public async Task ThenRetransmits(string message, int times, int seconds)
    {
        var family = FamilyOf(message);
        string kind = KindOf(message);
        var first = await lab.AwaitAsync($"eCM's {message}", FromEcm(family, kind), lab.Boot, protocol: ProtocolOf(family));
        await ecm.RunUntilAsync(first.At + TimeSpan.FromSeconds(seconds));
        var sent = lab.Seen(e => FromEcm(family, kind)(e) && e.At <= first.At + TimeSpan.FromSeconds(seconds), EvidenceCursor.Start)
            .Where(e => e.Sequence >= first.Sequence).ToList();
        if (family == IpAddressingMode.Ipv6)
        {
            // RFC 3315 §15.1: a retransmission keeps the transaction id.
            uint xid = sent[0].Message<Dhcp6Message>().TransactionId;
            sent = [.. sent.Where(e => e.Message<Dhcp6Message>().TransactionId == xid)];
        }
        if (sent.Count - 1 < times)
            throw lab.Fail($"the eCM retransmitted its {message} {sent.Count - 1} time(s) in {seconds} s", $"at least {times} retransmissions", Timeline(sent), sent[^1]);
        var gaps = Gaps(sent);
        var cap = family == IpAddressingMode.Ipv4 ? TimeSpan.FromSeconds(64) : kind == "SOLICIT" ? TimeSpan.FromSeconds(120) : TimeSpan.FromSeconds(30);
        if (BackoffProblem(gaps, family, cap) is { } problem)
            throw lab.Fail($"the {message} retransmissions do not back off exponentially: {problem.Text}", family == IpAddressingMode.Ipv4
                ? "RFC 2131 §4.1 intervals (e.g. 4, 8, 16 s, ±1 s)" : "RFC 3315 §14 intervals (RT doubling, ±10 %)", Describe(gaps), sent[problem.Index + 1]);
        lab.Witness(sent[^1], $"{sent.Count - 1} retransmissions of the {message}, intervals {Describe(gaps)}");
        scenario.Log($"{message} intervals: {Describe(gaps)}");
    }

    /// <summary>Why <paramref name="gaps"/> are not an exponential backoff, and the index of the offending interval; null when they are.</summary>
    static (string Text, int Index)? BackoffProblem(IReadOnlyList<TimeSpan> gaps, IpAddressingMode family, TimeSpan cap)
    {
        var jitter = TimeSpan.FromSeconds(2);
        for (int i = 1; i < gaps.Count; i++)
        {
            if (family == IpAddressingMode.Ipv4)
            {
                if (gaps[i] + jitter < gaps[i - 1]) return ($"interval {i + 1} is shorter than interval {i}", i);
                if (i == 2 && gaps[0] < cap && gaps[2] < gaps[0] * 2 - jitter) return ("the intervals do not double", i);
            }
            else if (gaps[i - 1] < cap * 0.9 && gaps[i] < gaps[i - 1] * 1.5)
                return ($"interval {i + 1} is not about twice interval {i}", i);
        }
        return null;
    }

    static List<TimeSpan> Gaps(IReadOnlyList<EvidenceEvent> events) => [.. events.Skip(1).Select((e, i) => e.At - events[i].At)];

    [Then(@"^the eCM sends no (DHCPREQUEST|DHCPv6 REQUEST) within (\d+) s$")]
    public async Task ThenNoRequest(string message, int seconds)
    {
        var family = FamilyOf(message);
        var start = await ecm.EcmStartAsync();
        await ecm.RunUntilAsync(start.At + TimeSpan.FromSeconds(seconds));
        var requests = lab.Seen(FromEcm(family, "REQUEST"));
        if (requests.Count > 0)
            throw lab.Fail("the eCM sent a REQUEST although no usable offer reached it", "no REQUEST", Timeline(requests), requests[0]);
    }

    // ---------------------------------------------------------------- CM2 / CM3: what the REQUEST answers

    /// <summary>Table 2 CM2 normal flow (RFC 2131 §4.3.2 SELECTING): the REQUEST carries the OFFER's xid, its server identifier and its address.</summary>
    [Then(@"^the eCM's first DHCPREQUEST answers a DHCPOFFER it received: same transaction, that server, that address$")]
    public async Task ThenRequestAnswersOffer()
    {
        var request = await lab.AwaitAsync("eCM's DHCPREQUEST", FromEcm(IpAddressingMode.Ipv4, "REQUEST"), lab.Boot, protocol: V4);
        var r = request.Message<DhcpMessage>();
        var offers = lab.Seen(e => ToEcm(IpAddressingMode.Ipv4, "OFFER")(e) && e.Sequence < request.Sequence);
        var match = offers.FirstOrDefault(o =>
        {
            var m = o.Message<DhcpMessage>();
            return m.Xid == r.Xid && Equals(m.ServerIdentifier, r.ServerIdentifier) && Equals(m.YiAddr, r.RequestedIpAddress);
        });
        if (match is null)
            throw lab.Fail("the eCM's DHCPREQUEST does not answer any DHCPOFFER it received", "xid, option 54 and option 50 of a received OFFER",
                $"xid 0x{r.Xid:x8}, server {r.ServerIdentifier?.ToString() ?? "none"}, address {r.RequestedIpAddress?.ToString() ?? "none"}; {offers.Count} OFFER(s) before it", request);
        lab.Witness(match, "the DHCPOFFER answered");
        lab.Witness(request, "the eCM's DHCPREQUEST");
    }

    /// <summary>Table 3 CM3v6 normal flow and CM3v6-10: the REQUEST goes to a server whose ADVERTISE arrived, named by OPTION_SERVERID.</summary>
    [Then(@"^the eCM's first DHCPv6 REQUEST follows an ADVERTISE and names that ADVERTISE's server identifier$")]
    public async Task ThenRequestAnswersAdvertise()
    {
        var request = await lab.AwaitAsync("eCM's DHCPv6 REQUEST", FromEcm(IpAddressingMode.Ipv6, "REQUEST"), lab.Boot, protocol: V6);
        var server = request.Message<Dhcp6Message>().ServerId;
        var advertises = lab.Seen(e => ToEcm(IpAddressingMode.Ipv6, "ADVERTISE")(e) && e.Sequence < request.Sequence);
        var match = advertises.FirstOrDefault(a => Equals(a.Message<Dhcp6Message>().ServerId, server));
        if (server is null || match is null)
            throw lab.Fail("the eCM's REQUEST does not name the server of an ADVERTISE it received", "OPTION_SERVERID of a received ADVERTISE",
                server is null ? "no OPTION_SERVERID" : $"server DUID {Convert.ToHexString(server.Bytes.Span)}; {advertises.Count} ADVERTISE(s) before it", request);
        lab.Witness(match, "the ADVERTISE answered");
        lab.Witness(request, "the eCM's REQUEST");
    }

    /// <summary>The DISCOVERs (distinct SOLICIT exchanges) the eCM began before its first REQUEST.</summary>
    async Task<(EvidenceEvent Request, List<EvidenceEvent> Starts)> StartsBeforeRequestAsync(IpAddressingMode family)
    {
        var request = await lab.AwaitAsync("eCM's REQUEST", FromEcm(family, "REQUEST"), lab.Boot, protocol: ProtocolOf(family));
        var starts = lab.Seen(e => FromEcm(family, family == IpAddressingMode.Ipv4 ? "DISCOVER" : "SOLICIT")(e) && e.Sequence < request.Sequence).ToList();
        if (family == IpAddressingMode.Ipv6)
            starts = [.. starts.GroupBy(e => e.Message<Dhcp6Message>().TransactionId).Select(g => g.First())];
        return (request, starts);
    }

    /// <summary>Table 2 CM3 / Table 3 CM3v6: an offer that meets the criteria is taken; no CM3 retry.</summary>
    [Then(@"^the eCM requests a lease after its first (DHCPDISCOVER|SOLICIT), without retrying it$")]
    public async Task ThenNoRetry(string message)
    {
        var family = message == "DHCPDISCOVER" ? IpAddressingMode.Ipv4 : IpAddressingMode.Ipv6;
        var (request, starts) = await StartsBeforeRequestAsync(family);
        if (starts.Count != 1)
            throw lab.Fail($"the eCM sent {starts.Count} {message} exchanges before its REQUEST although the first offers met its criteria",
                $"one {message}, then the REQUEST", Timeline(starts), request);
        lab.Witness(request, "the REQUEST after the first exchange");
    }

    [Then(@"^the eCM requests its lease from the (first|second) DOCSIS server$")]
    public async Task ThenRequestsFrom(string which)
    {
        var identity = ecm.EcmServer(which == "first" ? FirstDocsisServer : SecondDocsisServer);
        var family = ecm.EcmPrimary;
        var request = await lab.AwaitAsync("eCM's REQUEST", FromEcm(family, "REQUEST"), lab.Boot, protocol: ProtocolOf(family));
        if (family == IpAddressingMode.Ipv4)
        {
            var chosen = request.Message<DhcpMessage>().ServerIdentifier;
            if (!Equals(chosen, identity.Ipv4))
                throw lab.Fail($"the eCM requested its lease from another server than the {which} DOCSIS server", $"option 54 = {identity.Ipv4}", $"option 54 = {chosen?.ToString() ?? "none"}", request);
        }
        else
        {
            var chosen = request.Message<Dhcp6Message>().ServerId;
            if (!Equals(chosen, identity.Duid))
                throw lab.Fail($"the eCM requested its lease from another server than the {which} DOCSIS server", $"OPTION_SERVERID = {Convert.ToHexString(identity.Duid.Bytes.Span)}",
                    chosen is null ? "no OPTION_SERVERID" : Convert.ToHexString(chosen.Bytes.Span), request);
        }
        lab.Witness(request, $"the REQUEST to the {which} DOCSIS server");
    }

    /// <summary>
    /// Table 2 CM3 / Table 3 CM3v6: three retries of the DISCOVER/SOLICIT exchange after rounds that brought offers,
    /// at exponentially growing intervals (the spec's example: 2, 4, 8 s). Each interval must be at least 1 s and at
    /// least one and a half times the one before, less half a second for timer granularity.
    /// </summary>
    [Then(@"^the eCM sends its (DHCPDISCOVER|SOLICIT) (\d+) more times, at exponentially growing intervals, before it requests a lease$")]
    public async Task ThenRetries(string message, int retries)
    {
        var family = message == "DHCPDISCOVER" ? IpAddressingMode.Ipv4 : IpAddressingMode.Ipv6;
        var startKind = family == IpAddressingMode.Ipv4 ? "DISCOVER" : "SOLICIT";
        var firstStart = await lab.AwaitAsync($"eCM's first {message}", FromEcm(family, startKind), lab.Boot, protocol: ProtocolOf(family));
        if (await lab.Evidence.WaitForAsync(FromEcm(family, "REQUEST"), lab.Boot, After(firstStart), scenario.Cancellation) is null)
        {
            // CM3: after the retries the eCM MUST take one of the offers; an eCM that keeps retrying never provisions.
            var all = lab.Seen(FromEcm(family, startKind));
            if (all.Count > retries + 1)
                throw lab.Fail($"the eCM kept sending {message}s without ever taking an offer", $"{retries} retries, then a REQUEST", Timeline(all), all[^1]);
            throw ScenarioContext.Inconclusive($"the eCM sent no REQUEST within {Seconds(lab.Boot)} s and no more than {all.Count} {message}(s)");
        }
        var (request, starts) = await StartsBeforeRequestAsync(family);
        if (starts.Count - 1 != retries)
            throw lab.Fail($"the eCM retried its {message} {starts.Count - 1} time(s) before it took an offer", $"{retries} retries", Timeline(starts), request);
        var (offerKind, _) = ReplyKinds(family);
        for (int i = 1; i < starts.Count; i++)
        {
            // A CM3 retry follows a round that did bring offers (else it is a plain retransmission).
            bool offered = lab.Seen(e => ToEcm(family, offerKind)(e) && e.Sequence > starts[i - 1].Sequence && e.Sequence < starts[i].Sequence).Count > 0;
            if (!offered) throw ScenarioContext.Inconclusive($"no {offerKind} reached the eCM before its {message} #{i + 1}: the headend did not answer, so it is not a CM3 retry");
        }
        var gaps = Gaps(starts);
        for (int i = 0; i < gaps.Count; i++)
        {
            if (gaps[i] < TimeSpan.FromSeconds(1))
                throw lab.Fail($"retry {i + 1} came {Seconds(gaps[i])} s after the {message} before it", "intervals of at least 1 s, growing exponentially", Describe(gaps), starts[i + 1]);
            if (i > 0 && gaps[i] < gaps[i - 1] * 1.5 - TimeSpan.FromSeconds(0.5))
                throw lab.Fail($"the interval before retry {i + 1} does not grow exponentially", "each interval at least 1.5 times the previous (e.g. 2, 4, 8 s)", Describe(gaps), starts[i + 1]);
        }
        lab.Witness(starts[^1], $"the last retry; intervals {Describe(gaps)}");
        scenario.Log($"{message} retry intervals: {Describe(gaps)}");
    }

    /// <summary>Table 2 CM3 / Table 3 CM3v6 after the retries: a REQUEST for one of the offers, its lease, and the eCM's next step.</summary>
    [Then(@"^the eCM then requests one of the offered leases and goes on with its registration$")]
    public async Task ThenTakesAnOffer()
    {
        var family = ecm.EcmPrimary;
        if (family == IpAddressingMode.Ipv4) await ThenRequestAnswersOffer(); else await ThenRequestAnswersAdvertise();
        var lease = await ecm.EcmLeaseAsync();
        var next = await lab.AwaitAsync("registration step from the eCM after its lease (configuration file or time of day)",
            e => e.Direction == Direction.Received && e.Service is Traffic.Tftp or Traffic.TimeOfDay && ecm.IsEcmAddress(e.Peer.Address), lab.Boot, After(lease));
        lab.Witness(next, "the eCM going on after its lease");
    }

    /// <summary>Table 2 CM3: option 55 and the CableLabs option request of the REQUEST equal those of the DISCOVER it follows.</summary>
    [Then(@"^the eCM's DHCPREQUEST repeats the parameter request list and the CableLabs option request of its DHCPDISCOVER$")]
    public async Task ThenRequestRepeatsV4()
    {
        var (request, starts) = await StartsBeforeRequestAsync(IpAddressingMode.Ipv4);
        var r = request.Message<DhcpMessage>();
        var discover = starts.LastOrDefault(e => e.Message<DhcpMessage>().Xid == r.Xid) ?? starts[^1];
        var d = discover.Message<DhcpMessage>();
        string Prl(DhcpMessage m) => m.ParameterRequestList is { } l ? string.Join(",", l.Order()) : "none";
        string Oro(DhcpMessage m)
        {
            try { return m.CableLabsV4?.Oro is { } o ? string.Join(",", o.Order()) : "none"; }
            catch (Protocols.Wire.ParseError) { return "malformed"; }
        }
        lab.Witness(discover, "the DHCPDISCOVER");
        if (Prl(d) != Prl(r))
            throw lab.Fail("the DHCPREQUEST asks for other options (option 55) than the DHCPDISCOVER", $"option 55: {Prl(d)}", $"option 55: {Prl(r)}", request);
        if (Oro(d) != Oro(r))
            throw lab.Fail("the DHCPREQUEST's CL_V4OPTION_ORO differs from the DHCPDISCOVER's", $"CL_V4OPTION_ORO: {Oro(d)}", $"CL_V4OPTION_ORO: {Oro(r)}", request);
        lab.Witness(request, "the DHCPREQUEST");
    }

    /// <summary>Table 3 CM3v6: the CL_OPTION_ORO of the REQUEST equals that of the SOLICIT.</summary>
    [Then(@"^the eCM's DHCPv6 REQUEST repeats the CableLabs option request of its SOLICIT$")]
    public async Task ThenRequestRepeatsV6()
    {
        var (request, starts) = await StartsBeforeRequestAsync(IpAddressingMode.Ipv6);
        var solicit = starts[^1];
        string Oro(EvidenceEvent e) => ClOro(e) is { } o ? string.Join(",", o.Order()) : "none";
        lab.Witness(solicit, "the SOLICIT");
        if (Oro(solicit) != Oro(request))
            throw lab.Fail("the REQUEST's CL_OPTION_ORO differs from the SOLICIT's", $"CL_OPTION_ORO: {Oro(solicit)}", $"CL_OPTION_ORO: {Oro(request)}", request);
        lab.Witness(request, "the REQUEST");
    }

    // ---------------------------------------------------------------- CM3 / CM4 failures

    /// <summary>RFC 2131 §4.1, §4.4.1: REQUEST retransmitted (growing intervals), then back to INIT with a new DISCOVER.</summary>
    [Then(@"^the eCM retransmits its DHCPREQUEST at exponentially growing intervals and then starts again with a DHCPDISCOVER within (\d+) s$")]
    public async Task ThenRequestRetransmittedThenDiscover(int seconds)
    {
        var first = await lab.AwaitAsync("eCM's DHCPREQUEST", FromEcm(IpAddressingMode.Ipv4, "REQUEST"), lab.Boot, protocol: V4);
        var discover = await lab.AwaitAsync($"new DHCPDISCOVER from the eCM after its unanswered DHCPREQUEST",
            FromEcm(IpAddressingMode.Ipv4, "DISCOVER"), TimeSpan.FromSeconds(seconds), After(first), missingFails: true, protocol: V4);
        var requests = lab.Seen(e => FromEcm(IpAddressingMode.Ipv4, "REQUEST")(e) && e.Sequence < discover.Sequence, EvidenceCursor.Start)
            .Where(e => e.Sequence >= first.Sequence).ToList();
        if (requests.Count < 2)
            throw lab.Fail("the eCM gave up its DHCPREQUEST without retransmitting it", "at least one retransmission before the new DISCOVER", Timeline(requests), discover);
        var gaps = Gaps(requests);
        if (BackoffProblem(gaps, IpAddressingMode.Ipv4, TimeSpan.FromSeconds(64)) is { } problem)
            throw lab.Fail($"the DHCPREQUEST retransmissions do not back off exponentially: {problem.Text}", "RFC 2131 §4.1 intervals (e.g. 4, 8, 16 s, ±1 s)",
                Describe(gaps), requests[problem.Index + 1]);
        lab.Witness(discover, $"the new DISCOVER after {requests.Count} REQUEST transmissions, intervals {Describe(gaps)}");
    }

    [Then(@"^after the DHCPNAK the eCM starts again with a DHCPDISCOVER within (\d+) s$")]
    public async Task ThenDiscoverAfterNak(int seconds)
    {
        var nak = await lab.AwaitAsync("DHCPNAK to the eCM",
            e => ToEcm(IpAddressingMode.Ipv4)(e) && e.Message is DhcpMessage { MessageType: DhcpMessageType.Nak }, lab.Boot);
        var discover = await lab.AwaitAsync($"DHCPDISCOVER from the eCM after the DHCPNAK", FromEcm(IpAddressingMode.Ipv4, "DISCOVER"),
            TimeSpan.FromSeconds(seconds), After(nak), missingFails: true, protocol: V4);
        lab.Witness(nak, "the DHCPNAK");
        lab.Witness(discover, "the new DHCPDISCOVER");
    }

    [Then(@"^after that REPLY the eCM starts again with a SOLICIT within (\d+) s$")]
    public async Task ThenSolicitAfterEmptyReply(int seconds)
    {
        var reply = await lab.AwaitAsync("REPLY to the eCM", ToEcm(IpAddressingMode.Ipv6, "REPLY"), lab.Boot);
        if (IsLease(reply)) throw ScenarioContext.Inconclusive("the headend's first REPLY gave an address after all: the scenario's failure did not happen");
        uint before = reply.Message<Dhcp6Message>().TransactionId;
        var solicit = await lab.AwaitAsync($"new SOLICIT from the eCM after the REPLY without an address",
            FromEcm(IpAddressingMode.Ipv6, "SOLICIT"), TimeSpan.FromSeconds(seconds), After(reply), missingFails: true, protocol: V6);
        if (solicit.Message<Dhcp6Message>().TransactionId == before)
            throw lab.Fail("the new SOLICIT reuses the failed exchange's transaction id", "a new transaction id (RFC 3315 §15.1)", $"0x{before:x6}", solicit);
        lab.Witness(reply, "the REPLY without an address");
        lab.Witness(solicit, "the new SOLICIT");
    }

    // ---------------------------------------------------------------- CM5 to CM10

    /// <summary>The file and server the eCM's lease names: siaddr and 'file' (DHCPv4), CL options 32 and 33 (DHCPv6).</summary>
    static (IPAddress Server, string File)? DocsisFile(EvidenceEvent lease) => lease.Message switch
    {
        DhcpMessage m when m.BootFileName is { Length: > 0 } f && !m.SiAddr.Equals(IPAddress.Any) => (m.SiAddr, f),
        Dhcp6Message m when m.CableLabs is { TftpServers: { Count: > 0 } s, ConfigFileName: { Length: > 0 } f } => (s[0], f),
        _ => null,
    };

    [Then(@"^after its (DHCPACK|REPLY) the eCM downloads the DOCSIS configuration file that the (?:DHCPACK|REPLY) names$")]
    public async Task ThenDownloadsConfigFile(string answer)
    {
        var lease = await ecm.EcmLeaseAsync();
        var file = DocsisFile(lease) ?? throw ScenarioContext.Inconclusive($"the {answer} names no DOCSIS configuration file: the headend's database lacks one");
        var rrq = await lab.AwaitAsync($"TFTP read request for {file.File} from the eCM", e => Traffic.From(Traffic.Tftp, "RRQ")(e) && ecm.IsEcmAddress(e.Peer.Address)
            && e.Message<TftpReadRequest>().Filename.TrimStart('/') == file.File.TrimStart('/'), lab.Boot, After(lease), missingFails: true, protocol: "tftp");
        if (!Same(rrq.Local.Address, file.Server))
            throw lab.Fail("the eCM asked another TFTP server for its configuration file", $"the server {file.Server}", $"{rrq.Local.Address}", rrq);
        var ack = await lab.AwaitAsync("TFTP ACK from the eCM for the file's data", e => Traffic.From(Traffic.Tftp, "ACK")(e) && e.Peer.Equals(rrq.Peer),
            lab.Boot, After(rrq), protocol: "tftp");
        lab.Witness(rrq, "the eCM's read request (CM5)");
        lab.Witness(ack, "the eCM acknowledging the file (CM6)");
    }

    static bool Same(IPAddress a, IPAddress b) => (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Equals(b.IsIPv4MappedToIPv6 ? b.MapToIPv4() : b);

    /// <summary>The ToD servers a lease names: option 4 (DHCPv4), CL_OPTION_RFC868_SERVERS (37, DHCPv6).</summary>
    public static IReadOnlyList<IPAddress> TodServers(EvidenceEvent lease) => lease.Message switch
    {
        DhcpMessage m => m.GetOption(DhcpOptionCode.TimeServer)?.AsAddresses() ?? [],
        Dhcp6Message m => m.CableLabs?.Rfc868Servers ?? [],
        _ => [],
    };

    [Then(@"^after its (DHCPACK|REPLY) the eCM asks a time of day server that the (?:DHCPACK|REPLY) names for the time$")]
    public async Task ThenAsksTime(string answer)
    {
        var lease = await ecm.EcmLeaseAsync();
        var servers = TodServers(lease);
        if (servers.Count == 0) throw ScenarioContext.Inconclusive($"the {answer} names no ToD server: the headend's database lacks one");
        var request = await lab.AwaitAsync("time request from the eCM", e => Traffic.From(Traffic.TimeOfDay, "REQUEST")(e) && ecm.IsEcmAddress(e.Peer.Address),
            lab.Boot, After(lease), missingFails: true);
        if (!servers.Any(s => Same(s, request.Local.Address)))
            throw lab.Fail("the eCM asked a ToD server its DHCP server did not name", string.Join(" or ", servers), request.Local.Address.ToString(), request);
        lab.Witness(request, "the eCM's time request (CM7)");
    }

    [Then(@"^the eUE sends its first DHCP message only after the eCM has its configuration file and its time of day$")]
    public async Task ThenEueAfterRegistrationSteps()
    {
        var first = await ecm.FirstEueDhcpAsync();
        var before = lab.Seen(e => e.Sequence < first.Sequence);
        var fileAck = before.LastOrDefault(e => Traffic.From(Traffic.Tftp, "ACK")(e) && ecm.IsEcmAddress(e.Peer.Address));
        var time = before.LastOrDefault(e => Traffic.To(Traffic.TimeOfDay, "TIME")(e) && ecm.IsEcmAddress(e.Peer.Address));
        if (fileAck is null) throw lab.Fail("the eUE began DHCP before the eCM had its configuration file (CM6)", "the eCM's file transfer first", "no TFTP ACK from the eCM before", first);
        if (time is null) throw lab.Fail("the eUE began DHCP before the eCM had the time of day (CM8)", "the eCM's time of day first", "no time reply to the eCM before", first);
        lab.Witness(first, "the eUE's first DHCP message, after the eCM's CM5-CM8");
    }

    [Then(@"^the eCM asks for its DOCSIS configuration file again, or starts over with a (DHCPDISCOVER|SOLICIT), within (\d+) s$")]
    public async Task ThenRetriesConfigFile(string message, int seconds)
    {
        var family = message == "DHCPDISCOVER" ? IpAddressingMode.Ipv4 : IpAddressingMode.Ipv6;
        var rrq = await lab.AwaitAsync("eCM's TFTP read request", e => Traffic.From(Traffic.Tftp, "RRQ")(e) && ecm.IsEcmAddress(e.Peer.Address), lab.Boot, protocol: "tftp");
        var again = await lab.AwaitAsync($"another read request or a new {message} from the eCM",
            e => (Traffic.From(Traffic.Tftp, "RRQ")(e) && ecm.IsEcmAddress(e.Peer.Address)) || FromEcm(family, KindOf(message))(e),
            TimeSpan.FromSeconds(seconds), After(rrq), missingFails: true);
        lab.Witness(rrq, "the eCM's read request, refused");
        lab.Witness(again, "the eCM trying again");
    }
}
