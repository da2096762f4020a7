using System.Net;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Evidence;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Ipv6;

namespace EUeConformance.Steps.Inspection;

/// <summary>
/// 6.3.4.1 bullet 3, the parts only an inspection can see: after duplicate address detection found its link-local
/// address in use, the eUE records the event in its local log and stays halted until someone intervenes. The conflict is
/// made by the Ipv6 steps (another node defends the address); these steps let the fabric run, then inspect.
/// </summary>
[Binding]
public sealed class LinkLocalInspectionSteps(Lab lab, Inspection inspection, ScenarioContext scenario)
{
    IPAddress Conflicting() => scenario.Get<IPAddress>(LinkLocalSteps.ConflictAddress);

    static bool Mentions(DeviceLogEntry e, IPAddress address)
    {
        string text = address.ToString();
        return e.Text.Contains(text, StringComparison.OrdinalIgnoreCase) || e.Fields.Values.Any(v => v.Equals(text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Says the address is taken (probing it alone, "DAD", is not a finding).</summary>
    static bool AboutDuplicate(DeviceLogEntry e) =>
        e.Text.Contains("duplicate", StringComparison.OrdinalIgnoreCase) || e.Text.Contains("conflict", StringComparison.OrdinalIgnoreCase)
        || e.Text.Contains("in use", StringComparison.OrdinalIgnoreCase) || e.Text.Contains("already used", StringComparison.OrdinalIgnoreCase);

    /// <summary>When the other node defended the address (the Ipv6 steps' evidence), if known: the entry comes after it.</summary>
    DateTimeOffset Since() => scenario["conflict.defence"] is EvidenceEvent defence ? defence.At : DateTimeOffset.MinValue;

    /// <summary>The device's entry recording the conflict: after the defence, it names the address and says it is taken.</summary>
    DeviceLogEntry? ConflictEntry(IReadOnlyList<DeviceLogEntry> log, IPAddress address) =>
        log.FirstOrDefault(e => e.Machine is not ("adapter" or "process") && e.At >= Since() && AboutDuplicate(e) && Mentions(e, address));

    [When(@"^the eUE is left alone for (\d+) seconds after the conflict$")]
    public Task WhenLeftAlone(int seconds) => lab.SettleAsync(TimeSpan.FromSeconds(seconds));

    [Then(@"^an inspection of the eUE's local log finds the duplicate link-local address recorded$")]
    public Task ThenLogged()
    {
        var address = Conflicting();
        return inspection.JudgeAsync(
            $"Does the eUE's local log hold an entry recording that duplicate address detection found its link-local address {address} already in use?",
            log => ConflictEntry(log, address) is { } e
                ? new InspectionAnswer(true, "the device log the adapter exposes", Inspection.Describe(e))
                : new InspectionAnswer(false, "the device log the adapter exposes",
                    $"no entry of the device's log names {address} with a duplicate or DAD conflict ({log.Count} entries read)"));
    }

    /// <summary>
    /// Still halted: nothing the device logged after the conflict entry shows its IPv6 start-up going on (a state change of
    /// the eUE, e.g. into router discovery or DHCPv6) without an intervention (a power cycle or reset is the adapter's or
    /// the operator's entry, and none is made by this scenario).
    /// </summary>
    [Then(@"^an inspection finds the eUE still halted after the conflict, waiting for manual intervention$")]
    public Task ThenStillHalted()
    {
        var address = Conflicting();
        return inspection.JudgeAsync(
            $"After duplicate address detection found its link-local address {address} in use, is the eUE still halted, waiting for an operator (it has not restarted its IPv6 start-up on its own)?",
            log =>
            {
                if (ConflictEntry(log, address) is not { } stop)
                    return new InspectionAnswer(null, "the device log the adapter exposes", $"no log entry records the conflict on {address}: nothing to judge the halt by");
                int from = log.ToList().IndexOf(stop);
                // The move into the halted state itself names the conflict; any other state change is the start-up going on.
                var resumed = log.Skip(from + 1).FirstOrDefault(e => e.Machine == stop.Machine && e.Kind == "state" && !AboutDuplicate(e));
                var last = log.LastOrDefault(e => e.Machine == stop.Machine) ?? stop;
                return resumed is null
                    ? new InspectionAnswer(true, "the device log the adapter exposes",
                        $"{Inspection.Describe(stop)}\nno later state change of '{stop.Machine}' up to {lab.Network.Fabric.Clock.GetUtcNow():O}; last entry: {last.Text}")
                    : new InspectionAnswer(false, "the device log the adapter exposes", $"{Inspection.Describe(resumed)}\n(after {Inspection.Describe(stop)})");
            });
    }
}
