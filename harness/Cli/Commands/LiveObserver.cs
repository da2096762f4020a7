using EUeConformance.Reports.Model;
using EUeConformance.Runner.Execution;
using Spectre.Console;

namespace EUeConformance.Cli.Commands;

/// <summary>A live progress bar on a terminal, with a running tally of verdicts.</summary>
public sealed class LiveObserver(ProgressTask task, TextWriter output) : IRunObserver
{
    readonly Dictionary<Verdict, int> _tally = [];

    public void PlanReady(RunPlan plan)
    {
        task.MaxValue = Math.Max(1, plan.Selected.Count);
    }

    public void ScenarioStarted(PlannedScenario scenario, int index, int total) =>
        task.Description = $"[grey]{index}/{total}[/] {Markup.Escape(Trim(scenario.Pickle.Name))}";

    public void ScenarioFinished(ScenarioResult result, int index, int total)
    {
        _tally[result.Verdict] = _tally.GetValueOrDefault(result.Verdict) + 1;
        task.Increment(1);
        task.Description = string.Join("  ", _tally.OrderBy(t => t.Key).Select(t => $"{Colour(t.Key)}{t.Key.ToWire()} {t.Value}[/]"));
    }

    static string Colour(Verdict v) => v switch
    {
        Verdict.Pass => "[green]",
        Verdict.Fail => "[red]",
        Verdict.Error => "[maroon]",
        Verdict.Inconclusive => "[yellow]",
        _ => "[grey]",
    };

    static string Trim(string s) => s.Length > 60 ? s[..57] + "..." : s;

    public TextWriter Output => output;
}
