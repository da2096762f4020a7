using System.Globalization;
using System.Text;
using EUeConformance.Device.Runtime;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Inspection;

/// <summary>Where an operator answers inspection questions: a terminal (the run's console when it is interactive), or none.</summary>
public static class OperatorTerminal
{
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The operator's input and output; null input: no operator (a run without a terminal, e.g. CI). Tests may set it.</summary>
    public static (TextReader? Input, TextWriter Output) Current { get; set; } =
        (Console.IsInputRedirected ? null : Console.In, Console.Out);

    /// <summary>One question at a time, whatever the number of scenarios running in parallel.</summary>
    internal static async Task<T> ExclusiveAsync<T>(Func<Task<T>> ask, CancellationToken cancellation)
    {
        await OneAtATime.WaitAsync(cancellation);
        try { return await ask(); }
        finally { OneAtATime.Release(); }
    }
}

/// <summary>What an inspector concluded: yes / no / no answer (null), with the evidence it rests on.</summary>
public sealed record InspectionAnswer(bool? Holds, string By, string Evidence);

/// <summary>
/// Requirements checked by inspection (the catalog's method "inspection"): someone looks at the device and says whether
/// the requirement holds. For a device whose adapter exposes the device's own log (the reference device, a device
/// program that writes its log to the suite), the inspector answers from that log and cites the entry it rests on;
/// otherwise the operator is asked at the terminal, and the answer and a note become the evidence. With no operator (a
/// run without a terminal) the verdict is inconclusive. The operator has the IXIT step time to answer.
/// </summary>
public sealed class Inspection(Lab lab, ScenarioContext scenario)
{
    /// <summary>The device's own log entries (not the adapter's notes about what it did to the device), or null when the adapter shows none.</summary>
    public IReadOnlyList<DeviceLogEntry>? DeviceLog()
    {
        var entries = lab.Network.Dut.Log;
        return entries.Any(e => e.Machine is not ("adapter" or "process")) ? entries : null;
    }

    /// <summary>
    /// Asks <paramref name="question"/>: from the device log through <paramref name="fromLog"/> when it is exposed, else
    /// from the operator. Passes on yes, fails on no, inconclusive without an answer; the answer is evidence either way.
    /// </summary>
    public async Task JudgeAsync(string question, Func<IReadOnlyList<DeviceLogEntry>, InspectionAnswer> fromLog)
    {
        var answer = DeviceLog() is { } log ? fromLog(log) : await AskOperatorAsync(question);
        scenario.AddEvidence("inspection", $"Inspection by {answer.By}", $"question: {question}\nanswer: {Show(answer.Holds)}\n{answer.Evidence}");
        switch (answer.Holds)
        {
            case true: return;
            case false: throw ScenarioContext.Fail($"inspection by {answer.By}: no — {question}", expected: "yes", seen: $"no ({FirstLine(answer.Evidence)})");
            default: throw ScenarioContext.Inconclusive($"inspection not answered ({answer.By}): {FirstLine(answer.Evidence)}");
        }
    }

    static string Show(bool? b) => b switch { true => "yes", false => "no", _ => "no answer" };

    static string FirstLine(string s) => s.Split('\n')[0];

    /// <summary>A log entry as evidence: its time, machine, kind, text and fields.</summary>
    public static string Describe(DeviceLogEntry e)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"log entry {e.At:O} {e.Machine} {e.Kind}: {e.Text}");
        foreach (var (k, v) in e.Fields) sb.Append(CultureInfo.InvariantCulture, $"\n  {k} = {v}");
        return sb.ToString();
    }

    async Task<InspectionAnswer> AskOperatorAsync(string question)
    {
        var (input, output) = OperatorTerminal.Current;
        if (input is null)
            return new InspectionAnswer(null, "operator", "no operator at a terminal in this run (standard input is not interactive)");
        var timeout = lab.Profile.Ixit.Timeouts.Step;
        return await OperatorTerminal.ExclusiveAsync(async () =>
        {
            await output.WriteLineAsync($"[inspection] {scenario.Title} ({scenario.File}:{scenario.Line})");
            await output.WriteLineAsync($"[inspection] {question}");
            await output.WriteLineAsync("[inspection] Answer y (yes), n (no) or s (skip), then Enter; then a note for the report (what you looked at), then Enter.");
            await output.FlushAsync();
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(scenario.Cancellation);
            bound.CancelAfter(timeout);
            try
            {
                string? reply = await input.ReadLineAsync(bound.Token);
                if (reply is null) return new InspectionAnswer(null, "operator", "the operator's input ended before an answer");
                string? note = await input.ReadLineAsync(bound.Token);
                bool? holds = reply.Trim().ToLowerInvariant() switch
                {
                    "y" or "yes" => true,
                    "n" or "no" => false,
                    _ => null,
                };
                return new InspectionAnswer(holds, "operator", $"operator's answer: '{reply.Trim()}'\noperator's note: {note?.Trim() ?? "(none)"}");
            }
            catch (OperationCanceledException) when (!scenario.Cancellation.IsCancellationRequested)
            {
                return new InspectionAnswer(null, "operator", $"the operator did not answer within {timeout.TotalSeconds:0} s (IXIT step time)");
            }
        }, scenario.Cancellation);
    }
}
