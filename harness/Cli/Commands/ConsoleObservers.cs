using EUeConformance.Reports.Model;
using EUeConformance.Runner.Execution;

namespace EUeConformance.Cli.Commands;

/// <summary>Plain lines, one per finished scenario: for CI logs and redirected output.</summary>
public sealed class PlainObserver(TextWriter output) : IRunObserver
{
    public void PlanReady(RunPlan plan) => PlanPrinter.Print(plan, output);

    public void ScenarioStarted(PlannedScenario scenario, int index, int total) { }

    public void ScenarioFinished(ScenarioResult result, int index, int total)
    {
        output.WriteLine($"[{index}/{total}] {result.Verdict.ToWire(),-14} {result.Id}  {result.Name}  ({result.DurationMs:0} ms)");
        if (result.Verdict is not (Verdict.Pass or Verdict.NotApplicable) && result.Reason is not null)
            output.WriteLine("      " + result.Reason.Replace("\n", "\n      "));
    }
}

/// <summary>The plan, printed before anything runs: how many scenarios will run, and why the others will not.</summary>
public static class PlanPrinter
{
    public static void Print(RunPlan plan, TextWriter output)
    {
        output.WriteLine($"plan: {plan.Selected.Count} scenario(s) selected of {plan.AllPickles.Count}: {plan.ToRun} to run, {plan.NotApplicable} not applicable");
        foreach (var group in plan.Selected.Where(s => !s.Applicable).GroupBy(s => s.NotApplicableReason))
            output.WriteLine($"  not applicable ({group.Count()}): {group.Key}");
    }
}
