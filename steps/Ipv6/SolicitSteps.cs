using System.Globalization;
using System.Net;
using System.Text;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv6.Ipv6Facts;

namespace EUeConformance.Steps.Ipv6;

/// <summary>
/// Table 5 eUE-1 (the SOLICIT's contents, its timing against the eCM's registration, its retransmission),
/// 6.3.4.3 ¶1 (no Rapid Commit), 6.6.1 (capabilities in IPv6 mode) and the RFC 3315 rules 6.1.1 ¶3 delegates
/// to (client identifier, elapsed time, transaction ids, SOL_TIMEOUT/SOL_MAX_RT, REQ_TIMEOUT/REQ_MAX_RT/REQ_MAX_RC).
/// </summary>
[Binding]
public sealed class SolicitSteps(Lab lab, EueIpv6Wire wire, ScenarioContext scenario)
{
    static Dhcp6Message M(EvidenceEvent e) => EueIpv6Wire.Dhcp(e);

    async Task<(EvidenceEvent Event, Dhcp6Message Solicit)> FirstAsync()
    {
        var e = await wire.FirstSolicitAsync();
        return (e, M(e));
    }

    CableLabsOptions CableLabs(EvidenceEvent e)
    {
        var vendor = M(e).VendorOptions(Protocols.Dhcp.CableLabs.EnterpriseNumber)
            ?? throw lab.Fail($"the eUE's {e.Kind} carries no OPTION_VENDOR_OPTS for enterprise 4491", expected: "OPTION_VENDOR_OPTS (17), enterprise 4491", seen: "absent", e);
        return vendor.CableLabs!;
    }

    [Then(@"^the eUE's first SOLICIT goes from UDP port 546 to ff02::1:2 port 547$")]
    public async Task ThenMulticast()
    {
        var (e, _) = await FirstAsync();
        if (!e.Local.Address.Equals(AllDhcpRelayAgentsAndServers) || e.Local.Port != 547)
            throw lab.Fail("the SOLICIT is not sent to All_DHCP_Relay_Agents_and_Servers", expected: "[ff02::1:2]:547", seen: e.Local.ToString(), e);
        if (e.Peer.Port != 546)
            throw lab.Fail("the SOLICIT does not come from the DHCPv6 client port", expected: "546", seen: e.Peer.Port.ToString(CultureInfo.InvariantCulture), e);
        lab.Witness(e, "SOLICIT to [ff02::1:2]:547 from port 546");
    }

    [Then(@"^the eUE's first SOLICIT carries OPTION_CLIENTID with a DUID-LLT, DUID-EN or DUID-LL$")]
    public async Task ThenClientId()
    {
        var (e, m) = await FirstAsync();
        var duid = m.ClientId ?? throw lab.Fail("the SOLICIT has no OPTION_CLIENTID", expected: "OPTION_CLIENTID (1)", seen: "absent", e);
        if (duid.Type is not (DuidType.Llt or DuidType.En or DuidType.Ll))
            throw lab.Fail("the SOLICIT's DUID is none of the RFC 3315 §9.1 types", expected: "DUID-LLT (1), DUID-EN (2) or DUID-LL (3)", seen: duid.ToString(), e);
        lab.Witness(e, $"OPTION_CLIENTID {duid}");
    }

    [Then(@"^the eUE's first SOLICIT carries OPTION_IA_NA$")]
    public async Task ThenIaNa()
    {
        var (e, m) = await FirstAsync();
        if (!m.Has(Dhcp6OptionCode.IaNa)) throw lab.Fail("the SOLICIT asks for no non-temporary address", expected: "OPTION_IA_NA (3)", seen: "absent", e);
        lab.Witness(e, "OPTION_IA_NA present");
    }

    [Then(@"^the eUE's first SOLICIT carries OPTION_FQDN as exactly 00 27 00 01 01$")]
    public async Task ThenFqdn()
    {
        var (e, m) = await FirstAsync();
        var all = m.FindAll(Dhcp6OptionCode.Fqdn);
        if (all.Count != 1)
            throw lab.Fail("the SOLICIT does not carry exactly one OPTION_FQDN", expected: "one OPTION_FQDN (39)", seen: $"{all.Count}", e);
        var encoded = Convert.ToHexString([.. (byte[])[0x00, 0x27, (byte)(all[0].Length >> 8), (byte)all[0].Length], .. all[0].Span]);
        if (encoded != "0027000101")
            throw lab.Fail("the SOLICIT's OPTION_FQDN is not the empty name with flags S=1, N=0, O=0", expected: "00 27 00 01 01", seen: encoded, e);
        lab.Witness(e, "OPTION_FQDN 0027000101");
    }

