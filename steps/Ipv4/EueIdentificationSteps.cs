using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
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
}
