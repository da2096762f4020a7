using System.Globalization;
using System.Net;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Management;

namespace EUeConformance.Steps.ConfigFile;

/// <summary>
/// How the eUE's processing of its configuration file came out, as the operator sees it: the provisioning state the
/// eUE shows in pktcMtaDevProvisioningState over SNMP (and, when it sends one, in its provisioning-status notification,
/// eUE-25), the objects the file set as the eUE's agent reads them back, and the error
/// OIDs table (pktcMtaDevErrorOidsTable) PKT-PROV1.5 fills for every rejected setting.
/// </summary>
/// <remarks>
/// The state values are the MTA MIBs' (1 pass, 3 failConfigFileError, 4 passWithWarnings, 5 passWithIncompleteParsing…);
/// which MTA MIB an eUE uses is read from its own notification (without one, RFC 4682's is asked first).
/// </remarks>
[Binding]
public sealed class ConfigFileOutcomeSteps(Lab lab, EueAgent agent, ScenarioContext scenario)
{
    const string StateKey = "config.outcome";
    static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    static readonly Dictionary<string, int> States = new(StringComparer.Ordinal)
    {
        ["pass"] = 1, ["inProgress"] = 2, ["failConfigFileError"] = 3, ["passWithWarnings"] = 4,
        ["passWithIncompleteParsing"] = 5, ["failureInternalError"] = 6, ["failOtherReason"] = 7, ["failureOtherReason"] = 7,
    };

    static string NameOf(int? state) => state is null ? "absent" : States.FirstOrDefault(p => p.Value == state).Key is { } n ? $"{n}({state})" : state.Value.ToString(CultureInfo.InvariantCulture);

    static bool IsStatusInform(EvidenceEvent e) =>
        e.Service == ProvisioningServer.Service && e.Direction == Direction.Received && e.Kind == "InformRequest" && e.Message is ProvisioningNotification { IsStatus: true };

    /// <summary>
    /// The state the eUE reached for this provisioning, as its agent shows it once it is no longer inProgress(2) (polled
    /// every 5 s after the eUE asked for its file, within the IXIT boot time). When the eUE also sent its
    /// provisioning-status notification (eUE-25) by then, the two must agree; whether that notification comes at all is
    /// eUE-25's requirement, not judged here.
    /// </summary>
    public async Task<(int? State, EvidenceEvent? Evidence)> OutcomeAsync()
    {
        if (scenario[StateKey] is ValueTuple<int?, EvidenceEvent?> known) return known;
        await lab.AwaitAsync("the eUE's request for its configuration file", Traffic.EueFileRequest, lab.Boot, protocol: "tftp");
        var start = lab.Network.Fabric.Clock.GetUtcNow();
        int? state = null;
        while (lab.Network.Fabric.Clock.GetUtcNow() - start < lab.Boot)
        {
            await lab.SettleAsync(PollEvery);
            if (lab.Seen(IsStatusInform).FirstOrDefault() is { Message: ProvisioningNotification n }) agent.Learn(n.From.Address, n.Mib);
            (state, _) = await agent.ProvisioningStateAsync();
            if (state is not null and not 2) break;
        }
        if (state is null or 2)
            throw ScenarioContext.Inconclusive($"the eUE's pktcMtaDevProvisioningState was still {NameOf(state)} {lab.Boot.TotalSeconds:0} s after it asked for its file");
        EvidenceEvent? evidence = agent.LastResponse();
        if (lab.Seen(IsStatusInform).FirstOrDefault() is { Message: ProvisioningNotification inform } e)
        {
            int? reported = inform.Mib!.StateIn(inform.Pdu.VarBinds);
            if (reported is not null && reported != state)
                throw lab.Fail("the eUE's provisioning-status notification and its agent disagree on the provisioning state", expected: NameOf(reported), seen: NameOf(state), e);
            evidence = e;
        }
        var outcome = (state, evidence);
        scenario[StateKey] = outcome;
        return outcome;
    }

    /// <summary>One state ("pass") or alternatives ("passWithWarnings or failConfigFileError").</summary>
    [Then(@"^the eUE's configuration file outcome is (.+)$")]
    public async Task ThenOutcome(string expected)
    {
        var names = expected.Split(" or ", StringSplitOptions.TrimEntries);
        var wanted = names.Select(n => States.TryGetValue(n, out int v) ? v : throw new ArgumentException($"'{n}' is not a provisioning state of the MTA MIBs")).ToHashSet();
        var (state, e) = await OutcomeAsync();
        if (state is null || !wanted.Contains(state.Value))
            throw lab.Fail("the eUE reports another outcome of its configuration file", expected: expected, seen: NameOf(state), e);
        if (e is not null) lab.Witness(e, $"provisioning state {NameOf(state)}");
    }

    [Then(@"^reading (\S+) from the eUE's agent gives (.+)$")]
    public async Task ThenReads(string instanceText, string valueText)
    {
        await OutcomeAsync();
        var (instance, obj) = MibText.Instance(instanceText);
        var expected = MibText.Value(valueText, obj);
        var seen = await agent.GetAsync(instance);
        if (!expected.Equals(seen))
            throw lab.Fail($"{MibNames.Describe(instance)} does not read back as the configuration file set it", expected: EueAgent.Show(expected), seen: EueAgent.Show(seen), agent.LastResponse());
        if (agent.LastResponse() is { } r) lab.Witness(r, $"{MibNames.Describe(instance)} = {EueAgent.Show(seen)}");
    }