    [Then(@"^the eUE's first SOLICIT requests options (\d+) and (\d+) in OPTION_ORO$")]
    public async Task ThenOro(ushort a, ushort b)
    {
        var (e, m) = await FirstAsync();
        var oro = m.OptionRequest ?? throw lab.Fail("the SOLICIT has no OPTION_ORO", expected: "OPTION_ORO (6)", seen: "absent", e);
        foreach (var code in new[] { a, b })
            if (!oro.Contains(code)) throw lab.Fail($"the SOLICIT's OPTION_ORO does not request option {code}", expected: $"{a} and {b} among the codes", seen: string.Join(",", oro), e);
        lab.Witness(e, $"OPTION_ORO {string.Join(",", oro)}");
    }

    [Then(@"^the eUE's first SOLICIT carries OPTION_VENDOR_CLASS for enterprise 4491 with ""pktc2.0""$")]
    public async Task ThenVendorClass()
    {
        var (e, _) = await FirstAsync();
        CheckVendorClass(e);
        lab.Witness(e, "OPTION_VENDOR_CLASS 4491 \"pktc2.0\"");
    }

    void CheckVendorClass(EvidenceEvent e)
    {
        var vc = M(e).VendorClass ?? throw lab.Fail($"the {e.Kind} has no OPTION_VENDOR_CLASS", expected: "OPTION_VENDOR_CLASS (16)", seen: "absent", e);
        if (vc.EnterpriseNumber != Protocols.Dhcp.CableLabs.EnterpriseNumber)
            throw lab.Fail($"the {e.Kind}'s vendor class is not CableLabs'", expected: "enterprise 4491", seen: vc.EnterpriseNumber.ToString(CultureInfo.InvariantCulture), e);
        var items = vc.Data.Select(d => Encoding.ASCII.GetString(d.Span)).ToList();
        if (!items.Contains("pktc2.0"))
            throw lab.Fail($"the {e.Kind}'s vendor class data is not \"pktc2.0\"", expected: "pktc2.0", seen: string.Join(" | ", items), e);
    }

    [Then(@"^the eUE's first SOLICIT carries the CableLabs device identity options 2 and 4 to 10, each well formed$")]
    public async Task ThenIdentityOptions()
    {
        var (e, _) = await FirstAsync();
        var cl = CableLabs(e);
        foreach (ushort code in new ushort[] { 2, 4, 5, 6, 7, 9, 10 })
        {
            var o = cl.Find(code) ?? throw lab.Fail($"the SOLICIT lacks CableLabs option {code}", expected: $"CL option {code}", seen: "absent", e);
            if (o.Length == 0 || o.Span.ToArray().Any(b => b is < 0x20 or > 0x7E))
                throw lab.Fail($"CableLabs option {code} is not a non-empty ASCII string", expected: "printable ASCII", seen: Convert.ToHexString(o.Span), e);
        }
        var oui = cl.Find(ClOptionCode.VendorOui) ?? throw lab.Fail("the SOLICIT lacks CL_OPTION_VENDOR_OUI", expected: "CL option 8", seen: "absent", e);
        bool binary = oui.Length == 3, hex = oui.Length == 6 && oui.Span.ToArray().All(b => Uri.IsHexDigit((char)b));
        if (!binary && !hex)
            throw lab.Fail("CL_OPTION_VENDOR_OUI is neither 3 octets nor 6 hexadecimal characters", expected: "an OUI", seen: Convert.ToHexString(oui.Span), e);
        lab.Witness(e, $"device type {cl.DeviceType}, serial {cl.DeviceSerialNumber}, model {cl.ModelNumber}, vendor {cl.VendorName}");
    }

