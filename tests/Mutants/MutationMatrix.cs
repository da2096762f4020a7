using System.Globalization;
using System.Text;
using EUeConformance.Cli;
using EUeConformance.Device.Mutants;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Profile;
using EUeConformance.Tests.Support;

namespace EUeConformance.Tests.Mutants;

/// <summary>
/// The whole suite against the reference device and against every mutant, on the simulation fabric: which
/// requirement each mutant kills, what else it changed, and the mutation score (automated requirements killed by
/// at least one mutant, over the automated requirements that pass on the reference device). Computed once per
/// test run and shared by the matrix tests; written to mutation-matrix.md beside the test results.
/// </summary>
public sealed class MutationMatrix
{
    public required IReadOnlyDictionary<string, string> Baseline { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByMutant { get; init; }
    /// <summary>The reference device's statuses under each mutant's ICS claims.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> BaselineOf { get; init; }
    public required IReadOnlyList<string> Automated { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>
    /// Umbrella requirements (the catalog's notes call them so: their verdict aggregates other entries) and the
    /// requirements they share scenarios with; "*" for an umbrella whose scenarios carry no other id (a whole flow).
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> UmbrellaParts { get; init; }

    /// <summary>
    /// Whether a mutant may change a requirement's verdict: a target, inside its blast radius, or an umbrella one of
    /// whose parts it may change (an umbrella fails whenever a scenario it aggregates fails).
    /// </summary>
    public bool MayChange(Mutant m, string id) =>
        m.MayChange(id) || (UmbrellaParts.TryGetValue(id, out var parts) &&
            parts.Any(part => part == "*" ? Changed(m.Name).Any(c => c != id) : m.MayChange(part)));

    public IReadOnlyList<string> Killed => [.. Automated.Where(id => ByMutant.Values.Any(r => r.GetValueOrDefault(id) == RequirementStatus.Fail))];
    public double Score => Automated.Count == 0 ? 0 : (double)Killed.Count / Automated.Count;

    static readonly Lazy<Task<MutationMatrix>> Shared = new(ComputeAsync);
    public static Task<MutationMatrix> Instance => Shared.Value;

    static async Task<MutationMatrix> ComputeAsync()
    {
        var started = DateTime.UtcNow;
        var catalog = CatalogLoader.Load(Repo.Catalog);
        var pickles = FeatureLoader.LoadDirectory(Repo.Features);
        var reference = ProfileLoader.Load(Repo.ReferenceProfile);

        async Task<IReadOnlyDictionary<string, string>> Run(DutProfile profile, DutFactory? factory)
        {
            var plan = RunPlan.Build(pickles, catalog, profile, new Selection());
            var options = new RunOptions(Repo.TempDir(), DutFactory: factory, Parallelism: Environment.ProcessorCount, KeepEvidence: false);
            var report = await new SuiteRunner(StepAssemblies.Registry, catalog, profile, options).RunAsync(plan);
            return report.Requirements.ToDictionary(r => r.Id, r => r.Status);
        }

        // One baseline per ICS variant the mutants claim: a mutant is compared with the reference device claiming the same.
        var baselines = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var m in MutantCatalog.All.Prepend(null))
        {
            string variant = m?.IcsVariant ?? "";
            if (!baselines.ContainsKey(variant)) baselines[variant] = await Run(m is null ? reference : DutFactories.ProfileFor(m, reference), null);
        }
        var baseline = baselines[""];
        var byMutant = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var baselineOf = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var m in MutantCatalog.All)
        {
            byMutant[m.Name] = await Run(DutFactories.ProfileFor(m, reference), DutFactories.WithMutant(m));
            baselineOf[m.Name] = baselines[m.IcsVariant];
        }
        var automated = baseline.Where(p => p.Value == RequirementStatus.Pass && catalog.Find(p.Key)?.Method == "test").Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var umbrellas = catalog.Requirements.Where(r => r.Notes?.TrimStart().StartsWith("Umbrella", StringComparison.Ordinal) == true).Select(r => r.Id).ToHashSet();
        var umbrellaParts = umbrellas.ToDictionary(u => u, u =>
        {
            var parts = pickles.Where(p => p.RequirementIds.Contains(u)).SelectMany(p => p.RequirementIds).Where(id => !umbrellas.Contains(id)).Distinct().ToList();
            return (IReadOnlyList<string>)(parts.Count > 0 ? parts : ["*"]);
        });
        var matrix = new MutationMatrix
        {
            Baseline = baseline, BaselineOf = baselineOf, ByMutant = byMutant, Automated = automated, UmbrellaParts = umbrellaParts, Elapsed = DateTime.UtcNow - started,
        };
        File.WriteAllText(Path.Combine(Repo.Root, "tests", "bin", "mutation-matrix.md"), matrix.Markdown());
        return matrix;
    }

    /// <summary>Per mutant: what it targets and what changed against the reference run.</summary>
    public IReadOnlyList<string> Changed(string mutant) =>
        [.. ByMutant[mutant].Where(p => BaselineOf[mutant].GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal)];

    public string ScoreLine => string.Create(CultureInfo.InvariantCulture,
        $"mutation score: {Killed.Count}/{Automated.Count} automated requirements killed ({Score:P1}) by {ByMutant.Count} mutants in {Elapsed.TotalSeconds:0} s");

    public string Markdown()
    {
        var sb = new StringBuilder("# Mutation matrix\n\n").AppendLine(ScoreLine).AppendLine();
        sb.AppendLine("| mutant | targets | changed (status on the mutant) |").AppendLine("|---|---|---|");
        foreach (var m in MutantCatalog.All)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {string.Join(", ", m.Targets)} | {string.Join(", ", Changed(m.Name).Select(id => $"{id} ({ByMutant[m.Name][id]})"))} |");
        var survivors = Automated.Except(Killed).ToList();
        sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Automated requirements no mutant kills ({survivors.Count}): {string.Join(", ", survivors)}");
        return sb.ToString();
    }
}
