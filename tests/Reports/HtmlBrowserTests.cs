using EUeConformance.Reports;
using EUeConformance.Reports.Model;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace EUeConformance.Tests.Reports;

/// <summary>One headless Chromium for all browser tests of this class: launching it is the slow part.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    IPlaywright? _playwright;
    IBrowser? _browser;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Launches Debian's Chromium on first use; fails (never skips) when it is missing.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        File.Exists(ChromiumPath).Should().BeTrue(
            $"the HTML report is tested in Debian's Chromium at {ChromiumPath}, which is not installed: run `apt-get update && apt-get install -y chromium`");
        if (_browser is not null) return _browser;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Never Playwright's own browser download: this machine can only use Debian's Chromium.
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        return _browser;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

public class HtmlBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>A page opened from the written report folder, with every error, console error and request recorded.</summary>
    sealed class OpenedReport(IPage page, IBrowserContext context, TempFolder folder) : IAsyncDisposable
    {
        public IPage Page { get; } = page;
        public string Folder => folder.Path;
        public List<string> PageErrors { get; } = [];
        public List<string> ConsoleErrors { get; } = [];
        public List<string> Requests { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await context.CloseAsync();
            folder.Dispose();
        }

        public void ShouldBeClean()
        {
            PageErrors.Should().BeEmpty("the report's script must not throw");
            ConsoleErrors.Should().BeEmpty("the report must not log console errors");
            Requests.Where(u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal))
                .Should().BeEmpty("the report must load nothing from any network");
        }
    }

    async Task<OpenedReport> OpenAsync(RunReport report)
    {
        var browser = await chromium.BrowserAsync();
        var folder = new TempFolder();
        ReportSet.WriteAll(report, folder.Path);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
        var page = await context.NewPageAsync();
        var opened = new OpenedReport(page, context, folder);
        page.PageError += (_, e) => opened.PageErrors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") opened.ConsoleErrors.Add(m.Text); };
        page.Request += (_, r) => opened.Requests.Add(r.Url);
        await page.GotoAsync(new Uri(Path.Combine(folder.Path, "index.html")).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForSelectorAsync("html[data-rendered=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        return opened;
    }

    static Task<string[]> Statuses(IPage page) =>
        page.EvalOnSelectorAllAsync<string[]>("#req-body tr.req", "rows => rows.map(r => r.getAttribute('data-status'))");

    [Fact]
    public async Task The_report_of_a_real_run_against_the_reference_device_opens_clean()
    {
        string outDir = EUeConformance.Tests.Support.Repo.TempDir();
        var (code, output, _) = await EUeConformance.Tests.Support.CliHarness.Run(["run", "--dut", "simulated", "--out", outDir]);
        code.Should().Be(0, output);
        var report = EUeConformance.Reports.Writers.ReportJsonReader.Read(Path.Combine(outDir, "report.json"));
        await using var r = await OpenAsync(report);
        (await Statuses(r.Page)).Should().HaveCount(report.Requirements.Count).And.Contain("not-automated").And.Contain("pass");
        r.ShouldBeClean();
    }

    [Fact]
    public async Task Renders_every_requirement_and_the_status_filter_keeps_only_failures()
    {
        var report = ReportFixture.Build();
        await using var r = await OpenAsync(report);

        (await Statuses(r.Page)).Should().HaveCount(report.Requirements.Count);
        (await r.Page.TextContentAsync("#shown")).Should().Be($"showing {report.Requirements.Count} of {report.Requirements.Count}");

        await r.Page.SelectOptionAsync("#f-status", "fail");

        var failing = report.Requirements.Where(q => q.Status == RequirementStatus.Fail).Select(q => q.Id).ToList();
        failing.Should().HaveCount(2);
        (await Statuses(r.Page)).Should().Equal(Enumerable.Repeat("fail", failing.Count));
        (await r.Page.EvalOnSelectorAllAsync<string[]>("#req-body tr.req", "rows => rows.map(r => r.getAttribute('data-id'))"))
            .Should().BeEquivalentTo(failing);
        r.ShouldBeClean();
    }

    [Fact]
    public async Task Other_filters_and_the_header_work()
    {
        await using var r = await OpenAsync(ReportFixture.Build(interrupted: true));

        (await r.Page.TextContentAsync("#run")).Should().Contain("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            .And.Contain(ReportFixture.Sha(ReportFixture.ProfileText)).And.Contain("Acme eMTA 3000 \"rev B\"")
            .And.Contain("--tags \"@MUST and not @kerberos\"");
        (await r.Page.IsVisibleAsync("#interrupted")).Should().BeTrue();

        // Dropdowns are built from the data, sections in the specification's order.
        (await r.Page.EvalOnSelectorAllAsync<string[]>("#f-section option", "o => o.map(x => x.value)"))
            .Should().Equal("", "5", "6.1", "6.1.1", "6.2", "6.10", "A.1");
        (await r.Page.EvalOnSelectorAllAsync<string[]>("#req-body tr.req", "rows => rows.map(r => r.getAttribute('data-id'))"))
            .Should().StartWith(["EUE-PROV-1", "EUE-PROV-2", "EUE-PROV-3"]);

        await r.Page.SelectOptionAsync("#f-section", "6.1");
        (await Statuses(r.Page)).Should().HaveCount(2, "6.1 is not 6.1.1");
        await r.Page.ClickAsync("#f-clear");

        await r.Page.FillAsync("#f-text", "syslog");
        (await Statuses(r.Page)).Should().Equal("fail");
        await r.Page.FillAsync("#f-text", "");

        await r.Page.SelectOptionAsync("#f-method", "inspection");
        (await Statuses(r.Page)).Should().Equal("not-automated");
        (await r.Page.TextContentAsync("#req-body tr.req .badge")).Should().Be("not automated");
        await r.Page.ClickAsync("#f-clear");

        await r.Page.SelectOptionAsync("#f-actor", "Provisioning Server");
        await r.Page.SelectOptionAsync("#f-keyword", "MUST");
        (await Statuses(r.Page)).Should().Equal("server-side");
        r.ShouldBeClean();
    }

    [Fact]
    public async Task Expanded_scenarios_show_hostile_evidence_as_text_and_link_only_inside_the_report()
    {
        var report = ReportFixture.Build();
        // Evidence paths that must not become links out of the report folder.
        var first = report.Scenarios[0] with
        {
            Evidence =
            [
                .. report.Scenarios[0].Evidence,
                new EvidenceItem("link", "Absolute URL", "https://evil.example/steal", null),
                new EvidenceItem("link", "Scheme-relative", "//evil.example/x", null),
                new EvidenceItem("link", "Script", "javascript:alert(1)", null),
                new EvidenceItem("link", "Outside", "../../etc/passwd", null),
                new EvidenceItem("link", "Odd name", "scenarios/a #1?.txt", null),
            ],
        };
        report = report with { Scenarios = [first, .. report.Scenarios.Skip(1)] };
        await using var r = await OpenAsync(report);

        // Open every requirement, then every scenario inside, then the profile.
        foreach (var id in report.Requirements.Select(q => q.Id))
            await r.Page.ClickAsync($"#req-body tr.req[data-id='{id}'] button.toggle");
        var byId = report.Scenarios.ToDictionary(s => s.Id);
        var shownScenarios = report.Requirements.SelectMany(q => q.ScenarioIds).Where(byId.ContainsKey).Select(id => byId[id])
            .Concat(report.Scenarios).ToList(); // under the requirements, then under "All scenarios"
        // Opening a block creates closed blocks inside it (lazily, on its toggle event): keep opening until every scenario has its body.
        await r.Page.WaitForFunctionAsync(
            "n => { document.querySelectorAll('details:not(#profile)').forEach(d => { d.open = true; }); " +
            "return document.querySelectorAll('.scenario-body').length === n; }", shownScenarios.Count);
        await r.Page.ClickAsync("#profile > summary");

        (await r.Page.Locator("table.steps tbody tr").CountAsync()).Should().Be(shownScenarios.Sum(s => s.Steps.Count));
        (await r.Page.Locator("ul.evidence li").CountAsync()).Should().Be(shownScenarios.Sum(s => s.Evidence.Count));
        (await r.Page.InnerTextAsync("table.steps")).Should().Contain("the DUT is reset").And.Contain("passed");

        (await r.Page.Locator("img, iframe, object, embed").CountAsync()).Should().Be(0, "hostile strings must stay text");
        string text = await r.Page.InnerTextAsync("body");
        text.Should().Contain(ReportFixture.Hostile).And.Contain("expected: EDVA | seen: " + ReportFixture.Hostile + " & more");
        (await r.Page.TextContentAsync("#profile-text")).Should().Be(ReportFixture.ProfileText);

        var hrefs = await r.Page.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => a.href)");
        string folderUrl = new Uri(r.Folder + "/").AbsoluteUri;
        hrefs.Should().NotBeEmpty().And.OnlyContain(h => h.StartsWith(folderUrl, StringComparison.Ordinal),
            "every link stays inside the report folder");
        hrefs.Should().Contain(folderUrl + "scenarios/001-ecm-gets-an-ipv4-lease/steps.log")
            .And.Contain(folderUrl + "scenarios/a%20%231%3F.txt").And.Contain(folderUrl + "profile.yaml");
        text.Should().Contain("https://evil.example/steal", "an unsafe path is still shown, as text");
        r.ShouldBeClean();
    }

    [Fact]
    public async Task A_full_catalog_and_an_empty_run_both_render_cleanly()
    {
        var large = ReportFixture.Large(requirements: 300, scenarios: 100);
        await using (var r = await OpenAsync(large))
        {
            (await Statuses(r.Page)).Should().HaveCount(300);
            await r.Page.SelectOptionAsync("#f-status", "fail");
            (await Statuses(r.Page)).Should().HaveCount(large.Requirements.Count(q => q.Status == RequirementStatus.Fail)).And.OnlyContain(s => s == "fail");
            r.ShouldBeClean();
        }

        var empty = ReportFixture.Build() with { Requirements = [], Scenarios = [] };
        await using (var r = await OpenAsync(empty))
        {
            (await Statuses(r.Page)).Should().BeEmpty();
            (await r.Page.TextContentAsync("#req-body")).Should().Contain("No requirement matches");
            r.ShouldBeClean();
        }
    }

    [Fact]
    public async Task The_error_recording_itself_catches_errors()
    {
        // Guards the guard: were the listeners miswired, every "zero errors" assertion above would pass vacuously.
        var browser = await chromium.BrowserAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add("page: " + e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add("console: " + m.Text); };
        await page.SetContentAsync("<script>console.error('logged'); setTimeout(function () { throw new Error('thrown'); }, 0);</script>");
        await page.WaitForFunctionAsync("() => new Promise(r => setTimeout(() => r(true), 50))");

        errors.Should().Contain(e => e.StartsWith("console: logged")).And.Contain(e => e.StartsWith("page: ") && e.Contains("thrown"));
    }

    [Fact]
    public async Task Count_buttons_filter_by_status()
    {
        await using var r = await OpenAsync(ReportFixture.Build());

        await r.Page.ClickAsync("#requirement-counts button[data-status='not-automated']");
        (await Statuses(r.Page)).Should().Equal("not-automated", "not-automated");
        (await r.Page.InputValueAsync("#f-status")).Should().Be("not-automated");
        r.ShouldBeClean();
    }
}