    /// <summary>RFC 3416: a GET of an instance that does not exist answers noSuchInstance (or noSuchObject).</summary>
    [Then(@"^the eUE's agent has no instance (\S+)$")]
    public async Task ThenNoInstance(string instanceText)
    {
        await OutcomeAsync();
        var (instance, _) = MibText.Instance(instanceText);
        var seen = await agent.GetAsync(instance);
        if (seen.Type is not (SnmpType.NoSuchInstance or SnmpType.NoSuchObject))
            throw lab.Fail($"the eUE holds {MibNames.Describe(instance)}, which it should not have created", expected: "noSuchInstance", seen: EueAgent.Show(seen), agent.LastResponse());
        if (agent.LastResponse() is { } r) lab.Witness(r, $"{MibNames.Describe(instance)}: {seen}");
    }

    /// <summary>The error OIDs table's rows: (index, OID column, value column, reason).</summary>
    async Task<IReadOnlyList<(uint Row, string Oid, string Value, string Reason)>> ErrorTableAsync()
    {
        await OutcomeAsync();
        var mib = agent.Mib ?? MtaMib.Ietf;
        var table = mib == MtaMib.Ietf ? MibNames.IetfMta.PktcMtaDevErrorOidsTable : MibNames.ClabMta.PktcMtaDevErrorOidsTable;
        var all = await agent.WalkAsync(table.EntryId);
        string Cell(VarBind vb) => vb.Value.Type == SnmpType.OctetString ? vb.Value.ToText() : vb.Value.ToString();
        var rows = all.GroupBy(v => v.Name[v.Name.Length - 1]).Select(g =>
        {
            string Column(int i) => g.FirstOrDefault(v => v.Name.StartsWith(table.Columns[i].Id)) is { } vb ? Cell(vb) : "";
            return (g.Key, Column(1), Column(2), Column(3));
        }).ToList();
        scenario.AddEvidence("snmp", $"{table.Name} of the eUE ({rows.Count} row(s))",
            string.Join("\n", rows.Select(r => $"{r.Key}: oid '{r.Item2}', value '{r.Item3}', reason '{r.Item4}'")));
        return rows;
    }

    /// <summary>
    /// PKT-PROV1.5 via RFC 4682 pktcMtaDevErrorOid: the row names the setting's OID (dotted, a leading dot tolerated); an OID
    /// the eUE does not recognise may instead leave the OID column empty and give the OID in the value column.
    /// </summary>
    static bool Names((uint Row, string Oid, string Value, string Reason) row, ObjectIdentifier oid)
    {
        static string Norm(string s) => s.Trim().TrimStart('.');
        string wanted = oid.ToString();
        return Norm(row.Oid) == wanted || (Norm(row.Oid).Length == 0 && Norm(row.Value) == wanted);
    }

    [Then(@"^the eUE's error OIDs table names (\S+)$")]
    public async Task ThenErrorTableNames(string instanceText)
    {
        var (instance, _) = MibText.Instance(instanceText);
        var rows = await ErrorTableAsync();
        if (!rows.Any(r => Names(r, instance)))
            throw lab.Fail($"the error OIDs table does not name {MibNames.Describe(instance)}", expected: $"a row whose OID is {instance}",
                seen: rows.Count == 0 ? "an empty table" : string.Join("; ", rows.Select(r => $"'{r.Oid}'")), agent.LastResponse());
        if (agent.LastResponse() is { } e) lab.Witness(e, $"error OIDs table names {instance}");
    }

    [Then(@"^the eUE's error OIDs table names each varbind the file gave for row (\d+) of (\S+)$")]
    public async Task ThenErrorTableNamesRow(uint row, string tableName)
    {
        var table = MibNames.Tables.FirstOrDefault(t => t.Name == tableName) ?? throw new ArgumentException($"'{tableName}' is not a table of the suite's MIB modules");
        var wanted = ConfigFileContentSteps.Settings(scenario)
            .Where(s => s.VarBind.Name.StartsWith(table.EntryId) && s.VarBind.Name[s.VarBind.Name.Length - 1] == row).Select(s => s.VarBind.Name).ToList();
        if (wanted.Count == 0) throw new ArgumentException($"the scenario's file gives nothing for row {row} of {tableName}");
        var rows = await ErrorTableAsync();
        var missing = wanted.Where(oid => !rows.Any(r => Names(r, oid))).ToList();
        if (missing.Count > 0)
            throw lab.Fail($"the error OIDs table does not name every rejected varbind of row {row} of {tableName}",
                expected: string.Join(", ", wanted.Select(MibNames.Describe)), seen: $"missing {string.Join(", ", missing.Select(MibNames.Describe))}", agent.LastResponse());
        if (agent.LastResponse() is { } e) lab.Witness(e, $"error OIDs table names the {wanted.Count} varbinds of row {row}");
    }
}
