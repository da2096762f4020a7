using EUeConformance.Runner.Catalog;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Catalog;

/// <summary>The catalog accounts for every RFC 2119 keyword of the spec (issue: catalog --check).</summary>
public class CatalogCheckTests
{
    static readonly RequirementCatalog Catalog = CatalogLoader.Load(Repo.Catalog);

    static byte[] Spec() => File.ReadAllBytes(Repo.SpecText
        ?? throw new InvalidOperationException("../shared/seeds/000_a9c37c09d88b6e83.txt is missing: this checkout must sit beside shared/"));

    [Fact]
    public void The_catalog_holds_at_least_250_requirements()
    {
        Catalog.Requirements.Count.Should().BeGreaterThanOrEqualTo(250);
    }

    [SpecFact]
    public void Every_keyword_of_the_spec_is_accounted_for()
    {
        var result = CatalogCheck.Run(Catalog, Spec());
        result.Unaccounted.Select(u => $"{u.Line} {u.Keyword} {u.Locator} {u.Anchor}").Should().BeEmpty();
        result.Stale.Should().BeEmpty();
        result.KeywordMismatches.Should().BeEmpty();
        result.SourceMatches.Should().BeTrue();
    }

    [SpecFact]
    public void Sections_5_6_and_Annex_A_hold_273_MUST_or_MUST_NOT_8_SHOULD_and_11_MAY()
    {
        var inScope = SpecScanner.Scan(System.Text.Encoding.UTF8.GetString(Spec())).Where(o => o.Locator.Section != "1.3").ToList();
        inScope.Count(o => o.Keyword is "MUST" or "MUST NOT").Should().Be(273);
        inScope.Count(o => o.Keyword == "SHOULD").Should().Be(8);
        inScope.Count(o => o.Keyword == "MAY").Should().Be(11);
    }

    [SpecFact]
    public void Only_the_keyword_definitions_of_section_1_3_fall_outside_sections_5_6_and_Annex_A()
    {
        var outside = SpecScanner.Scan(System.Text.Encoding.UTF8.GetString(Spec()))
            .Where(o => !(o.Locator.Section.StartsWith("5") || o.Locator.Section.StartsWith("6") || o.Locator.Section.StartsWith("A")))
            .Select(o => o.Locator.Section).Distinct();
        outside.Should().Equal("1.3");
    }

    [SpecFact]
    public void A_keyword_added_to_the_spec_is_reported_unaccounted_with_its_line()
    {
        string text = System.Text.Encoding.UTF8.GetString(Spec());
        string marker = "6.3.6 Post-Initialization Incremental Provisioning\n";
        int at = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        text = text.Insert(at, "\nThe eUE MUST blink its LED twice.\n");
        var result = CatalogCheck.Run(Catalog, System.Text.Encoding.UTF8.GetBytes(text));
        result.Unaccounted.Should().ContainSingle().Which.Locator.Section.Should().Be("6.3.6");
        result.Passed.Should().BeFalse();
    }

    [SpecFact]
    public void A_changed_sentence_leaves_its_entry_stale()
    {
        string text = System.Text.Encoding.UTF8.GetString(Spec()).Replace(
            "it MUST use the first Syslog Server address", "it MUST use the last Syslog Server address", StringComparison.Ordinal);
        var result = CatalogCheck.Run(Catalog, System.Text.Encoding.UTF8.GetBytes(text));
        result.Stale.Should().ContainSingle().Which.Should().Contain("EUE-PROV-6.1.6-");
        result.Unaccounted.Should().ContainSingle().Which.Locator.Section.Should().Be("6.1.6");
        result.SourceMatches.Should().BeFalse();
    }

    [Fact]
    public void Every_declaration_requirement_names_the_key_a_profile_answers()
    {
        Catalog.Requirements.Where(r => r.Method == CatalogVocabulary.Declaration)
            .Should().OnlyContain(r => !string.IsNullOrEmpty(r.Declaration));
    }

    [Fact]
    public void Server_obligations_are_verified_server_side()
    {
        Catalog.Requirements.Where(r => r.Actor.EndsWith("Server", StringComparison.Ordinal) || r.Actor == "KDC")
            .Should().OnlyContain(r => r.Method == CatalogVocabulary.ServerSide);
    }
}
