using EUeConformance.Device;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Ipv4.EueDhcpv4Wire;

namespace EUeConformance.Steps.Ipv4;

/// <summary>
/// How the eUE identifies itself in IPv4 mode (EUE-PROV 6.3.3, RFC 4361): option 61 with type 255, a 4-octet
/// IAID and an RFC 3315 DUID, in every DHCPv4 message it sends, always the same.
/// </summary>
[Binding]
public sealed class EueIdentificationSteps(Lab lab)
{
    /// <summary>RFC 3315 §9 DUID types 1 (LLT), 2 (EN), 3 (LL); RFC 6355 adds 4 (UUID) to the same registry.</summary>
    static readonly HashSet<ushort> DuidTypes = [1, 2, 3, 4];

    [Then(@"^every DHCPv4 message the eUE has sent carries the same RFC 4361 client identifier: type 255, an IAID and a DUID$")]
    public void ThenEveryMessageCarriesRfc4361()
    {
        var sent = lab.Seen(FromClient);
        if (sent.Count == 0) throw ScenarioContext.Inconclusive("the eUE sent no DHCPv4 message");
        ClientIdentifier? first = null;
        EvidenceEvent? firstEvent = null;
        foreach (var e in sent)
        {
            var m = e.Dhcp();
            if (m.GetOption(DhcpOptionCode.ClientIdentifier) is not { } raw)
                throw lab.Fail($"the eUE's {e.Kind} carries no client identifier", expected: "option 61 (RFC 4361 §6.1)", seen: "no option 61", e);
            ClientIdentifier id;
            try { id = m.ClientIdentifier!; }
            catch (ParseError p) { throw lab.Fail($"the eUE's {e.Kind} carries a client identifier that is not an RFC 4361 one: {p.Message}", expected: "type 255, IAID (4 octets), DUID", seen: Convert.ToHexString(raw.Value), e); }
            if (!id.IsRfc4361)
                throw lab.Fail($"the eUE's {e.Kind} carries an option 61 of type {id.Type}", expected: "type 255 (node-specific, RFC 4361)", seen: $"type {id.Type}: {Convert.ToHexString(id.Bytes)}", e);
            var duidType = (ushort)(id.Duid!.Bytes.Span[0] << 8 | id.Duid.Bytes.Span[1]);
            if (!DuidTypes.Contains(duidType))
                throw lab.Fail($"the DUID in the eUE's option 61 has type {duidType}", expected: "an RFC 3315 DUID (type 1, 2 or 3; RFC 6355's 4)", seen: Convert.ToHexString(id.Bytes), e);
            if (first is null) { first = id; firstEvent = e; continue; }
            if (!first.Equals(id))
                throw lab.Fail($"the eUE's {e.Kind} identifies it differently from its {firstEvent!.Kind} (#{firstEvent.Sequence})", expected: first.ToString(), seen: id.ToString(), e);
        }
        lab.Witness(firstEvent!, $"option 61: {first} in all {sent.Count} DHCPv4 messages of the eUE ({string.Join(", ", sent.Select(s => s.Kind))})");
    }

    // ---- one identity for both modes (6.3.3 ¶1: the purpose of RFC 4361) ----

    /// <summary>
    /// The eCM's server now states a preference for IPv6 (Table 4) and the E-UE is power-cycled, so that the same eUE
    /// provisions in IPv6 mode; the running headend's eCM record is changed on the fabric's actor.
    /// </summary>
    [When(@"^the eCM's server asks for the eUE in IPv6 mode and the E-UE is power-cycled$")]
    public async Task WhenRestartedInIpv6()
    {
        var db = lab.Headend.Database;
        await lab.Network.Fabric.InvokeAsync(() =>
        {
            var ecm = db.FindEcm(lab.EcmMac) ?? throw new InvalidOperationException($"no eCM record for {lab.EcmMac}");
            db.AddEcm(ecm with { EueIpPreference = IpPreference.Ipv6 });
            return Task.CompletedTask;
        });
        lab.Scenario["power-cycle"] = lab.Evidence.Cursor;
        await lab.Network.Dut.ResetAsync(DutResetKind.PowerCycle, lab.Scenario.Cancellation);
    }

    /// <summary>
    /// The catalog (6.3.3-02 note) reads 6.3.3 as not requiring the DUID of option 61 to equal the DHCPv6 client DUID:
    /// the comparison is recorded for the auditor, a difference is information, not a failure.
    /// </summary>
    [Then(@"^the report records whether the DUID of the eUE's DHCPv6 SOLICIT is the DUID of its option 61$")]
    public async Task ThenDuidsCompared()
    {
        var v4 = lab.Seen(FromClient).LastOrDefault(e => e.Dhcp().HasOption(DhcpOptionCode.ClientIdentifier))
            ?? throw ScenarioContext.Inconclusive("no DHCPv4 message of the eUE carried option 61");
        var solicit = await lab.AwaitAsync("the eUE's SOLICIT after the power cycle", Traffic.From(Traffic.EueDhcpv6, "SOLICIT"), lab.Boot,
            from: lab.Scenario.TryGetValue<EvidenceCursor>("power-cycle", out var c) ? c : null, protocol: "dhcpv6");
        var duid4 = v4.Dhcp().ClientIdentifier!.Duid;
        var duid6 = solicit.Message<Dhcp6Message>().ClientId;
        bool same = duid4 is not null && duid6 is not null && duid4.Bytes.Span.SequenceEqual(duid6.Bytes.Span);
        lab.Scenario.AddEvidence("note", "DUID in IPv4 and IPv6 mode (information)",
            $"option 61 DUID (#{v4.Sequence}): {duid4}\nOPTION_CLIENTID DUID (#{solicit.Sequence}): {duid6?.ToString() ?? "none"}\n"
            + (same ? "the same DUID in both modes" : "different DUIDs: 6.3.3 gives consistent identification as the purpose of RFC 4361; the catalog records a difference without a verdict"));
        lab.Witness(solicit, "the SOLICIT after the power cycle");
    }
}