    [Then(@"^the eUE's first SOLICIT carries CL_OPTION_MODEM_CAPABILITIES as well-formed binary capability entries$")]
    public async Task ThenCapabilities()
    {
        var (e, _) = await FirstAsync();
        int count = CheckCapabilities(e);
        lab.Witness(e, $"CL_OPTION_MODEM_CAPABILITIES with {count} entries");
    }

    /// <summary>Type (1 octet), length (1 octet), value, to the option's last octet; not the hex text DHCPv4 option 60 uses.</summary>
    int CheckCapabilities(EvidenceEvent e)
    {
        var o = CableLabs(e).Find(ClOptionCode.ModemCapabilities)
            ?? throw lab.Fail($"the {e.Kind} lacks CL_OPTION_MODEM_CAPABILITIES", expected: "CL option 35", seen: "absent", e);
        var s = o.Span;
        if (s.Length == 0) throw lab.Fail("CL_OPTION_MODEM_CAPABILITIES is empty", expected: "capability entries", seen: "0 octets", e);
        if (s.ToArray().All(b => Uri.IsHexDigit((char)b)))
            throw lab.Fail("CL_OPTION_MODEM_CAPABILITIES holds hexadecimal text, the DHCPv4 option 60 form", expected: "binary TLVs", seen: Encoding.ASCII.GetString(s), e);
        int count = 0;
        for (int pos = 0; pos < s.Length; count++)
        {
            if (pos + 2 > s.Length || pos + 2 + s[pos + 1] > s.Length)
                throw lab.Fail("CL_OPTION_MODEM_CAPABILITIES does not parse as type-length-value entries", expected: "entries that end with the option", seen: $"entry at octet {pos} runs past the end: {Convert.ToHexString(s)}", e);
            pos += 2 + s[pos + 1];
        }
        return count;
    }

    [Then(@"^the eUE's first SOLICIT carries CL_OPTION_DEVICE_ID holding the eUE's own MAC, not the eCM's$")]
    public async Task ThenDeviceId()
    {
        // The headend files a SOLICIT under the device its CL_OPTION_DEVICE_ID names: one naming the eCM (or an unknown MAC)
        // lands on the eCM's server (or none). The eUE's SOLICIT is also known by its source, the IXIT MAC's link-local address.
        var linkLocal = LinkLocalOf(lab.EueMac.GetAddressBytes());
        var e = await lab.AwaitAsync("first DHCPv6 SOLICIT from the eUE",
            x => EueIpv6Wire.FromEue("SOLICIT")(x) || x.Direction == Direction.Received && x.Protocol == "dhcpv6" && x.Kind == "SOLICIT" && x.Error is null && Same(x.Peer.Address, linkLocal),
            lab.Boot, protocol: "dhcpv6");
        var id = CableLabs(e).DeviceId?.ToArray() ?? throw lab.Fail("the SOLICIT lacks CL_OPTION_DEVICE_ID", expected: "CL option 36", seen: "absent", e);
        if (id.Length != 6) throw lab.Fail("CL_OPTION_DEVICE_ID is not a 6-octet MAC", expected: "6 octets", seen: Convert.ToHexString(id), e);
        var eue = lab.EueMac.GetAddressBytes();
        if (id.AsSpan().SequenceEqual(lab.EcmMac.GetAddressBytes()))
            throw lab.Fail("CL_OPTION_DEVICE_ID holds the eCM's MAC", expected: Mac(eue), seen: Mac(id), e);
        if (!id.AsSpan().SequenceEqual(eue))
            throw lab.Fail("CL_OPTION_DEVICE_ID is not the eUE's MAC the IXIT names", expected: Mac(eue), seen: Mac(id), e);
        // Where the link is captured: the eUE's frames come from that MAC.
        if (lab.Headend.NeighborDiscovery is { SeesDuplicateAddressDetection: true }
            && lab.Seen(x => EueIpv6Wire.NdFromOthers("RS")(x) && Same(EueIpv6Wire.NdOf(x).Source, EueIpv6Wire.SourceOf(e))).FirstOrDefault() is { } rs
            && !EueIpv6Wire.NdOf(rs).SourceMac.AsSpan().SequenceEqual(id))
            throw lab.Fail("the eUE's frames come from another MAC than CL_OPTION_DEVICE_ID names", expected: Mac(id), seen: Mac(EueIpv6Wire.NdOf(rs).SourceMac), rs);
        lab.Witness(e, $"CL_OPTION_DEVICE_ID {Mac(id)}");
    }

