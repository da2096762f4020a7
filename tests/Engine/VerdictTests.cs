using EUeConformance.Network.Time;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Engine;

[Binding]
public sealed class OutcomeSteps(ScenarioContext scenario)
{
    [Given(@"^a step that passes$")]
    public void Passes() { }

    [Given(@"^the device never answers$")]
    public Task NeverAnswers() => Task.Delay(Timeout.InfiniteTimeSpan, scenario.Clock, scenario.Cancellation);

    [Given(@"^the device is silent past the bound$")]
    public Task Silent() => new TaskCompletionSource().Task; // ignores cancellation: the bound must still end it

    [Given(@"^the precondition does not hold$")]
    public void Precondition() => throw ScenarioContext.Inconclusive("the eCM never registered");

    [Given(@"^the device turns out not to support it$")]
    public void NotSupported() => throw ScenarioContext.NotApplicable("the device reports no IPv6 support");

    [Then(@"^FluentAssertions says the blocksize is 1428 but it is (\d+)$")]
    public void Fluent(int seen) => FluentAssertions.AssertionExtensions.Should(seen).Be(1428);

    [Given(@"^the harness throws$")]
    public void Throws() => throw new InvalidOperationException("socket closed");

    [Given(@"^a pending step$")]
    public void Pending() => throw new PendingStepException();

    [Given(@"^a step (\w+) twice$")]
    public void AmbiguousOne(string x) { }

    [Given(@"^a step matched twice$")]
    public void AmbiguousTwo() { }
}

[Binding]
public sealed class HookSteps(ScenarioContext scenario)
{
    public static readonly List<string> Calls = [];

    [BeforeScenario("@needs-headend", Order = 2)]
    public void StartHeadend() { lock (Calls) Calls.Add($"before-headend:{scenario.Title}"); }

    [BeforeScenario(Order = 1)]
    public void Always() { lock (Calls) Calls.Add($"before:{scenario.Title}"); }

    [AfterScenario]
    public void After() { lock (Calls) Calls.Add($"after:{scenario.Title}"); }

    [Given(@"^a hooked step fails$")]
    public void Fails() => throw ScenarioContext.Fail("planned failure");
}

public class VerdictTests
{
    static async Task<ScenarioResult> Run(string steps) =>
        (await FeatureRun.RunAsync("Feature: f\n  Scenario: s\n" + steps, typeof(OutcomeSteps))).Single();

    [Fact]
    public async Task An_undefined_step_is_an_error_that_names_the_line_and_offers_a_binding_to_paste()
    {
        var r = await Run("    Given a step that passes\n    When the eUE sends 3 SOLICITs to \"ff02::1:2\"\n");
        r.Verdict.Should().Be(Verdict.Error);
        r.Steps[1].Status.Should().Be("undefined");
        r.Reason.Should().Contain("test.feature:4").And.Contain("undefined step");
        r.Reason.Should().Contain("[When(@\"^the eUE sends (-?\\d+) SOLICITs to \"\"([^\"\"]*)\"\"$\")]")
            .And.Contain("public void WhenTheEUESendsSOLICITsTo(int p0, string p1)");
    }

    [Fact]
    public async Task An_ambiguous_step_is_an_error_listing_every_match()
    {
        var r = await Run("    Given a step matched twice\n");
        r.Verdict.Should().Be(Verdict.Error);
        r.Steps[0].Status.Should().Be("ambiguous");
        r.Reason.Should().Contain("AmbiguousOne").And.Contain("AmbiguousTwo");
    }

    [Fact]
    public async Task Steps_after_the_first_non_passing_step_are_skipped()
    {
        var r = await Run("    Given the precondition does not hold\n    Given a step that passes\n");
        r.Steps.Select(s => s.Status).Should().Equal("inconclusive", "skipped");
    }

    [Fact]
    public async Task An_unmet_precondition_is_inconclusive()
    {
        var r = await Run("    Given the precondition does not hold\n");
        r.Verdict.Should().Be(Verdict.Inconclusive);
        r.Reason.Should().Be("the eCM never registered");
    }

