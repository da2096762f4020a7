using System.Reflection;
using System.Runtime.ExceptionServices;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Gherkin;

namespace EUeConformance.Runner.Execution;

/// <summary>
/// Runs one pickle on a fresh test bed: before-hooks, steps in order (the rest skipped after the
/// first that does not pass), after-hooks always. Every step is bounded by the IXIT step timeout and
/// the scenario by the IXIT scenario timeout, measured on the test bed's clock, so a silent device
/// gives 'inconclusive' with a reason instead of a hang.
/// </summary>
public sealed class ScenarioExecutor(BindingRegistry registry)
{
    public async Task<(ScenarioResult Result, IReadOnlyList<string> Log)> RunAsync(Pickle pickle, TestBed bed, CancellationToken cancellation)
    {
        var clock = bed.Clock;
        long started = clock.GetTimestamp();
        var timeouts = bed.Profile.Ixit.Timeouts;
        using var scenarioBound = new CancellationTokenSource(timeouts.Scenario, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, scenarioBound.Token);
        // The IXIT bounds watch over what has no bound of its own; a bounded wait on a real fabric moves them out.
        var watchdog = new StepWatchdog(clock, timeouts.Step, timeouts.Scenario, scenarioBound);
        bed.WaitStarting = watchdog.WaitStarting;

        var context = new ScenarioContext(pickle.Name, pickle.File, pickle.Line, pickle.Tags, pickle.RequirementIds, bed.Profile, clock, linked.Token)
        {
            WaitStarting = watchdog.WaitStarting,
        };
        var container = new ObjectContainer();
        container.RegisterInstanceAs(context);
        container.RegisterInstanceAs(bed);
        container.RegisterInstanceAs(bed.Profile);
        container.RegisterInstanceAs(clock);

        var steps = new List<StepResult>();
        Verdict verdict = Verdict.Pass;
        string? reason = null;
        bool stop = false;

        // The first step or hook that does not pass decides the verdict; what follows it is skipped.
        void Record(string status, Verdict v, string message)
        {
            if (verdict != Verdict.Pass || v == Verdict.Pass) return;
            verdict = v;
            reason = message;
        }

        foreach (var hook in registry.BeforeScenario.Where(h => h.Tags.Evaluate(pickle.Tags.Contains)))
        {
            watchdog.StartStep();
            var (status, v, message, _) = await InvokeAsync(hook.Method, null, container, timeouts.Step, watchdog.StepExpiredAsync, linked.Token, cancellation, scenarioBound.Token);
            if (status == StepOutcome.Passed) continue;
            Record(status, v, $"[BeforeScenario] {hook.Method.DeclaringType?.Name}.{hook.Method.Name}: {message}");
            context.Log($"before-scenario hook {hook.Method.Name}: {status}: {message}");
            stop = true;
            break;
        }

        if (pickle.Steps.Count == 0 && !stop)
        {
            Record(StepOutcome.Error, Verdict.Error, $"{pickle.File}:{pickle.Line}: the scenario has no steps, so it proves nothing");
            stop = true;
        }

        foreach (var step in pickle.Steps)
        {
            string text = $"{step.Keyword} {step.Text}";
            if (stop)
            {
                steps.Add(new StepResult(step.Keyword, step.Text, step.Line, StepOutcome.Skipped, null, 0));
                continue;
            }
            long t0 = clock.GetTimestamp();
            var matches = registry.Match(step);
            string status; Verdict v; string? message = null;
            if (matches.Count == 0)
            {
                (status, v) = (StepOutcome.Undefined, Verdict.Error);
                message = $"{pickle.File}:{step.Line}: undefined step '{text}'. Add a binding such as:\n{SnippetGenerator.For(step)}";
            }
            else if (matches.Count > 1)
            {
                (status, v) = (StepOutcome.Ambiguous, Verdict.Error);
                message = $"{pickle.File}:{step.Line}: step '{text}' matches {matches.Count} bindings: " +
                          string.Join("; ", matches.Select(m => m.Binding.Describe())) + ". Make the expressions exclusive.";
            }
            else
            {
                var (binding, match) = matches[0];
                object?[] args;
                try { args = BuildArguments(binding, match, step, container); }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidOperationException)
                {
                    (status, v) = (StepOutcome.Error, Verdict.Error);
                    message = $"{pickle.File}:{step.Line}: cannot bind '{text}' to {binding.Describe()}: {e.Message}";
                    steps.Add(new StepResult(step.Keyword, step.Text, step.Line, status, message, Elapsed(clock, t0)));
                    Record(status, v, message);
                    stop = true;
                    continue;
                }
                watchdog.StartStep();
                (status, v, message, _) = await InvokeAsync(binding.Method, args, container, timeouts.Step, watchdog.StepExpiredAsync, linked.Token, cancellation, scenarioBound.Token);
                if (status == StepOutcome.Passed) message = null;
            }
            steps.Add(new StepResult(step.Keyword, step.Text, step.Line, status, message, Elapsed(clock, t0)));
            context.Log($"{text} -> {status}{(message is null ? "" : ": " + message)}");
            if (status != StepOutcome.Passed)
            {
                Record(status, v, message ?? status);
                stop = true;
            }
        }

        // What the device logged while the steps ran; its teardown (power-off, sockets closing) comes after.
        int deviceLogDuringSteps = bed.Network?.Dut.Log.Count ?? 0;