    [Then(@"^the eUE's first SOLICIT requests CableLabs options (\d+), (\d+), (\d+) and (\d+) in CL_OPTION_ORO$")]
    public async Task ThenClOro(ushort a, ushort b, ushort c, ushort d)
    {
        var (e, _) = await FirstAsync();
        var oro = CableLabs(e).OptionRequest ?? throw lab.Fail("the SOLICIT has no CL_OPTION_ORO", expected: "CL option 1", seen: "absent", e);
        foreach (var code in new[] { a, b, c, d })
            if (!oro.Contains(code)) throw lab.Fail($"CL_OPTION_ORO does not request option {code}", expected: $"{a}, {b}, {c}, {d}", seen: string.Join(",", oro), e);
        lab.Witness(e, $"CL_OPTION_ORO {string.Join(",", oro)}");
    }

    [Then(@"^the eUE's SOLICIT and REQUEST each carry its capabilities in CL_OPTION_MODEM_CAPABILITIES and the ""pktc2.0"" vendor class$")]
    public async Task ThenCapabilitiesInBoth()
    {
        var (solicit, _) = await FirstAsync();
        var request = await wire.AwaitAsync("REQUEST");
        foreach (var e in new[] { solicit, request })
        {
            CheckVendorClass(e);
            int n = CheckCapabilities(e);
            lab.Witness(e, $"{e.Kind}: \"pktc2.0\" and {n} capability entries");
        }
    }

    // ---------------------------------------------------------------- eUE-1 normal flow: not before CM10

    [Then(@"^the eUE sends no SOLICIT before the eCM's time-of-day exchange has completed$")]
    public async Task ThenNotBeforeRegistration()
    {
        // DOCSIS registration (CM10) comes after the eCM's time of day: a SOLICIT before the ToD answer is before CM10.
        var time = await lab.AwaitAsync("time-of-day answer to the eCM", Traffic.To(Traffic.TimeOfDay, "TIME"), lab.Boot);
        var early = lab.Seen(EueIpv6Wire.FromEue("SOLICIT")).FirstOrDefault(e => e.Sequence < time.Sequence);
        if (early is not null)
            throw lab.Fail("the eUE solicited before the eCM had its time of day, so before the eCM's registration",
                expected: "the first SOLICIT after the eCM's ToD exchange", seen: $"SOLICIT at {early.At:HH:mm:ss.fff}, ToD answered at {time.At:HH:mm:ss.fff}", early);
        var ignored = lab.Seen(e => Traffic.From(Traffic.TimeOfDay, "REQUEST")(e) && e.Sequence < time.Sequence);
        if (ignored.Count < 2) throw ScenarioContext.Inconclusive("the eCM's ToD exchange was not held up as the scenario asked");
        lab.Witness(time, $"the eCM's ToD answered after {ignored.Count - 1} ignored requests");
    }

    [Then(@"^the eUE solicits once the eCM is registered$")]
    public async Task ThenSolicitsAfterRegistration()
    {
        var (e, _) = await FirstAsync();
        lab.Witness(e, "the eUE's first SOLICIT");
    }

    // ---------------------------------------------------------------- Rapid Commit

    [Then(@"^no SOLICIT from the eUE carries OPTION_RAPID_COMMIT$")]
    public async Task ThenNoRapidCommit()
    {
        var (first, m) = await FirstAsync();
        if (m.RapidCommit) throw lab.Fail("the eUE asked for Rapid Commit", expected: "no OPTION_RAPID_COMMIT (14)", seen: "OPTION_RAPID_COMMIT present", first);
        // Every SOLICIT until the eUE moves on to its REQUEST (or the IXIT boot bound).
        await lab.Evidence.WaitForAsync(EueIpv6Wire.FromEue("REQUEST"), lab.Boot, EvidenceCursor.After(first), scenario.Cancellation);
        var solicits = lab.Seen(EueIpv6Wire.FromEue("SOLICIT"));
        if (solicits.FirstOrDefault(e => M(e).RapidCommit) is { } rc)
            throw lab.Fail("the eUE asked for Rapid Commit", expected: "no OPTION_RAPID_COMMIT (14)", seen: "OPTION_RAPID_COMMIT present", rc);
        lab.Witness(solicits[0], $"{solicits.Count} SOLICIT(s) without Rapid Commit");
    }

