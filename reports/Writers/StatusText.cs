using EUeConformance.Reports.Model;

namespace EUeConformance.Reports.Writers;

/// <summary>How a requirement status reads to a person in the human-facing reports.</summary>
public static class StatusText
{
    /// <summary>
    /// Verdicts that went wrong shout; statuses that are not verdicts say in words what happened, so
    /// "not-automated" can never be skimmed as a pass.
    /// </summary>
    public static string Label(string status) => status switch
    {
        RequirementStatus.Pass => "pass",
        RequirementStatus.Fail => "FAIL",
        RequirementStatus.Error => "ERROR",
        RequirementStatus.Inconclusive => "inconclusive",
        RequirementStatus.NotApplicable => "not applicable",
        RequirementStatus.NotAutomated => "not automated",
        RequirementStatus.NotRun => "not run",
        RequirementStatus.ServerSide => "server-side (not verified here)",
        _ => status,
    };
}