    [Fact]
    public async Task A_feature_found_absent_at_run_time_is_not_applicable()
    {
        (await Run("    Given the device turns out not to support it\n")).Verdict.Should().Be(Verdict.NotApplicable);
    }

    [Fact]
    public async Task An_assertion_library_failure_is_a_fail_not_an_error()
    {
        var r = await Run("    Then FluentAssertions says the blocksize is 1428 but it is 512\n");
        r.Verdict.Should().Be(Verdict.Fail);
        r.Reason.Should().Contain("1428").And.Contain("512");
    }

    [Fact]
    public async Task Any_other_exception_is_a_harness_error_with_its_stack()
    {
        var r = await Run("    Given the harness throws\n");
        r.Verdict.Should().Be(Verdict.Error);
        r.Reason.Should().Contain("InvalidOperationException: socket closed").And.Contain("OutcomeSteps.Throws");
    }

    [Fact]
    public async Task A_pending_step_is_an_error()
    {
        var r = await Run("    Given a pending step\n");
        r.Verdict.Should().Be(Verdict.Error);
        r.Steps[0].Status.Should().Be("pending");
    }

    [Fact]
    public async Task A_scenario_without_steps_is_an_error()
    {
        (await Run("")).Verdict.Should().Be(Verdict.Error);
    }

    [Fact]
    public async Task A_silent_device_gives_inconclusive_when_the_step_bound_runs_out()
    {
        var clock = new VirtualClock();
        var run = FeatureRun.RunAsync("Feature: f\n  Scenario: s\n    Given the device is silent past the bound\n",
            Repo.LoadReferenceProfile(), clock, CancellationToken.None, typeof(OutcomeSteps));
        var stepBound = clock.GetUtcNow() + TimeSpan.FromSeconds(60); // ixit.timeouts.step of the reference profile
        await Until(() => clock.PendingTimers.Contains(stepBound));
        clock.Advance(TimeSpan.FromSeconds(60));
        var r = (await run).Single();
        r.Verdict.Should().Be(Verdict.Inconclusive);
        r.Reason.Should().Contain("did not finish within 60 s").And.Contain("ixit.timeouts.step");
    }

    [Fact]
    public async Task The_operator_stopping_the_run_makes_the_running_step_inconclusive()
    {
        var clock = new VirtualClock();
        using var stop = new CancellationTokenSource();
        var run = FeatureRun.RunAsync("Feature: f\n  Scenario: s\n    Given the device never answers\n    Then a step that passes\n",
            Repo.LoadReferenceProfile(), clock, stop.Token, typeof(OutcomeSteps));
        await Until(() => clock.PendingTimers.Count >= 2);
        await stop.CancelAsync();
        var r = (await run).Single();
        r.Verdict.Should().Be(Verdict.Inconclusive);
        r.Reason.Should().Contain("interrupted by the operator");
        r.Steps[1].Status.Should().Be("skipped");
    }

    [Fact]
    public async Task Hooks_run_in_order_for_matching_tags_and_after_hooks_run_even_after_a_failure()
    {
        lock (HookSteps.Calls) HookSteps.Calls.Clear();
        var results = await FeatureRun.RunAsync("""
            Feature: f
              @needs-headend
              Scenario: tagged
                Given a hooked step fails
              Scenario: plain
                Given a hooked step fails
            """, typeof(HookSteps));
        results.Select(r => r.Verdict).Should().Equal(Verdict.Fail, Verdict.Fail);
        lock (HookSteps.Calls)
            HookSteps.Calls.Should().Equal("before:tagged", "before-headend:tagged", "after:tagged", "before:plain", "after:plain");
    }

    /// <summary>Waits (without sleeping) until the scenario has armed its timers on the virtual clock.</summary>
    static async Task Until(Func<bool> condition)
    {
        for (int i = 0; i < 100_000 && !condition(); i++) await Task.Yield();
        condition().Should().BeTrue("the scenario should have armed its timers");
    }
}