    [Then(@"^the eUE binds its address through REQUEST and REPLY, not through the Rapid Commit REPLY$")]
    public async Task ThenNotRapid()
    {
        var rapid = scenario.Get<IPAddress>("rapid-commit.address");
        var first = await lab.AwaitAsync("headend's Rapid Commit REPLY to the SOLICIT", e => EueIpv6Wire.ToEue("ADVERTISE")(e), lab.Boot);
        if (M(first).Type != Dhcp6MessageType.Reply || !M(first).RapidCommit)
            throw ScenarioContext.Inconclusive("the headend did not answer the SOLICIT with a Rapid Commit REPLY as the scenario asked");
        // The valid ADVERTISE of the other server is there to be taken: a REQUEST must follow within the IXIT step bound.
        var request = await wire.AwaitAsync("REQUEST", EvidenceCursor.After(first), lab.Profile.Ixit.Timeouts.Step, missingFails: true,
            what: "REQUEST from the eUE after the Rapid Commit REPLY");
        if (M(request).IaNa?.Addresses.Any(a => Same(a.Address, rapid)) == true)
            throw lab.Fail("the eUE REQUESTs the address of the Rapid Commit REPLY", expected: "the ADVERTISEd address", seen: rapid.ToString(), request);
        var (_, reply) = await wire.FirstLeaseAsync(EvidenceCursor.After(first));
        await lab.AwaitAsync("configuration file request from the eUE", Traffic.EueFileRequest, lab.Boot, protocol: "tftp");
        if (wire.SentFrom(rapid).FirstOrDefault() is { } used)
            throw lab.Fail("the eUE used the address of the Rapid Commit REPLY", expected: $"nothing from {rapid}", seen: $"{used.Service} {used.Kind}", used);
        if (lab.Seen(e => EueIpv6Wire.NdFromOthers("NS")(e) && EueIpv6Wire.NdOf(e) is { IsDadProbe: true, Target: { } t } && Same(t, rapid)).FirstOrDefault() is { } probe)
            throw lab.Fail("the eUE started taking the address of the Rapid Commit REPLY (DAD probe)", expected: $"no probe for {rapid}", seen: "a DAD probe", probe);
        lab.Witness(first, "the Rapid Commit REPLY, ignored");
        lab.Witness(reply, $"the REPLY to the REQUEST, {wire.LeasedAddress(reply)}");
    }

    // ---------------------------------------------------------------- RFC 3315 exchange rules

    /// <summary>RFC 3315 §14: RT = 2·RTprev ± 10 %, capped at MRT ± 10 %. A transmission interval is accepted within those bands.</summary>
    static (TimeSpan Low, TimeSpan High) NextInterval(TimeSpan previous, TimeSpan max) =>
        (Min(previous * (2 - Rand), max * (1 - Rand)), Min(previous * (2 + Rand), max * (1 + Rand)));

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// What a measured interval may stray beyond the RFC's band: the capture's <see cref="Slack"/>, and on a real fabric
    /// the lab's measurement allowance, once for the interval itself and, for a band derived from the previous measured
    /// interval (RT = 2·RTprev ± RAND), once more for that interval's own error as the band multiplies it. Zero allowance
    /// in simulation.
    /// </summary>
    TimeSpan Margin(bool derived) => Slack + lab.Allowance * (derived ? 1 + 2 + Rand : 1);

