using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Expressions;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Input;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Runner.Execution;

/// <param name="NotApplicableReason">Null when the scenario applies to the DUT; else which ICS answer rules it out.</param>
public sealed record PlannedScenario(Pickle Pickle, string? NotApplicableReason)
{
    public bool Applicable => NotApplicableReason is null;
}

/// <summary>The scenarios a run will execute and those it will mark not-applicable, decided before anything runs.</summary>
public sealed record RunPlan(IReadOnlyList<Pickle> AllPickles, IReadOnlyList<PlannedScenario> Selected)
{
    public int ToRun => Selected.Count(s => s.Applicable);
    public int NotApplicable => Selected.Count(s => !s.Applicable);

    /// <summary>
    /// Checks every scenario's tags against the catalog (an unknown requirement id or ICS item is the
    /// feature file's mistake, reported with its line) and decides applicability from the profile.
    /// </summary>
    public static RunPlan Build(IReadOnlyList<Pickle> pickles, RequirementCatalog catalog, DutProfile profile, Selection selection)
    {
        var errors = new List<InputError>();
        foreach (var p in pickles)
        {
            foreach (var id in p.RequirementIds.Where(id => catalog.Find(id) is null))
                errors.Add(new InputError(p.File, p.Line, 1, $"scenario '{p.Name}' cites @{id}, which the catalog does not define",
                    "use an id from features/catalog (eue-conformance catalog --list shows them)"));
            foreach (var c in p.IcsConditions.Select(c => c.TrimStart('!')).Where(c => !IcsVocabulary.IsKnown(c)))
                errors.Add(new InputError(p.File, p.Line, 1, $"scenario '{p.Name}' has @ics:{c}, which is not an ICS item",
                    "one of: " + string.Join(", ", IcsVocabulary.Names)));
        }
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new InputErrors(errors.DistinctBy(e => e.Message).ToList());

        var selected = pickles.Where(selection.Includes).Select(p => new PlannedScenario(p, WhyNotApplicable(p, catalog, profile))).ToList();
        return new RunPlan(pickles, selected);
    }

    static string? WhyNotApplicable(Pickle p, RequirementCatalog catalog, DutProfile profile)
    {
        foreach (var c in p.IcsConditions)
        {
            bool negated = c.StartsWith('!');
            string item = c.TrimStart('!');
            if (profile.Has(item) == negated)
                return $"@ics:{c} does not hold: {profile.Explain(new BoolExpression.Name(item))}";
        }
        var cited = p.RequirementIds.Select(id => catalog.Find(id)!).ToList();
        if (cited.Count > 0 && cited.All(r => !profile.Satisfies(r.AppliesWhen)))
            return "none of its requirements applies: " + string.Join("; ", cited.Select(r => $"{r.Id} needs {r.AppliesWhenText} ({profile.Explain(r.AppliesWhen)})"));
        return null;
    }
}
