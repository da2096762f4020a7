using EUeConformance.Reports.Model;
using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Runner.Execution;

/// <summary>
/// Turns scenario verdicts into one status per catalog requirement. Any failing scenario fails the
/// requirement. A requirement nothing verified is never shown as passed: it is not-automated (no
/// scenario cites it), not-run (its scenarios were filtered out), server-side, or not-applicable
/// (its ICS condition is false for this DUT).
/// </summary>
public static class RequirementAggregator
{
    public static IReadOnlyList<RequirementResult> Aggregate(
        RequirementCatalog catalog, DutProfile profile, IReadOnlyList<Pickle> allPickles, IReadOnlyList<ScenarioResult> results)
    {
        var citedBy = allPickles.SelectMany(p => p.RequirementIds.Select(id => (id, p.Id)))
            .GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).Distinct().ToList());
        var resultsByRequirement = results.SelectMany(r => r.RequirementIds.Select(id => (id, r)))
            .GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Select(x => x.r).ToList());

        return catalog.Requirements.Select(req =>
        {
            var scenarios = citedBy.GetValueOrDefault(req.Id) ?? [];
            var ran = resultsByRequirement.GetValueOrDefault(req.Id) ?? [];
            var (status, reason) = Decide(req, profile, scenarios, ran);
            return new RequirementResult(req.Id, req.Section, req.Locator, req.Keyword, req.Actor, req.Method, req.Summary,
                req.AppliesWhenText, req.Delegates, req.Notes, status, reason, scenarios);
        }).ToList();
    }

    static (string Status, string Reason) Decide(Requirement req, DutProfile profile, List<string> scenarios, List<ScenarioResult> ran)
    {
        // A headend obligation is judged by the server-side suite; the DUT's ICS cannot rule it in or out.
        if (req.Method == CatalogVocabulary.ServerSide && ran.Count == 0)
            return (RequirementStatus.ServerSide, $"an obligation on the {req.Actor}: verified by the server-side suite, not against the DUT");
        if (!profile.Satisfies(req.AppliesWhen))
            return (RequirementStatus.NotApplicable, $"applies when {req.AppliesWhenText}; the profile answers {profile.Explain(req.AppliesWhen)}");

        var executed = ran.Where(r => r.Verdict != Verdict.NotApplicable).ToList();
        if (executed.Count > 0)
        {
            string Cite(Verdict v) => string.Join("; ", executed.Where(r => r.Verdict == v).Select(r => $"{r.Id}: {FirstLine(r.Reason)}"));
            if (executed.Any(r => r.Verdict == Verdict.Fail)) return (RequirementStatus.Fail, Cite(Verdict.Fail));
            if (executed.Any(r => r.Verdict == Verdict.Error)) return (RequirementStatus.Error, Cite(Verdict.Error));
            if (executed.Any(r => r.Verdict == Verdict.Inconclusive)) return (RequirementStatus.Inconclusive, Cite(Verdict.Inconclusive));
            return (RequirementStatus.Pass, $"{executed.Count} scenario(s) passed");
        }
        if (ran.Count > 0)
            return (RequirementStatus.NotApplicable, string.Join("; ", ran.Select(r => $"{r.Id}: {FirstLine(r.Reason)}")));
        if (scenarios.Count > 0)
            return (RequirementStatus.NotRun, $"{scenarios.Count} scenario(s) cite it, none was selected in this run");
        return (RequirementStatus.NotAutomated, req.Method switch
        {
            CatalogVocabulary.Inspection => "needs an operator's inspection; no scenario prompts for it yet",
            CatalogVocabulary.Declaration => $"answered by declaration '{req.Declaration}'; no scenario reads it yet",
            _ => "no scenario verifies it yet",
        });
    }

    static string FirstLine(string? s) => s is null ? "" : s.Split('\n')[0];
}
