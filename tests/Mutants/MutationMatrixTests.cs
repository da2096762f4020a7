using EUeConformance.Device.Mutants;
using EUeConformance.Reports.Model;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Mutants;

/// <summary>
/// The suite can fail (ARCHITECTURE.md): every mutant fails the requirements it targets and changes nothing
/// outside its declared blast radius, and every automated requirement is killed by at least one mutant.
/// </summary>
[Collection(nameof(MutationCollection))]
public sealed class MutationMatrixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_mutant_fails_each_requirement_it_targets()
    {
        var matrix = await MutationMatrix.Instance;
        output.WriteLine(matrix.ScoreLine);
        var missed = MutantCatalog.All.SelectMany(m => m.Targets.Where(t => matrix.ByMutant[m.Name].GetValueOrDefault(t) != RequirementStatus.Fail)
            .Select(t => $"{m.Name}: {t} is {matrix.ByMutant[m.Name].GetValueOrDefault(t) ?? "not in the catalog"}, not fail")).ToList();
        missed.Should().BeEmpty();
    }

    [Fact]
    public async Task No_mutant_changes_a_verdict_outside_its_blast_radius()
    {
        var matrix = await MutationMatrix.Instance;
        var strays = MutantCatalog.All.SelectMany(m => matrix.Changed(m.Name).Where(id => !matrix.MayChange(m, id))
            .Select(id => $"{m.Name}: {id} went from {matrix.BaselineOf[m.Name][id]} to {matrix.ByMutant[m.Name][id]}")).ToList();
        foreach (var stray in strays) output.WriteLine(stray);
        strays.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_automated_requirement_is_killed_by_a_mutant()
    {
        var matrix = await MutationMatrix.Instance;
        output.WriteLine(matrix.Markdown());
        matrix.Automated.Except(matrix.Killed).Should().BeEmpty(matrix.ScoreLine);
    }

    [Fact]
    public void Mutant_targets_name_test_requirements_of_the_catalog()
    {
        var catalog = EUeConformance.Runner.Catalog.CatalogLoader.Load(Support.Repo.Catalog);
        var wrong = MutantCatalog.All.SelectMany(m => m.Targets.Where(t => catalog.Find(t)?.Method != "test").Select(t => $"{m.Name}: {t}")).ToList();
        wrong.Should().BeEmpty("a mutant targets requirements the suite verifies by test");
    }
}

[CollectionDefinition(nameof(MutationCollection), DisableParallelization = true)]
public sealed class MutationCollection;
