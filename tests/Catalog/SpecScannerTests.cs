using EUeConformance.Runner.Catalog;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Catalog;

/// <summary>The scanner finds keywords and their locators in the layout of the extracted spec text.</summary>
public class SpecScannerTests
{
    const string Text = "6.2.1.2 eUE\n\nThe following apply:\n\n- The eUE MUST have its own MAC address.\n- The eUE MUST NOT use its link-local address. It MAY log.\n\n" +
                        "Table 5 - eUE Provisioning Flow for IPv6 Addressing\n\n" +
                        "eUE-1\tSOLICIT The eUE MUST send a SOLICIT.\tThe eUE MUST NOT proceed early.\tIf failure, the eUE MUST repeat eUE-1.\n" +
                        "\t- more description\t\tthe eUE SHOULD log\n" +
                        "NOTE: the flow forks; the eUE MUST pick one.\n\n6.3.5 Post-Initialization DHCP Behavior\n\nThe eUE MUST renew.\n";

    static readonly IReadOnlyList<KeywordOccurrence> Found = SpecScanner.Scan(Text);

    [Fact]
    public void Finds_every_upper_case_keyword_and_reads_MUST_NOT_as_one()
    {
        Found.Select(f => f.Keyword).Should().Equal("MUST", "MUST NOT", "MAY", "MUST", "MUST NOT", "MUST", "SHOULD", "MUST", "MUST");
    }

    [Fact]
    public void Prose_keywords_carry_section_paragraph_and_bullet()
    {
        Found[0].Locator.ToString().Should().Be("6.2.1.2 ¶2, bullet 1");
        Found[1].Locator.ToString().Should().Be("6.2.1.2 ¶3, bullet 2");
    }

    [Fact]
    public void Flow_table_keywords_carry_table_step_and_column()
    {
        Found[3].Locator.ToString().Should().Be("6.2.1.2, Table 5, eUE-1 (description)");
        Found[4].Locator.Column.Should().Be("normal flow");
        Found[5].Locator.Column.Should().Be("on failure");
        Found[6].Locator.Column.Should().Be("on failure");
        Found[7].Locator.Column.Should().Be("note");
    }

    [Fact]
    public void A_heading_ends_the_table()
    {
        Found[8].Locator.ToString().Should().Be("6.3.5 ¶1");
    }

    [Fact]
    public void Two_keywords_in_one_sentence_share_the_hash_and_differ_in_index()
    {
        var a = SpecScanner.Scan("6.1 X\n\nThe eUE MUST do A and MUST do B.\n");
        a[0].SentenceHash.Should().Be(a[1].SentenceHash);
        a.Select(x => x.Anchor[^2..]).Should().Equal("#1", "#2");
    }

    [Fact]
    public void The_same_sentence_in_two_places_gets_two_anchors()
    {
        var a = SpecScanner.Scan("eUE-5\tx\t\tIf the step fails, the eUE MUST restart with eUE-1.\neUE-6\tx\t\tIf the step fails, the eUE MUST restart with eUE-1.\n");
        a[0].Anchor.Should().NotBe(a[1].Anchor);
    }

    [Fact]
    public void A_sentence_repeated_in_one_cell_is_told_apart_by_its_repeat_count()
    {
        var a = SpecScanner.Scan("6.1 X\n\nThe eUE MUST go. The eUE MUST go.\n");
        a[0].Anchor.Should().NotContain("@");
        a[1].Anchor.Should().EndWith("@2");
    }

    [Fact]
    public void Lower_case_must_is_not_a_keyword()
    {
        SpecScanner.Scan("6.1 X\n\nthe eUE must not provision.\n").Should().BeEmpty();
    }
}
