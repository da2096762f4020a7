using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Engine;

public enum FlowKind { Basic, Hybrid, Secure }

public sealed record MacAddress(string Value);

/// <summary>A scenario-scoped object shared by binding classes through their constructors.</summary>
public sealed class Recorder : IDisposable
{
    public static readonly List<string> Disposed = [];
    public readonly List<string> Seen = [];
    public readonly Guid Id = Guid.NewGuid();
    public void Dispose() { lock (Disposed) Disposed.Add(Id.ToString()); }
}

[Binding]
public sealed class TypedSteps(Recorder recorder, ScenarioContext scenario)
{
    [Given(@"^the eUE requests a blocksize of (\d+)$")]
    public void Blocksize(int size) => recorder.Seen.Add($"int:{size}");

    [Given(@"^rapid commit is (yes|no)$")]
    public void RapidCommit(bool on) => recorder.Seen.Add($"bool:{on}");

    [Given(@"^the (\w+) flow is chosen$")]
    public void Flow(FlowKind flow) => recorder.Seen.Add($"enum:{flow}");

    [Given(@"^the device waits (.+) for ToD$")]
    public void Wait(TimeSpan span) => recorder.Seen.Add($"span:{span.TotalSeconds}");

    [Given("the option {int} carries {string}")]
    public void Cucumber(int code, string value) => recorder.Seen.Add($"cuke:{code}:{value}");

    [Given(@"^the eUE MAC is (\S+)$")]
    public void Mac(MacAddress mac) => recorder.Seen.Add($"mac:{mac.Value}");

    [StepArgumentTransformation(@"([0-9a-f:]{17})")]
    public static MacAddress ToMac(string text) => new(text.ToUpperInvariant());

    [Given(@"^these options:$")]
    public void Options(DataTable table) => recorder.Seen.Add("table:" + string.Join(",", table.Rows.Select(r => r["code"] + "=" + r["name"])));

    [Given(@"^this configuration file:$")]
    public void Doc(string text) => recorder.Seen.Add("doc:" + text);

    [Then(@"^the recorder saw ""(.*)""$")]
    public void ThenSaw(string expected)
    {
        string seen = string.Join(" | ", recorder.Seen);
        if (seen != expected) throw ScenarioContext.Fail("recorder mismatch", expected, seen);
        scenario.AddEvidence("note", "recorder", seen);
    }
}

[Binding]
public sealed class SecondSteps(Recorder recorder)
{
    [When(@"^the second binding class writes$")]
    public void Write() => recorder.Seen.Add("second:" + recorder.Id.ToString()[..4]);
}

public class BindingTests
{
    static async Task<ScenarioResult> RunOne(string steps, params Type[] types)
    {
        var results = await FeatureRun.RunAsync("Feature: f\n  Scenario: s\n" + steps, types.Length > 0 ? types : [typeof(TypedSteps), typeof(SecondSteps)]);
        return results.Single();
    }

    [Fact]
    public async Task Captures_are_converted_to_int_bool_enum_and_duration()
    {
        var r = await RunOne("""
                Given the eUE requests a blocksize of 1428
                And rapid commit is no
                And the hybrid flow is chosen
                And the device waits 300s for ToD
                Then the recorder saw "int:1428 | bool:False | enum:Hybrid | span:300"
            """);
        r.Verdict.Should().Be(Verdict.Pass, r.Reason);
    }

    [Fact]
    public async Task Cucumber_expressions_bind_int_and_string()
    {
        var r = await RunOne("""
                Given the option 2171 carries "BASIC.1"
                Then the recorder saw "cuke:2171:BASIC.1"
            """);
        r.Verdict.Should().Be(Verdict.Pass, r.Reason);
    }

    [Fact]
    public async Task A_step_argument_transformation_converts_custom_types()
    {
        var r = await RunOne("""
                Given the eUE MAC is 00:10:95:aa:bb:cc
                Then the recorder saw "mac:00:10:95:AA:BB:CC"
            """);
        r.Verdict.Should().Be(Verdict.Pass, r.Reason);
    }

    [Fact]
    public async Task Data_tables_and_doc_strings_arrive_as_the_last_parameter()
    {
        var r = await RunOne("""
                Given these options:
                  | code | name       |
                  | 122  | CCC        |
                  | 2171 | CCCV6      |
                And this configuration file:
                  ```
                  TLV 254 = 1
                  ```
                Then the recorder saw "table:122=CCC,2171=CCCV6 | doc:TLV 254 = 1"
            """);
        r.Verdict.Should().Be(Verdict.Pass, r.Reason);
    }

    [Fact]
    public async Task Binding_classes_of_one_scenario_share_the_injected_objects()
    {
        var r = await RunOne("""
                When the second binding class writes
                Then the recorder saw "never"
            """);
        // The failure message shows what the shared recorder saw: the second class wrote into the same instance.
        r.Verdict.Should().Be(Verdict.Fail);
        r.Reason.Should().Contain("seen:     second:");
    }

    [Fact]
    public async Task Each_scenario_gets_fresh_objects_and_they_are_disposed_after_it()
    {
        var results = await FeatureRun.RunAsync("""
            Feature: f
              Scenario: one
                Given the eUE requests a blocksize of 1
                Then the recorder saw "int:1"
              Scenario: two
                Given the eUE requests a blocksize of 2
                Then the recorder saw "int:2"
            """, typeof(TypedSteps));
        results.Select(r => r.Verdict).Should().Equal(Verdict.Pass, Verdict.Pass);
        results[0].Evidence.Single().Text.Should().Be("int:1");
        results[1].Evidence.Single().Text.Should().Be("int:2");
        lock (Recorder.Disposed) Recorder.Disposed.Count.Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task A_failed_assertion_records_what_was_expected_and_what_was_seen()
    {
        var r = await RunOne("""
                Given the eUE requests a blocksize of 512
                Then the recorder saw "int:1428"
            """);
        r.Verdict.Should().Be(Verdict.Fail);
        r.Reason.Should().Contain("expected: int:1428").And.Contain("seen:     int:512");
        r.Steps.Select(s => s.Status).Should().Equal("passed", "failed");
    }

    [Fact]
    public async Task A_capture_that_does_not_convert_is_an_error_naming_the_binding()
    {
        var r = await RunOne("""
                Given the purple flow is chosen
            """);
        r.Verdict.Should().Be(Verdict.Error);
        r.Reason.Should().Contain("test.feature:3").And.Contain("TypedSteps.Flow").And.Contain("Basic, Hybrid, Secure");
    }
}
