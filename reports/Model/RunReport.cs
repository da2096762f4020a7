namespace EUeConformance.Reports.Model;

/// <summary>Everything one run produced: the input to every report writer.</summary>
public sealed record RunReport(
    RunInfo Run,
    IReadOnlyList<RequirementResult> Requirements,
    IReadOnlyList<ScenarioResult> Scenarios)
{
    /// <summary>Requirement count per status (every status present, zero where none).</summary>
    public IReadOnlyDictionary<string, int> RequirementCounts =>
        RequirementStatus.All.ToDictionary(s => s, s => Requirements.Count(r => r.Status == s));

    /// <summary>Scenario count per verdict.</summary>
    public IReadOnlyDictionary<string, int> ScenarioCounts =>
        Enum.GetValues<Verdict>().ToDictionary(v => v.ToWire(), v => Scenarios.Count(s => s.Verdict == v));
}

/// <summary>What ran, on what, with which inputs: enough for an auditor to reproduce the run.</summary>
public sealed record RunInfo(
    string Suite,
    string SuiteVersion,
    string SpecDocument,
    string CatalogPath,
    string CatalogSha256,
    string CommandLine,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    string Fabric,
    int Seed,
    string DutName,
    string ProfilePath,
    string ProfileSha256,
    /// <summary>The DUT profile (ICS and IXIT) exactly as read, so the report carries it.</summary>
    string ProfileText,
    string? TagExpression,
    string? RequirementPattern,
    bool Interrupted,
    int ExitCode);

public sealed record RequirementResult(
    string Id,
    string Section,
    string Locator,
    string Keyword,
    string Actor,
    string Method,
    string Summary,
    string AppliesWhen,
    IReadOnlyList<string> Delegates,
    string? Notes,
    /// <summary>One of <see cref="RequirementStatus"/>.</summary>
    string Status,
    /// <summary>Why this status: the failing scenario's reason, the ICS item that excluded it, etc.</summary>
    string StatusReason,
    IReadOnlyList<string> ScenarioIds);

public sealed record ScenarioResult(
    /// <summary>Stable id: feature file path and line, e.g. features/declarations.feature:12 (plus the example row for outlines).</summary>
    string Id,
    string Name,
    string Feature,
    string File,
    int Line,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> RequirementIds,
    Verdict Verdict,
    string? Reason,
    double DurationMs,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<EvidenceItem> Evidence);

public sealed record StepResult(
    string Keyword,
    string Text,
    int Line,
    /// <summary>passed, failed, inconclusive, error, skipped, undefined, ambiguous.</summary>
    string Status,
    string? Message,
    double DurationMs);

/// <summary>
/// One piece of evidence behind a verdict: a file written next to the reports (pcap, events.jsonl,
/// step log) or a short text (a declaration quoted from the profile, an expected/seen pair).
/// </summary>
public sealed record EvidenceItem(string Kind, string Title, string? Path, string? Text);
