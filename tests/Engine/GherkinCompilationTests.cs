using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Input;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Engine;

/// <summary>Feature files compile into pickles the way Cucumber compiles them.</summary>
public class GherkinCompilationTests
{
    const string Outline = """
        @feature-tag
        Feature: eUE DHCPv6 server selection

          Background:
            Given the eCM was given DSS_ID "primary"

          @EUE-PROV-T5-eUE-3-02 @MUST
          Scenario Outline: ADVERTISE from <server> is <fate>
            When a server with DSS_ID "<server>" advertises
            Then the eUE <fate> it
              | server   | fate   |
              | <server> | <fate> |
            And the log says
              ```
              <server> was <fate>
              ```

            @accepted
            Examples: allowed servers
              | server  | fate    |
              | primary | accepts |

            @rejected
            Examples: foreign servers
              | server  | fate    |
              | rogue   | ignores |
              | other   | ignores |
        """;

    [Fact]
    public void Each_examples_row_becomes_one_scenario()
    {
        FeatureRun.Compile(Outline).Should().HaveCount(3);
    }

    [Fact]
    public void Placeholders_are_substituted_in_the_name_the_steps_the_tables_and_the_doc_strings()
    {
        var rogue = FeatureRun.Compile(Outline)[1];
        rogue.Name.Should().Be("ADVERTISE from rogue is ignores [foreign servers #1: server=rogue, fate=ignores]");
        rogue.Steps[1].Text.Should().Be("a server with DSS_ID \"rogue\" advertises");
        rogue.Steps[2].Table!.Rows[0]["server"].Should().Be("rogue");
        rogue.Steps[3].DocString.Should().Be("rogue was ignores");
    }

    [Fact]
    public void Tags_are_inherited_from_feature_scenario_and_examples()
    {
        var pickles = FeatureRun.Compile(Outline);
        pickles[0].Tags.Should().Equal("@feature-tag", "@EUE-PROV-T5-eUE-3-02", "@MUST", "@accepted");
        pickles[2].Tags.Should().Contain("@rejected").And.NotContain("@accepted");
    }

    [Fact]
    public void Requirement_ids_come_from_the_EUE_PROV_tags()
    {
        FeatureRun.Compile(Outline)[0].RequirementIds.Should().Equal("EUE-PROV-T5-eUE-3-02");
    }

    [Fact]
    public void The_background_runs_first_in_every_scenario()
    {
        foreach (var p in FeatureRun.Compile(Outline))
        {
            p.Steps[0].Text.Should().Be("the eCM was given DSS_ID \"primary\"");
            p.Steps[0].FromBackground.Should().BeTrue();
        }
    }

    [Fact]
    public void And_and_But_take_the_kind_of_the_step_before_them()
    {
        var p = FeatureRun.Compile("""
            Feature: f
              Scenario: s
                Given a
                And b
                When c
                But d
                Then e
                And f
            """)[0];
        p.Steps.Select(s => s.Kind).Should().Equal(StepKind.Given, StepKind.Given, StepKind.When, StepKind.When, StepKind.Then, StepKind.Then);
    }

    [Fact]
    public void An_outline_scenario_is_identified_by_its_examples_row_line()
    {
        var pickles = FeatureRun.Compile(Outline);
        pickles[0].Id.Should().Be("test.feature:21");
        pickles[2].Id.Should().Be("test.feature:27");
    }

    [Fact]
    public void A_syntax_error_names_the_file_and_the_line()
    {
        var act = () => FeatureLoader.Compile("features/broken.feature", """
            Feature: f
              Scenario: s
                Given a
              Examples:
                | x |
            """);
        var error = act.Should().Throw<Exception>().Which;
        string message = error.Message;
        message.Should().Contain("features/broken.feature:4");
        (error is InputError or InputErrors).Should().BeTrue();
    }

    [Fact]
    public void A_misspelt_step_keyword_is_a_syntax_error_with_a_fix()
    {
        var act = () => FeatureLoader.Compile("x.feature", "Feature: f\n  Scenario: s\n    Given a\n    Givn b\n");
        act.Should().Throw<Exception>().Which.Message.Should().Contain("x.feature:4").And.Contain("fix:");
    }

    [Fact]
    public void Triple_quote_doc_strings_keep_their_content_type_free_text()
    {
        var p = FeatureRun.Compile("Feature: f\n  Scenario: s\n    Given the file\n      \"\"\"\n      254 01\n        indented\n      \"\"\"\n")[0];
        p.Steps[0].DocString.Should().Be("254 01\n  indented");
    }

    [Fact]
    public void A_feature_without_scenarios_compiles_to_nothing()
    {
        FeatureRun.Compile("Feature: empty\n  Just a description.\n").Should().BeEmpty();
    }
}
