using System.CommandLine;
using EUeConformance.Reports;
using EUeConformance.Reports.Model;
using EUeConformance.Reports.Writers;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Input;
using Spectre.Console;

namespace EUeConformance.Cli.Commands;

/// <summary>eue-conformance run: select, plan, execute, report; exit 0/1/2/130.</summary>
public static class RunCommand
{
    public static readonly string[] Fabrics = ["simulation", "loopback", "netns", "interface"];

    public static Command Create(CliConsole console)
    {
        var selection = new SelectionOptions();
        var fabric = new Option<string>("--fabric") { Description = "network fabric: simulation (in memory, virtual time), loopback, netns, interface", DefaultValueFactory = _ => "simulation" };
        var output = new Option<string>("--out") { Description = "folder for the reports and evidence", DefaultValueFactory = _ => "out" };
        var seed = new Option<int>("--seed") { Description = "seed of the simulation (same seed, same evidence)", DefaultValueFactory = _ => 1 };
        var failFast = new Option<bool>("--fail-fast") { Description = "stop after the first scenario that fails or errs (the rest: inconclusive)" };
        var rerun = new Option<string?>("--rerun-failed") { Description = "run only the scenarios that failed, erred or were inconclusive in this report.json" };
        var plain = new Option<bool>("--plain") { Description = "plain progress lines even on a terminal" };
        var timeScale = new Option<double>("--time-scale") { Description = "on loopback or netns with the reference device: run its and the headend's clock N times faster than real time", DefaultValueFactory = _ => 1 };
        var mutant = new Option<string?>("--mutant") { Description = "run against a named mutant of the reference device (see 'eue-conformance mutants')" };
        var parallel = new Option<int?>("--parallel") { Description = "scenarios run at once (default: one per core on simulation, one elsewhere)" };

        var command = new Command("run", "Run the suite against a device and write the reports");
        selection.AddTo(command);
        command.Add(fabric); command.Add(output); command.Add(seed); command.Add(failFast); command.Add(rerun); command.Add(plain); command.Add(parallel); command.Add(mutant); command.Add(timeScale);

        command.SetAction(async (parse, cancellation) =>
        {
            string fabricName = parse.GetValue(fabric)!;
            if (!Fabrics.Contains(fabricName))
                throw new InputError("--fabric", 0, 0, $"unknown fabric '{fabricName}'", "one of: " + string.Join(", ", Fabrics));

            IReadOnlySet<string>? only = null;
            if (parse.GetValue(rerun) is { } previous)
            {
                var old = ReadReport(previous);
                only = old.Scenarios.Where(s => s.Verdict is Verdict.Fail or Verdict.Error or Verdict.Inconclusive).Select(s => s.Id).ToHashSet();
                console.Out.WriteLine($"rerun: {only.Count} scenario(s) failed, erred or were inconclusive in {previous}");
            }

            var inputs = SuiteInputs.Load(parse.GetValue(selection.Features), parse.GetValue(selection.Catalog), parse.GetValue(selection.Dut)!);
            var plan = inputs.Plan(selection.Build(parse, only));
            string outDir = Path.GetFullPath(parse.GetValue(output)!);
            if (Directory.Exists(outDir)) ClearPreviousRun(outDir);
            var options = new RunOptions(outDir, fabricName, parse.GetValue(seed), parse.GetValue(failFast),
                "eue-conformance " + string.Join(' ', console.Args.Select(Quote)),
                parse.GetValue(selection.Tags), string.Join(",", parse.GetValue(selection.Req) ?? []) is { Length: > 0 } r ? r : null)
            {
                TimeScale = CheckTimeScale(parse.GetValue(timeScale), fabricName),
                Parallelism = parse.GetValue(parallel) is { } n
                    ? (n >= 1 ? n : throw new InputError("--parallel", 0, 0, $"--parallel {n} runs nothing", "give 1 or more"))
                    : fabricName == "simulation" ? Environment.ProcessorCount : 1,
            };
            if (options.TimeScale > 1 && inputs.Profile.Adapter != "simulated")
                throw new InputError("--time-scale", 0, 0, $"{inputs.Profile.Path} uses adapter '{inputs.Profile.Adapter}', whose device keeps real time", "drop --time-scale");
            if (parse.GetValue(mutant) is { } mutantName)
            {
                var m = Device.Mutants.MutantCatalog.Find(mutantName)
                    ?? throw new InputError("--mutant", 0, 0, $"no mutant called '{mutantName}'", "list them with 'eue-conformance mutants'");
                if (inputs.Profile.Adapter != "simulated")
                    throw new InputError("--mutant", 0, 0, $"mutants change the reference device, but {inputs.Profile.Path} uses adapter '{inputs.Profile.Adapter}'", "run with --dut simulated");
                options = options with { DutFactory = DutFactories.WithMutant(m) };
                if (m.Ics.Count > 0)
                {
                    inputs = inputs with { Profile = DutFactories.ProfileFor(m, inputs.Profile) };
                    plan = inputs.Plan(selection.Build(parse, only));
                }
            }
            var runner = new SuiteRunner(inputs.Bindings, inputs.Catalog, inputs.Profile, options);

            RunReport report;
            if (console.Interactive && !parse.GetValue(plain))
            {
                PlanPrinter.Print(plan, console.Out);
                RunReport? produced = null;
                await AnsiConsole.Progress().AutoClear(false)
                    .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("starting", maxValue: Math.Max(1, plan.Selected.Count));
                        produced = await runner.RunAsync(plan, new LiveObserver(task, console.Out), cancellation);
                    });
                report = produced!;
            }
            else report = await runner.RunAsync(plan, new PlainObserver(console.Out), cancellation);

            var written = ReportSet.WriteAll(report, outDir);
            Summarise(report, written, console.Out);
            return report.Run.ExitCode;
        });
        return command;
    }

    static double CheckTimeScale(double scale, string fabric)
    {
        if (!(scale >= 1)) throw new InputError("--time-scale", 0, 0, $"--time-scale {scale} would slow time down", "give 1 (real time) or more");
        if (scale > 1 && fabric is not ("loopback" or "netns"))
            throw new InputError("--time-scale", 0, 0, $"--time-scale applies to the loopback and netns fabrics, not '{fabric}'",
                fabric == "simulation" ? "simulation time is virtual already: drop --time-scale" : "a device on a bench runs in real time: drop --time-scale");
        return scale;
    }

    /// <summary>A report that is missing or not ours is the user's input error, named with its path.</summary>
    public static RunReport ReadReport(string path)
    {
        if (!File.Exists(path)) throw new InputError(path, 0, 0, "report not found", "give the report.json written by an earlier 'run'");
        try { return ReportJsonReader.Read(path); }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            throw new InputError(path, 0, 0, $"not a report.json of this suite: {e.Message}", "give the report.json written by an earlier 'run'");
        }
    }

    /// <summary>
    /// Removes what an earlier run left in the output folder (its reports and scenario evidence), so
    /// the manifest covers this run only. Nothing else in the folder is touched.
    /// </summary>
    static void ClearPreviousRun(string outDir)
    {
        foreach (var f in new[] { "report.json", "junit.xml", "traceability.md", "index.html", ReportSet.ProfileFileName, "manifest.sha256" })
            File.Delete(Path.Combine(outDir, f));
        string scenarios = Path.Combine(outDir, "scenarios");
        if (Directory.Exists(scenarios)) Directory.Delete(scenarios, recursive: true);
    }

    static string Quote(string a) => a.Any(char.IsWhiteSpace) || a.Contains('"') ? "\"" + a.Replace("\"", "\\\"") + "\"" : a;

    static void Summarise(RunReport report, IReadOnlyList<string> written, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"requirements: {string.Join(", ", report.RequirementCounts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}"))}");
        output.WriteLine($"scenarios:    {string.Join(", ", report.ScenarioCounts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}"))}");
        foreach (var r in report.Requirements.Where(r => r.Status is RequirementStatus.Fail or RequirementStatus.Error))
            output.WriteLine($"  {r.Status,-6} {r.Id} ({r.Keyword}, {r.Locator}): {r.StatusReason.Split('\n')[0]}");
        output.WriteLine($"reports:      {string.Join(", ", written.Select(SuitePaths.Show))}");
        if (report.Run.Interrupted) output.WriteLine("interrupted: unfinished scenarios are marked inconclusive");
        output.WriteLine($"exit code {report.Run.ExitCode}: {report.Run.ExitCode switch
        {
            ExitCodes.AllMandatoryPassed => "every applicable MUST that ran passed",
            ExitCodes.MandatoryFailed => "an applicable MUST failed or stayed inconclusive",
            ExitCodes.HarnessOrInputError => "the harness failed on a scenario (see the errors above)",
            ExitCodes.Interrupted => "stopped by the operator",
            _ => "",
        }}");
    }
}
