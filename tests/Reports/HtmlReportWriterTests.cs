using System.Text.RegularExpressions;
using EUeConformance.Reports.Writers;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Reports;

public class HtmlReportWriterTests
{
    static readonly string Html = HtmlReportWriter.Render(ReportFixture.Build());

    /// <summary>The text of the JSON data block, as the page's script reads it.</summary>
    public static string EmbeddedJson(string html)
    {
        var m = Regex.Match(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline);
        m.Success.Should().BeTrue("index.html must embed the report as a JSON data block");
        return m.Groups[1].Value;
    }

    [Fact]
    public void Loads_nothing_from_anywhere()
    {
        Html.Should().NotContain("http://").And.NotContain("https://");
        Regex.IsMatch(Html, @"(src|href|action|srcset|poster|data)\s*=\s*[""']?\s*(//|[a-z][a-z0-9+.-]*:)(?!,)", RegexOptions.IgnoreCase)
            .Should().BeFalse("no attribute may point at another origin (only the data: favicon is allowed)");
        string css = Regex.Match(Html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        css.Should().NotBeEmpty();
        Regex.IsMatch(css, @"@import|url\(|@font-face", RegexOptions.IgnoreCase).Should().BeFalse("the stylesheet loads nothing");
        Html.Should().Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    }

    [Fact]
    public void Hostile_strings_never_appear_unescaped()
    {
        Html.Should().NotContain(ReportFixture.Hostile);
        Html.Should().NotContain("<img");
        Regex.Matches(Html, "</script", RegexOptions.IgnoreCase).Count.Should().Be(2, "only the data block and the script close a script element");
        EmbeddedJson(Html).Should().NotContain("</").And.NotContain("<!--");
    }

    [Fact]
    public void Script_builds_the_page_without_html_parsing()
    {
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
            Html.Should().NotContain(sink);
    }

    [Fact]
    public void Embedded_json_parses_back_to_the_report()
    {
        var report = ReportFixture.Build();
        var back = ReportJsonReader.Parse(EmbeddedJson(Html));
        back.Should().BeEquivalentTo(report, o => o.WithStrictOrdering());
        back.Run.ProfileText.Should().Be(ReportFixture.ProfileText);
    }

    [Fact]
    public void Title_is_html_escaped()
    {
        Html.Should().Contain("<title>EUeConformance 0.1.0: Acme eMTA 3000 &quot;rev B&quot;</title>");
    }

    [Fact]
    public void Has_the_profile_block_and_its_download()
    {
        Html.Should().Contain("<details class=\"block\" id=\"profile\">");
        Html.Should().Contain("<a href=\"profile.yaml\" download=\"profile.yaml\">");
        Html.Should().Contain("id=\"profile-save\"");
    }

    [Fact]
    public void Script_safe_json_escapes_markup_characters_only()
    {
        HtmlReportWriter.ScriptSafeJson("{\"a\":\"</script><!-- & \u2028\"}")
            .Should().Be("{\"a\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\"}");
    }
}