        foreach (var hook in registry.AfterScenario.Where(h => h.Tags.Evaluate(pickle.Tags.Contains)))
        {
            // After-hooks run even when the scenario was stopped, with a fresh bound, to release the test bed.
            var (status, v, message, _) = await InvokeAsync(hook.Method, null, container, timeouts.Step, token => Task.Delay(timeouts.Step, clock, token),
                CancellationToken.None, CancellationToken.None, CancellationToken.None);
            if (status == StepOutcome.Passed) continue;
            context.Log($"after-scenario hook {hook.Method.Name}: {status}: {message}");
            if (v is Verdict.Error or Verdict.Fail) Record(status, v == Verdict.Fail ? Verdict.Fail : Verdict.Error, $"[AfterScenario] {hook.Method.Name}: {message}");
        }

        try { await container.DisposeAsync(); }
        catch (Exception e) { Record(StepOutcome.Error, Verdict.Error, $"disposing the scenario's objects failed: {e.Message}"); }

        // The reference device (and its mutants) is part of the harness: an exception inside it is a harness defect,
        // never a verdict on conformance, so it makes the scenario an error whatever the steps concluded.
        if (bed.Network?.Dut is { Kind: "simulated" } dut && dut.Log.Take(deviceLogDuringSteps).FirstOrDefault(e => e.Kind == "fault") is { } fault)
        {
            verdict = Verdict.Error;
            reason = $"the reference device faulted at {fault.At:HH:mm:ss.fff} (a defect of harness/Device, not a verdict): {fault.Text.Split('\n')[0]}";
            context.Log(reason);
        }

        var evidence = context.Evidence.ToList();
        var result = new ScenarioResult(pickle.Id, pickle.Name, pickle.FeatureName, pickle.File, pickle.Line, pickle.Tags, pickle.RequirementIds,
            verdict, verdict == Verdict.Pass ? null : reason, Elapsed(clock, started), steps, evidence);
        return (result, context.LogLines);
    }

    /// <summary>
    /// Runs a binding or hook on the thread pool and waits for it no longer than <paramref name="expired"/> lets it
    /// (the IXIT step bound on the test bed's clock, moved out by the bounded waits the step announced, see
    /// <see cref="StepWatchdog"/>). A method that never returns is abandoned, not awaited: the scenario moves on
    /// with 'inconclusive' rather than hang the run.
    /// </summary>
    static async Task<(string Status, Verdict Verdict, string Message, bool TimedOut)> InvokeAsync(
        MethodInfo method, object?[]? args, ObjectContainer container, TimeSpan bound, Func<CancellationToken, Task> expired,
        CancellationToken scenarioToken, CancellationToken userToken, CancellationToken scenarioBoundToken)
    {
        var work = Task.Run(async () =>
        {
            object? target = method.IsStatic ? null : container.Resolve(method.DeclaringType!);
            // Hooks take their parameters from the container, as Reqnroll's do.
            var actual = args ?? method.GetParameters().Select(p => container.Resolve(p.ParameterType)).ToArray();
            object? returned;
            try { returned = method.Invoke(target, actual); }
            catch (TargetInvocationException e) when (e.InnerException is not null) { ExceptionDispatchInfo.Capture(e.InnerException).Throw(); throw; }
            switch (returned)
            {
                case Task t: await t; break;
                case ValueTask vt: await vt; break;
            }
        });
        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(scenarioToken);
        var delay = expired(delayCancel.Token);
        var first = await Task.WhenAny(work, delay);
        await delayCancel.CancelAsync();
        if (first == work)
        {
            try
            {
                await work;
                return (StepOutcome.Passed, Verdict.Pass, "", false);
            }
            catch (OperationCanceledException) when (scenarioToken.IsCancellationRequested)
            {
                return Stopped();
            }
            catch (Exception e)
            {
                var (status, verdict, message) = StepOutcome.Classify(e);
                return (status, verdict, message, false);
            }
        }
        return Stopped();

        (string, Verdict, string, bool) Stopped()
        {
            if (userToken.IsCancellationRequested)
                return (StepOutcome.Inconclusive, Verdict.Inconclusive, "interrupted by the operator before the step finished", false);
            if (scenarioBoundToken.IsCancellationRequested)
                return (StepOutcome.Inconclusive, Verdict.Inconclusive, "the scenario did not finish within its bound (ixit.timeouts.scenario in the profile)", true);
            return (StepOutcome.Inconclusive, Verdict.Inconclusive,
                $"the step did not finish within {bound.TotalSeconds:0.###} s (ixit.timeouts.step in the profile) beyond the waits it announced; the device may be silent", true);
        }
    }

    static double Elapsed(TimeProvider clock, long from) => clock.GetElapsedTime(from).TotalMilliseconds;

    object?[] BuildArguments(StepBinding binding, System.Text.RegularExpressions.Match match, PickleStep step, ObjectContainer container)
    {
        var parameters = binding.Method.GetParameters();
        var captured = match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => g.Success ? g.Value : null).ToList();
        int extra = (step.Table is not null ? 1 : 0) + (step.DocString is not null ? 1 : 0);
        if (parameters.Length != captured.Count + extra)
            throw new ArgumentException(
                $"the method takes {parameters.Length} parameter(s) but the step supplies {captured.Count} capture(s)" +
                (step.Table is not null ? " and a data table" : "") + (step.DocString is not null ? " and a doc string" : ""));
        var args = new object?[parameters.Length];
        for (int i = 0; i < captured.Count; i++)
            args[i] = captured[i] is null ? null : registry.Converter.Convert(captured[i]!, parameters[i].ParameterType, container.Resolve);
        int next = captured.Count;
        if (step.Table is not null)
        {
            if (parameters[next].ParameterType != typeof(DataTable)) throw new ArgumentException($"parameter '{parameters[next].Name}' must be a DataTable to receive the step's table");
            args[next++] = step.Table;
        }
        if (step.DocString is not null)
        {
            if (parameters[next].ParameterType != typeof(string)) throw new ArgumentException($"parameter '{parameters[next].Name}' must be a string to receive the step's doc string");
            args[next] = step.DocString;
        }
        return args;
    }
}
