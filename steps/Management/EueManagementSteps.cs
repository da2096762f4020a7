using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.ConfigFile;

namespace EUeConformance.Steps.Management;

/// <summary>
/// The eUE as an SNMP-managed element (6.5): its agent serves the E-UE MIB modules of PKT-EUE-DATA (the CableLabs arc
/// 1.3.6.1.4.1.4491.2.2.10: device, user, event MIBs) with what the configuration file set, keeps RFC 3416's access
/// rules, hides what the MIB says to hide; and it runs PKT-MEM1.5's management event mechanism with PKT-EUE-DATA's
/// event MIB (CL-PKTC-EUE-EVENT-MIB: pktcEUEMEMVersion "1.0"; the event log of PKTC-EVENT-MIB's pktcEventGroup, which
/// it makes mandatory).
/// </summary>
[Binding]
public sealed class EueManagementSteps(Lab lab, EueAgent agent, ScenarioContext scenario, ConfigFileOutcomeSteps outcome)
{
    /// <summary>pktcEUEMibs (CLAB-DEF-MIB): the arc of the E-UE MIB modules (CANN, PKT-EUE-DATA).</summary>
    static readonly ObjectIdentifier EueMibs = ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.10");

    [Then(@"^a walk of the eUE's E-UE MIB arc returns every object the configuration file set there$")]
    public async Task ThenWalkHasSettings()
    {
        await outcome.OutcomeAsync();
        var wanted = ConfigFileContentSteps.Settings(scenario).Select(s => s.VarBind.Name).Where(n => n.StartsWith(EueMibs)).ToList();
        if (wanted.Count == 0) throw new ArgumentException("the scenario's file sets nothing under 1.3.6.1.4.1.4491.2.2.10");
        var walked = await agent.WalkAsync(EueMibs, silenceFails: true);
        var missing = wanted.Where(w => !walked.Any(v => v.Name == w)).ToList();
        if (missing.Count > 0)
            throw lab.Fail("a walk of the eUE's E-UE MIB arc does not show every object its configuration file set", expected: string.Join(", ", wanted.Select(MibNames.Describe)),
                seen: $"missing {string.Join(", ", missing.Select(MibNames.Describe))} among {walked.Count} instance(s)", agent.LastResponse());
        if (agent.LastResponse() is { } e) lab.Witness(e, $"walk of {EueMibs}: {walked.Count} instances, all {wanted.Count} settings present");
    }

    [Then(@"^the eUE's agent answers a GET of (\S+) with a value$")]
    public async Task ThenAnswersWithValue(string instanceText)
    {
        await outcome.OutcomeAsync();
        var (instance, _) = MibText.Instance(instanceText);
        var seen = await agent.GetAsync(instance, silenceFails: true);
        if (seen.IsException)
            throw lab.Fail($"the eUE's agent does not serve {MibNames.Describe(instance)}", expected: "a value", seen: seen.ToString(), agent.LastResponse());
        if (agent.LastResponse() is { } e) lab.Witness(e, $"{MibNames.Describe(instance)} = {EueAgent.Show(seen)}");
    }

    /// <summary>RFC 3416 §4.2.5: a SET of an object whose MAX-ACCESS does not allow writing answers notWritable and changes nothing.</summary>
    [Then(@"^the eUE's agent refuses a SET of (\S+) to (.+) with (notWritable|noCreation|wrongType|wrongValue|inconsistentValue|noAccess)$")]
    public async Task ThenSetRefused(string instanceText, string valueText, string status)
    {
        await outcome.OutcomeAsync();
        var (instance, obj) = MibText.Instance(instanceText);
        var before = await agent.GetAsync(instance, silenceFails: true);
        var response = await agent.SetAsync(new VarBind(instance, MibText.Value(valueText, obj)), silenceFails: true);
        var expected = Enum.Parse<SnmpErrorStatus>(status, ignoreCase: true);
        if (response.ErrorStatus != expected)
            throw lab.Fail($"the eUE's agent answered the SET of {MibNames.Describe(instance)} with {response.ErrorStatus}", expected: status, seen: response.ErrorStatus.ToString(), agent.LastResponse());
        var after = await agent.GetAsync(instance, silenceFails: true);
        if (!Equals(before, after))
            throw lab.Fail($"a refused SET changed {MibNames.Describe(instance)}", expected: EueAgent.Show(before), seen: EueAgent.Show(after), agent.LastResponse());
        if (agent.LastResponse() is { } e) lab.Witness(e, $"SET refused with {status}; {MibNames.Describe(instance)} still {EueAgent.Show(after)}");
    }

    /// <summary>
    /// PKT-MEM1.5 with PKTC-EVENT-MIB: every event is recorded locally (the reporting bit local(0) is on at every level by
    /// default), and provisioning reports one (eUE-24's provisioning-complete event); PacketCable-defined events carry
    /// the enterprise 4491.
    /// </summary>
    [Then(@"^the eUE's local event log holds a PacketCable event$")]
    public async Task ThenEventLog()
    {
        await outcome.OutcomeAsync();
        var table = MibNames.Event.PktcDevEventLogTable;
        var rows = await agent.WalkAsync(table.EntryId, silenceFails: true);
        var enterprises = rows.Where(v => v.Name.StartsWith(MibNames.Event.PktcDevEvLogEnterprise.Id)).ToList();
        var texts = rows.Where(v => v.Name.StartsWith(MibNames.Event.PktcDevEvLogText.Id)).ToList();
        scenario.AddEvidence("snmp", $"{table.Name} of the eUE", string.Join("\n", rows.Select(v => $"{MibNames.Describe(v.Name)} = {EueAgent.Show(v.Value)}")));
        if (!enterprises.Any(v => v.Value.IsNumber && v.Value.Number == 4491))
            throw lab.Fail("the eUE's local event log (pktcDevEventLogTable) holds no PacketCable event after provisioning", expected: "a row with pktcDevEvLogEnterprise 4491",
                seen: rows.Count == 0 ? "an empty table" : $"{enterprises.Count} row(s), none of enterprise 4491", agent.LastResponse());
        if (!texts.Any(v => v.Value.Type == SnmpType.OctetString && v.Value.Bytes.Length > 0))
            throw lab.Fail("the eUE's logged events carry no text", expected: "pktcDevEvLogText with the event's text", seen: "empty", agent.LastResponse());
        if (agent.LastResponse() is { } e) lab.Witness(e, $"{enterprises.Count} event(s) in the local log");
    }
}
