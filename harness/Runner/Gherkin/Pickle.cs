using EUeConformance.Runner.Bindings;

namespace EUeConformance.Runner.Gherkin;

public enum StepKind { Given, When, Then }

/// <summary>
/// One runnable scenario: a Scenario, or one Examples row of a Scenario Outline, with the
/// Background's steps in front and every tag it inherits (feature, scenario, examples).
/// </summary>
public sealed record Pickle(
    string Id,
    string Name,
    string FeatureName,
    string File,
    int Line,
    IReadOnlyList<string> Tags,
    IReadOnlyList<PickleStep> Steps)
{
    /// <summary>The catalog requirements this scenario verifies: its @EUE-PROV-… tags.</summary>
    public IReadOnlyList<string> RequirementIds =>
        Tags.Where(t => t.StartsWith("@EUE-PROV-", StringComparison.Ordinal)).Select(t => t[1..]).Distinct().ToList();

    /// <summary>Its @ics:… tags: ICS items that must hold (@ics:!item: must not hold).</summary>
    public IReadOnlyList<string> IcsConditions =>
        Tags.Where(t => t.StartsWith("@ics:", StringComparison.Ordinal)).Select(t => t[5..]).ToList();
}

/// <param name="Kind">Given/When/Then, with And and But resolved to the keyword before them.</param>
public sealed record PickleStep(
    string Keyword,
    StepKind Kind,
    string Text,
    int Line,
    DataTable? Table,
    string? DocString,
    bool FromBackground);
