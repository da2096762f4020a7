using EUeConformance.Reports.Model;

namespace EUeConformance.Runner.Execution;

/// <summary>Progress of a run, for a live display on a terminal or plain lines in CI.</summary>
public interface IRunObserver
{
    void PlanReady(RunPlan plan);
    void ScenarioStarted(PlannedScenario scenario, int index, int total);
    void ScenarioFinished(ScenarioResult result, int index, int total);
}

public sealed class NullObserver : IRunObserver
{
    public static readonly NullObserver Instance = new();
    public void PlanReady(RunPlan plan) { }
    public void ScenarioStarted(PlannedScenario scenario, int index, int total) { }
    public void ScenarioFinished(ScenarioResult result, int index, int total) { }
}
