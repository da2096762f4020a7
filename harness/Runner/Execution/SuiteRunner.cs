using System.Text;
using System.Text.RegularExpressions;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Runner.Execution;

public sealed record RunOptions(
    string OutputDirectory,
    string Fabric = "simulation",
    int Seed = 1,
    bool FailFast = false,
    string CommandLine = "",
    string? TagExpression = null,
    string? RequirementPattern = null,
    TimeProvider? Clock = null,
    DutFactory? DutFactory = null,
    int Parallelism = 1,
    bool KeepEvidence = true,
    FabricFactory? FabricFactory = null,
    double TimeScale = 1);

/// <summary>
/// Runs a plan scenario by scenario, each on a fresh test bed, writes each scenario's step log,
/// and assembles the run's report. Stopping (Ctrl-C, --fail-fast) still yields a full report: what
/// did not finish is inconclusive with the reason.
/// </summary>
public sealed partial class SuiteRunner(BindingRegistry registry, RequirementCatalog catalog, DutProfile profile, RunOptions options)
{
    public static readonly string SuiteVersion =
        typeof(SuiteRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public async Task<RunReport> RunAsync(RunPlan plan, IRunObserver? observer = null, CancellationToken cancellation = default)
    {
        observer ??= NullObserver.Instance;
        var clock = options.Clock ?? TimeProvider.System;
        var started = clock.GetUtcNow();
        observer.PlanReady(plan);

        var executor = new ScenarioExecutor(registry);
        int total = plan.Selected.Count;
        if (options.Fabric != "simulation") EnsureThreads(options.Parallelism);
        var results = new ScenarioResult?[total];
        string? stopReason = null;
        var gate = new object();
        int next = -1;
        Directory.CreateDirectory(options.OutputDirectory);

        // Scenarios are independent (each has its own test bed, fabric and seed), so on the simulation fabric
        // they may run side by side; the report keeps plan order whatever order they finish in.
        async Task Worker()
        {
            while (true)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= total) return;
                var planned = plan.Selected[i];
                var p = planned.Pickle;
                string? stop;
                lock (gate)
                {
                    if (stopReason is null && cancellation.IsCancellationRequested) stopReason = "interrupted by the operator before this scenario started";
                    stop = stopReason;
                }
                ScenarioResult result;
                if (!planned.Applicable)
                    result = Unrun(p, Verdict.NotApplicable, planned.NotApplicableReason);
                else if (stop is not null)
                    result = Unrun(p, Verdict.Inconclusive, stop);
                else
                {
                    lock (gate) observer.ScenarioStarted(planned, i + 1, total);
                    result = await RunOneAsync(executor, p, i, clock, cancellation);
                    if (options.FailFast && result.Verdict is Verdict.Fail or Verdict.Error)
                        lock (gate) stopReason ??= $"not run: --fail-fast stopped the run after {p.Id} gave {result.Verdict.ToWire()}";
                }
                results[i] = result;
                lock (gate) observer.ScenarioFinished(result, i + 1, total);
            }
        }
        int workers = Math.Clamp(options.Parallelism, 1, Math.Max(1, total));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => workers == 1 ? Worker() : Task.Run(Worker)));

        var ordered = results.Select(r => r!).ToList();
        var requirements = RequirementAggregator.Aggregate(catalog, profile, plan.AllPickles, ordered);
        bool interrupted = cancellation.IsCancellationRequested;
        int exit = ExitCodes.For(requirements, ordered, interrupted);
        var info = new RunInfo("EUeConformance", SuiteVersion, catalog.DocumentId, catalog.Path, catalog.Sha256, options.CommandLine,
            started, clock.GetUtcNow(), options.Fabric, options.Seed, profile.Name, profile.Path, profile.Sha256, profile.Text,
            options.TagExpression, options.RequirementPattern, interrupted, exit);
        return new RunReport(info, requirements, ordered);
    }

    /// <summary>
    /// On a real fabric the actors' timers and the receive loops run on the thread pool, while a scenario's set-up blocks
    /// pool threads in the kernel (ip commands, setns, a process to wait for). The pool adds threads only slowly when
    /// they are all blocked, and meanwhile every timer of every scenario is late, by seconds on a loaded machine: with a
    /// sped-up clock that is tens of seconds of the device's time. Enough threads from the start keep the timers on time.
    /// </summary>
    static void EnsureThreads(int parallelism)
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        int wanted = Math.Max(workers, 16 + 8 * Math.Max(1, parallelism));
        if (wanted > workers) ThreadPool.SetMinThreads(wanted, io);
    }

    /// <summary>One scenario on a fresh test bed: run, take the bed down, write the step log, list the evidence files.</summary>
    async Task<ScenarioResult> RunOneAsync(ScenarioExecutor executor, Gherkin.Pickle p, int i, TimeProvider clock, CancellationToken cancellation)
    {
        string dir = Path.Combine(options.OutputDirectory, "scenarios", $"{i + 1:000}-{Slug(p.Name)}");
        if (options.KeepEvidence) Directory.CreateDirectory(dir);
        // A sped-up real fabric: the step and scenario bounds run on the same sped-up clock as the actors.
        if (options.TimeScale > 1 && options.Fabric is "loopback" or "netns") clock = new Network.Time.ScaledTimeProvider(options.TimeScale);
        var bed = new TestBed(profile, clock, options.Fabric, options.Seed, dir, options.DutFactory) { KeepEvidence = options.KeepEvidence, FabricFactory = options.FabricFactory, TimeScale = options.TimeScale };
        var (r, log) = await executor.RunAsync(p, bed, cancellation);
        try { await bed.DisposeAsync(); }
        catch (Exception e)
        {
            // A bed that cannot be taken down leaves the scenario's result untrustworthy.
            r = r.Verdict is Verdict.Error ? r : r with { Verdict = Verdict.Error, Reason = $"stopping the test bed failed: {e.Message}" };
        }
        if (!options.KeepEvidence) return r;
        string logPath = Path.Combine(dir, "steps.log");
        await File.WriteAllTextAsync(logPath, StepLog(r, log), CancellationToken.None);
        string Relative(string file) => Path.GetRelativePath(options.OutputDirectory, Path.Combine(dir, file)).Replace('\\', '/');
        var files = bed.EvidenceFiles.Select(f => f.EndsWith(".pcap", StringComparison.Ordinal)
            ? new EvidenceItem("pcap", "Capture (opens in Wireshark)", Relative(f), null)
            : new EvidenceItem("events", "Decoded evidence events (JSON lines)", Relative(f), null));
        return r with { Evidence = [.. r.Evidence, .. files, new EvidenceItem("step-log", "Step log", Relative("steps.log"), null)] };
    }

    static ScenarioResult Unrun(Gherkin.Pickle p, Verdict verdict, string? reason) =>
        new(p.Id, p.Name, p.FeatureName, p.File, p.Line, p.Tags, p.RequirementIds, verdict, reason, 0,
            p.Steps.Select(s => new StepResult(s.Keyword, s.Text, s.Line, StepOutcome.Skipped, null, 0)).ToList(), []);

    static string StepLog(ScenarioResult r, IReadOnlyList<string> log)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"scenario: {r.Name}");
        sb.AppendLine($"at:       {r.Id}");
        sb.AppendLine($"cites:    {string.Join(", ", r.RequirementIds)}");
        sb.AppendLine($"verdict:  {r.Verdict.ToWire()}{(r.Reason is null ? "" : " — " + r.Reason)}");
        sb.AppendLine();
        foreach (var s in r.Steps) sb.AppendLine($"{s.Status,-13} {s.Keyword} {s.Text}  (line {s.Line}, {s.DurationMs:0.###} ms){(s.Message is null ? "" : "\n              " + s.Message.Replace("\n", "\n              "))}");
        sb.AppendLine();
        foreach (var line in log) sb.AppendLine(line);
        return sb.ToString();
    }

    static string Slug(string name)
    {
        string s = SlugChars().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return s.Length > 48 ? s[..48].TrimEnd('-') : s;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugChars();
}

