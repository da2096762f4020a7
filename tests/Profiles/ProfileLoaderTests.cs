using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Input;
using EUeConformance.Runner.Profile;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Profiles;

/// <summary>A profile with a wrong key, a wrong type or a missing value is refused with file, line and fix.</summary>
public class ProfileLoaderTests
{
    static readonly string Reference = File.ReadAllText(Repo.ReferenceProfile);

    static InputError Refused(string text)
    {
        var act = () => ProfileLoader.Parse("lab/my-eue.yaml", text);
        var e = act.Should().Throw<Exception>().Which;
        return e switch
        {
            InputError one => one,
            InputErrors many => many.Errors[0],
            _ => throw new Xunit.Sdk.XunitException($"expected an input error, got {e}"),
        };
    }

    static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void The_reference_profile_loads()
    {
        var p = Repo.LoadReferenceProfile();
        p.Adapter.Should().Be("simulated");
        p.Has("dual-stack").Should().BeTrue();
        p.Ixit.Timeouts.Step.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void The_template_loads_as_written_and_answers_every_ICS_question()
    {
        var catalog = CatalogLoader.Load(Repo.Catalog);
        var p = ProfileLoader.Parse("template.yaml", ProfileTemplate.Render(catalog));
        p.Ics.Keys.Should().BeEquivalentTo(IcsVocabulary.DeviceQuestions.Select(q => q.Name));
        p.Declarations.Should().BeEmpty("an unanswered declaration must stay inconclusive");
    }

    [Fact]
    public void The_template_lists_every_declaration_the_catalog_asks_for()
    {
        var catalog = CatalogLoader.Load(Repo.Catalog);
        string text = ProfileTemplate.Render(catalog);
        foreach (var key in catalog.Requirements.Select(r => r.Declaration).OfType<string>().Distinct())
            text.Should().Contain($"# {key}: {{ answer: yes");
    }

    [Fact]
    public void A_misspelt_key_is_refused_with_its_line_and_the_key_it_resembles()
    {
        string text = Reference.Replace("  tftp-blksize: true", "  tftp-blocksize: true");
        var e = Refused(text);
        e.File.Should().Be("lab/my-eue.yaml");
        e.Line.Should().Be(LineOf(text, "tftp-blocksize"));
        e.Problem.Should().Contain("unknown key 'tftp-blocksize'");
        e.Fix.Should().Contain("did you mean 'tftp-blksize'");
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_its_line()
    {
        string text = Reference.Replace("  ipv6: true", "  ipv6: maybe");
        var e = Refused(text);
        e.Line.Should().Be(LineOf(text, "ipv6: maybe"));
        e.Problem.Should().Contain("must be true or false");
    }

    [Fact]
    public void A_missing_ICS_answer_is_refused_with_the_fix()
    {
        var e = Refused(Reference.Replace("  http-config: true\n", ""));
        e.Problem.Should().Contain("missing 'http-config'");
        e.Fix.Should().Contain("http-config: true");
    }

    [Fact]
    public void A_derived_ICS_item_cannot_be_set()
    {
        Refused(Reference.Replace("  ipv6: true\n", "  ipv6: true\n  dual-stack: true\n")).Problem.Should().Contain("derived");
    }

    [Fact]
    public void A_malformed_MAC_address_is_refused()
    {
        var e = Refused(Reference.Replace("eue-mac: 00:10:95:00:00:02", "eue-mac: 0010.9500.0002"));
        e.Problem.Should().Contain("not a MAC address");
    }

    [Fact]
    public void A_duration_without_a_unit_is_refused()
    {
        Refused(Reference.Replace("step: 60s", "step: 60")).Fix.Should().Contain("ms, s, m, h");
    }

    [Fact]
    public void Broken_YAML_is_refused_with_its_line()
    {
        var e = Refused("profile-version: 1\ndut:\n  name: [unclosed\n");
        e.Line.Should().BeGreaterThan(0);
        e.Problem.Should().StartWith("not valid YAML");
    }

    [Fact]
    public void Every_mistake_of_a_profile_is_reported_at_once()
    {
        var act = () => ProfileLoader.Parse("p.yaml", Reference.Replace("  ipv6: true", "  ipv6: 1").Replace("adapter: simulated", "adapter: telnet"));
        act.Should().Throw<InputErrors>().Which.Errors.Should().HaveCount(2);
    }

    [Fact]
    public void A_declaration_without_a_statement_is_refused()
    {
        Refused(System.Text.RegularExpressions.Regex.Replace(Reference, @"  monolithic-software-image: \{[^}]*\}", "  monolithic-software-image: { answer: yes }"))
            .Problem.Should().Contain("missing 'statement'");
    }
}