    /// <summary>Waits for the retransmissions of the transaction <paramref name="first"/> opened, each within its RFC 3315 band.</summary>
    async Task<List<EvidenceEvent>> RetransmissionsAsync(EvidenceEvent first, int count, TimeSpan irt, TimeSpan mrt, bool strictlyAboveIrt)
    {
        var list = new List<EvidenceEvent> { first };
        uint xid = M(first).TransactionId;
        var interval = TimeSpan.Zero;
        for (int i = 0; i < count; i++)
        {
            var (low, high) = i == 0 ? (irt * (1 - Rand), irt * (1 + Rand)) : NextInterval(interval, mrt);
            var margin = Margin(derived: i > 0);
            var previous = list[^1];
            var next = await lab.AwaitAsync($"retransmission {i + 1} of the eUE's {first.Kind} within {Seconds(high)}",
                e => EueIpv6Wire.FromEue(first.Kind)(e), high + margin, EvidenceCursor.After(previous), missingFails: true, protocol: "dhcpv6");
            var gap = next.At - previous.At;
            if (M(next).TransactionId != xid)
                throw lab.Fail($"the eUE's {first.Kind} retransmission opens another transaction", expected: $"xid 0x{xid:x6}", seen: $"xid 0x{M(next).TransactionId:x6}", next);
            if (gap < low - margin)
                throw lab.Fail($"retransmission {i + 1} of the {first.Kind} came too soon", expected: $"{Seconds(low)} to {Seconds(high)} (RFC 3315 §14){lab.AllowanceNote}", seen: Seconds(gap), next);
            // RFC 3315 §17.1.2: the first RT of a SOLICIT is strictly greater than IRT (RAND > 0): the client collects ADVERTISEs for all of it.
            if (i == 0 && strictlyAboveIrt && gap <= irt - lab.Allowance)
                throw lab.Fail("the first SOLICIT retransmission came no later than SOL_TIMEOUT", expected: $"strictly more than {Seconds(irt)} (RFC 3315 §17.1.2){lab.AllowanceNote}", seen: Seconds(gap), next);
            interval = gap;
            list.Add(next);
        }
        return list;
    }

    [Then(@"^the eUE retransmits its SOLICIT (\d+) times with the RFC 3315 back-off, keeping its transaction id and contents$")]
    public async Task ThenSolicitBackoff(int count)
    {
        var (first, m) = await FirstAsync();
        var all = await RetransmissionsAsync(first, count, SolTimeout, SolMaxRt, strictlyAboveIrt: true);
        string Body(Dhcp6Message x) => string.Join("|", x.Options.Where(o => o.Code != Dhcp6OptionCode.ElapsedTime).Select(o => o.ToString()));
        foreach (var e in all.Skip(1))
            if (Body(M(e)) != Body(m))
                throw lab.Fail("a SOLICIT retransmission differs from the first SOLICIT in more than its elapsed time", expected: Body(m), seen: Body(M(e)), e);
        scenario["solicits"] = all;
        lab.Witness(all[^1], $"{count} retransmissions of xid 0x{m.TransactionId:x6}, intervals {string.Join(", ", all.Zip(all.Skip(1), (a, b) => Seconds(b.At - a.At)))}");
    }

    [Then(@"^the eUE's SOLICIT retransmissions report a growing elapsed time$")]
    public void ThenElapsed()
    {
        var all = scenario.Get<List<EvidenceEvent>>("solicits");
        var start = all[0].At;
        ushort previous = 0;
        foreach (var e in all)
        {
            var elapsed = M(e).ElapsedTime ?? throw lab.Fail("a SOLICIT has no OPTION_ELAPSED_TIME", expected: "OPTION_ELAPSED_TIME (8)", seen: "absent", e);
            var actual = e.At - start;
            var reported = TimeSpan.FromMilliseconds(elapsed * 10.0);
            // The field counts hundredths (10 ms); the interval between the two stamps is off by up to the allowance.
            if (elapsed != ushort.MaxValue && (reported - actual).Duration() > Slack + TimeSpan.FromMilliseconds(10) + lab.Allowance)
                throw lab.Fail("the SOLICIT's elapsed time is not the time since the exchange began", expected: Seconds(actual) + lab.AllowanceNote, seen: Seconds(reported), e);
            if (e != all[0] && elapsed <= previous && elapsed != ushort.MaxValue)
                throw lab.Fail("the elapsed time did not grow between retransmissions", expected: $"more than {previous}", seen: elapsed.ToString(CultureInfo.InvariantCulture), e);
            previous = elapsed;
        }
        lab.Witness(all[^1], $"elapsed time {previous} hundredths at the last retransmission");
    }

