using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Expressions;
using EUeConformance.Runner.Input;
using EUeConformance.Runner.Profile;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Engine;

/// <summary>Scenario selection by ICS, tag expression, requirement pattern and location.</summary>
public class SelectionTests
{
    static readonly RequirementCatalog Catalog = CatalogLoader.Load(Repo.Catalog);

    // Two real requirement ids: one that applies only to IPv6-capable eUEs, one that always applies.
    static readonly Requirement Ipv6Only = Catalog.Requirements.First(r => r.AppliesWhenText == "ipv6" && r.Method == "test");
    static readonly Requirement Always = Catalog.Requirements.First(r => r.AppliesWhenText == "" && r.Method == "test");

    static string Feature => $"""
        Feature: selection
          @{Ipv6Only.Id} @MUST
          Scenario: ipv6 behaviour
            Given a
          @{Always.Id} @SHOULD @ics:tftp-blksize
          Scenario: blksize behaviour
            Given b
          @{Always.Id} @MUST
          Scenario: plain behaviour
            Given c
        """;

    static DutProfile Profile(bool ipv6 = true, bool blksize = true) => ProfileLoader.Parse("p.yaml",
        File.ReadAllText(Repo.ReferenceProfile).Replace("ipv6: true", $"ipv6: {(ipv6 ? "true" : "false")}")
            .Replace("tftp-blksize: true", $"tftp-blksize: {(blksize ? "true" : "false")}"));

    static RunPlan Plan(Selection selection, DutProfile? profile = null) =>
        RunPlan.Build(FeatureRun.Compile(Feature), Catalog, profile ?? Profile(), selection);

    [Fact]
    public void A_scenario_whose_requirements_need_an_absent_ICS_item_is_not_applicable_with_the_reason()
    {
        var plan = Plan(Selection.All, Profile(ipv6: false));
        var s = plan.Selected.Single(x => x.Pickle.Name == "ipv6 behaviour");
        s.Applicable.Should().BeFalse();
        s.NotApplicableReason.Should().Contain("ipv6 = no (p.yaml:");
    }

    [Fact]
    public void An_ics_tag_that_does_not_hold_makes_the_scenario_not_applicable()
    {
        Plan(Selection.All, Profile(blksize: false)).Selected.Single(x => x.Pickle.Name == "blksize behaviour")
            .NotApplicableReason.Should().Contain("@ics:tftp-blksize");
    }

    [Fact]
    public void A_tag_expression_selects_scenarios()
    {
        Plan(new Selection(Tags: BoolExpression.Parse("@MUST and not @ics:tftp-blksize"))).Selected.Select(s => s.Pickle.Name)
            .Should().Equal("ipv6 behaviour", "plain behaviour");
    }

    [Fact]
    public void A_requirement_pattern_selects_the_scenarios_citing_it()
    {
        Plan(new Selection(RequirementPatterns: [Ipv6Only.Id[..^2] + "*"])).Selected.Should().Contain(s => s.Pickle.Name == "ipv6 behaviour");
    }

    [Fact]
    public void A_file_and_line_selects_one_scenario()
    {
        Plan(new Selection(Locations: ["test.feature:6"])).Selected.Single().Pickle.Name.Should().Be("blksize behaviour");
    }

    [Fact]
    public void A_scenario_citing_an_unknown_requirement_is_refused_with_its_line()
    {
        var act = () => RunPlan.Build(FeatureRun.Compile("Feature: f\n  @EUE-PROV-9.9-99\n  Scenario: s\n    Given a\n"), Catalog, Profile(), Selection.All);
        act.Should().Throw<InputError>().Which.Message.Should().Contain("test.feature:3").And.Contain("EUE-PROV-9.9-99");
    }

    [Fact]
    public void An_unknown_ics_tag_is_refused()
    {
        var act = () => RunPlan.Build(FeatureRun.Compile("Feature: f\n  @ics:ipv7\n  Scenario: s\n    Given a\n"), Catalog, Profile(), Selection.All);
        act.Should().Throw<InputError>().Which.Message.Should().Contain("@ics:ipv7");
    }

    [Theory]
    [InlineData("@a and not @b", "@a", true)]
    [InlineData("@a and not @b", "@a @b", false)]
    [InlineData("(@a or @b) and @c", "@b @c", true)]
    [InlineData("not (@a or @b)", "@c", true)]
    public void Tag_expressions_follow_Cucumber_precedence(string expression, string tags, bool expected)
    {
        var set = tags.Split(' ');
        BoolExpression.Parse(expression).Evaluate(set.Contains).Should().Be(expected);
    }

    [Theory]
    [InlineData("@a and")]
    [InlineData("(@a or @b")]
    [InlineData("@a @b")]
    public void A_malformed_tag_expression_is_refused(string expression)
    {
        var act = () => BoolExpression.Parse(expression);
        act.Should().Throw<FormatException>();
    }
}
