namespace EUeConformance.Reports.Model;

/// <summary>
/// What a report says of one catalog requirement. The five ISO verdicts, plus three honest
/// statuses for requirements that got no verdict in this run: never shown as passed.
/// </summary>
public static class RequirementStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Inconclusive = "inconclusive";
    public const string NotApplicable = "not-applicable";
    public const string Error = "error";
    /// <summary>Method <c>test</c> (or inspection/declaration) and no scenario cites it yet.</summary>
    public const string NotAutomated = "not-automated";
    /// <summary>Scenarios exist but none of them ran in this run (filtered out by tags, ids or name).</summary>
    public const string NotRun = "not-run";
    /// <summary>An obligation on a headend element, verified by the server-side suite, not against the DUT.</summary>
    public const string ServerSide = "server-side";

    public static readonly IReadOnlyList<string> All =
        [Pass, Fail, Inconclusive, NotApplicable, Error, NotAutomated, NotRun, ServerSide];
}