    [Then(@"^every SOLICIT and REQUEST from the eUE carries OPTION_CLIENTID and OPTION_ELAPSED_TIME$")]
    public async Task ThenClientIdAndElapsed()
    {
        await wire.AwaitAsync("REQUEST");
        foreach (var e in lab.Seen(x => EueIpv6Wire.FromEue("SOLICIT")(x) || EueIpv6Wire.FromEue("REQUEST")(x)))
        {
            if (M(e).ClientId is null) throw lab.Fail($"a {e.Kind} has no OPTION_CLIENTID (RFC 3315 §17.1.1, §18.1.1)", expected: "OPTION_CLIENTID", seen: "absent", e);
            if (M(e).ElapsedTime is null) throw lab.Fail($"a {e.Kind} has no OPTION_ELAPSED_TIME (RFC 3315 §22.9)", expected: "OPTION_ELAPSED_TIME", seen: "absent", e);
        }
        lab.Witness(lab.Seen(EueIpv6Wire.FromEue("REQUEST"))[0], "SOLICIT and REQUEST carry both options");
    }

    [Then(@"^the eUE's first SOLICIT reports an elapsed time of 0$")]
    public async Task ThenFirstElapsedZero()
    {
        var (e, m) = await FirstAsync();
        if (m.ElapsedTime != 0) throw lab.Fail("the first message of the exchange does not report an elapsed time of 0 (RFC 3315 §22.9)", expected: "0", seen: m.ElapsedTime?.ToString(CultureInfo.InvariantCulture) ?? "absent", e);
        lab.Witness(e, "elapsed time 0");
    }

    [Then(@"^the eUE's REQUEST opens a new transaction, with an id other than its SOLICIT's$")]
    public async Task ThenRequestXid()
    {
        var request = await wire.AwaitAsync("REQUEST");
        var solicit = lab.Seen(EueIpv6Wire.FromEue("SOLICIT")).Last(e => e.Sequence < request.Sequence);
        if (M(request).TransactionId == M(solicit).TransactionId)
            throw lab.Fail("the REQUEST reuses the SOLICIT's transaction id (RFC 3315 §15.1: a new exchange, a new id)", expected: $"not 0x{M(solicit).TransactionId:x6}", seen: $"0x{M(request).TransactionId:x6}", request);
        lab.Witness(request, $"REQUEST xid 0x{M(request).TransactionId:x6} after SOLICIT xid 0x{M(solicit).TransactionId:x6}");
    }

    [Then(@"^the eUE retransmits its REQUEST with the RFC 3315 back-off, keeping its transaction id, at most (\d+) times in all$")]
    public async Task ThenRequestBackoff(int most)
    {
        var first = await wire.AwaitAsync("REQUEST");
        // RFC 3315 §18.1.1: REQ_TIMEOUT, doubling to REQ_MAX_RT, REQ_MAX_RC transmissions; then the client gives up (here: solicits again).
        var all = await RetransmissionsAsync(first, 2, ReqTimeout, ReqMaxRt, strictlyAboveIrt: false);
        var bound = ReqMaxRt * (1 + Rand) * ReqMaxRc;
        var solicit = await wire.AwaitAsync("SOLICIT", EvidenceCursor.After(first), bound, missingFails: true, what: "SOLICIT once the REQUEST retransmissions ran out");
        var requests = lab.Seen(e => EueIpv6Wire.FromEue("REQUEST")(e) && M(e).TransactionId == M(first).TransactionId && e.Sequence < solicit.Sequence);
        if (requests.Count > most)
            throw lab.Fail($"the eUE sent its REQUEST {requests.Count} times", expected: $"at most {most} (REQ_MAX_RC)", seen: requests.Count.ToString(CultureInfo.InvariantCulture), requests[most]);
        for (int i = 1; i < requests.Count; i++)
        {
            var gap = requests[i].At - requests[i - 1].At;
            var (low, high) = i == 1 ? (ReqTimeout * (1 - Rand), ReqTimeout * (1 + Rand)) : NextInterval(requests[i - 1].At - requests[i - 2].At, ReqMaxRt);
            var margin = Margin(derived: i > 1);
            if (gap < low - margin || gap > high + margin)
                throw lab.Fail($"REQUEST transmission {i + 1} is off the RFC 3315 back-off", expected: $"{Seconds(low)} to {Seconds(high)} after the previous{lab.AllowanceNote}", seen: Seconds(gap), requests[i]);
        }
        lab.Witness(all[0], $"{requests.Count} REQUEST transmissions, then SOLICIT");
        lab.Witness(solicit, "the SOLICIT after them");
    }
}
