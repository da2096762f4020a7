using System.Net;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Flows;

namespace EUeConformance.Steps.Management;

/// <summary>
/// EUE-PROV 6.6.4: an E-UE with battery backup implements CableLabs' battery backup MIB (CL-BB-MIB), which requires
/// a set of RFC 1628 UPS-MIB objects. The spec does not say which agent hosts them, so each object is read from the
/// eCM's agent and, where the eCM does not serve it, from the eUE's (catalog note of EUE-PROV-6.6.4-01).
/// </summary>
[Binding]
public sealed class BatteryBackupSteps(FlowWire wire, Lab lab, ScenarioContext scenario)
{
    const string ValuesKey = "battery.values";

    /// <summary>RFC 1628 ranges: enumerations, percentages, non-negative counts, display strings of bounded size.</summary>
    static readonly Dictionary<string, Func<SnmpValue, bool>> InRange = new()
    {
        ["upsIdentManufacturer"] = v => Text(v, 31),
        ["upsIdentModel"] = v => Text(v, 63),
        ["upsIdentAgentSoftwareVersion"] = v => Text(v, 63),
        ["upsIdentName"] = v => Text(v, 63),
        ["upsIdentAttachedDevices"] = v => Text(v, 63),
        ["upsBatteryStatus"] = v => Int(v) is >= 1 and <= 4,
        ["upsSecondsOnBattery"] = v => Int(v) >= 0,
        ["upsEstimatedMinutesRemaining"] = v => Int(v) >= 1,
        ["upsEstimatedChargeRemaining"] = v => Int(v) is >= 0 and <= 100,
        ["upsInputNumLines"] = v => Int(v) >= 0,
        ["upsOutputSource"] = v => Int(v) is >= 1 and <= 7,
    };

    [When(@"^the Provisioning Server reads the CL-BB-MIB objects from the E-UE's agents$")]
    public async Task WhenRead()
    {
        var lease = await wire.LeaseAsync();
        var eue = FlowWire.LeasedAddress(lease);
        var names = MibNames.Ups.Required.Select(o => o.InstanceId(0)).ToArray();
        var values = new Dictionary<string, SnmpValue>();
        foreach (var agent in new[] { wire.EcmAddress, eue })
        {
            var missing = MibNames.Ups.Required.Where(o => !values.ContainsKey(o.Name)).ToList();
            if (missing.Count == 0) break;
            var r = await wire.RequestAsync(agent, Pdu.Request(PduType.GetRequest, 0, [.. missing.Select(o => o.InstanceId(0))]));
            if (r is null) { scenario.Log($"the agent at {agent} did not answer"); continue; }
            scenario.Log($"{agent}: {FlowWire.Describe(r.VarBinds)}");
            foreach (var (obj, vb) in missing.Zip(r.VarBinds))
                if (!vb.Value.IsException && r.ErrorStatus == SnmpErrorStatus.NoError) values[obj.Name] = vb.Value;
        }
        scenario[ValuesKey] = values;
    }

    [Then(@"^every CL-BB-MIB object answers with a value in its range$")]
    public void ThenEveryObject()
    {
        var values = scenario.Get<Dictionary<string, SnmpValue>>(ValuesKey);
        var absent = MibNames.Ups.Required.Where(o => !values.ContainsKey(o.Name)).Select(o => o.Name).ToList();
        if (absent.Count > 0)
            throw lab.Fail("the E-UE declares battery backup but its agents do not serve every CL-BB-MIB object", "each of " + string.Join(", ", MibNames.Ups.Required.Select(o => o.Name)),
                "no value for " + string.Join(", ", absent));
        var wrong = values.Where(p => !InRange[p.Key](p.Value)).Select(p => $"{p.Key} = {p.Value}").ToList();
        if (wrong.Count > 0)
            throw lab.Fail("CL-BB-MIB objects answer outside their RFC 1628 range or type", "each object within its SYNTAX", string.Join(", ", wrong));
    }

    /// <summary>RFC 1628: upsOutputSource normal(3) while the mains feed the load, and upsSecondsOnBattery zero when not on battery.</summary>
    [Then(@"^on mains power the E-UE reports its output source normal and no time on battery$")]
    public void ThenOnMains()
    {
        var values = scenario.Get<Dictionary<string, SnmpValue>>(ValuesKey);
        int? source = values.TryGetValue("upsOutputSource", out var s) && s.Type == SnmpType.Integer ? s.ToInt32() : null;
        int? seconds = values.TryGetValue("upsSecondsOnBattery", out var t) && t.Type == SnmpType.Integer ? t.ToInt32() : null;
        if (source != 3 || seconds != 0)
            throw lab.Fail("the E-UE, fed from the mains, reports another power state", "upsOutputSource = normal(3), upsSecondsOnBattery = 0",
                $"upsOutputSource = {source?.ToString() ?? "none"}, upsSecondsOnBattery = {seconds?.ToString() ?? "none"}");
    }

    static bool Text(SnmpValue v, int max) => v.Type == SnmpType.OctetString && v.ToText().Length <= max;
    static long Int(SnmpValue v) => v.Type == SnmpType.Integer ? v.ToInt32() : long.MinValue;
}