/// <summary>The run's exit code: what CI gates on.</summary>
public static class ExitCodes
{
    public const int AllMandatoryPassed = 0, MandatoryFailed = 1, HarnessOrInputError = 2, Interrupted = 130;

    /// <summary>
    /// 2 when the harness failed on any scenario (its results cannot be trusted); 1 when an applicable
    /// MUST or MUST NOT failed; 130 when the operator stopped the run; 1 when a MUST stayed
    /// inconclusive (a silent device does not pass); else 0.
    /// SHOULD and MAY results are reported but do not fail the run.
    /// </summary>
    public static int For(IReadOnlyList<RequirementResult> requirements, IReadOnlyList<ScenarioResult> scenarios, bool interrupted)
    {
        if (scenarios.Any(s => s.Verdict == Verdict.Error)) return HarnessOrInputError;
        bool Mandatory(RequirementResult r, string status) => r.Keyword is "MUST" or "MUST NOT" && r.Status == status;
        if (requirements.Any(r => Mandatory(r, RequirementStatus.Fail))) return MandatoryFailed;
        // Scenarios the operator's stop left unfinished are inconclusive by interruption, not by the device.
        if (interrupted) return Interrupted;
        if (requirements.Any(r => Mandatory(r, RequirementStatus.Inconclusive))) return MandatoryFailed;
        return AllMandatoryPassed;
    }
}
