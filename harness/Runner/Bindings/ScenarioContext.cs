using EUeConformance.Reports.Model;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Runner.Bindings;

/// <summary>
/// What a step knows about the scenario it runs in, injected by constructor like Reqnroll's
/// ScenarioContext: title, tags, cited requirements, the DUT profile, the clock, a bag of values
/// shared between steps, and the evidence the verdict rests on.
/// </summary>
public sealed class ScenarioContext
{
    readonly Dictionary<string, object?> _items = new(StringComparer.Ordinal);
    readonly List<EvidenceItem> _evidence = [];
    readonly List<string> _log = [];
    readonly object _gate = new();

    public ScenarioContext(string title, string file, int line, IReadOnlyList<string> tags, IReadOnlyList<string> requirementIds,
        DutProfile profile, TimeProvider clock, CancellationToken cancellation)
    {
        Title = title; File = file; Line = line; Tags = tags; RequirementIds = requirementIds;
        Profile = profile; Clock = clock; Cancellation = cancellation;
    }

    public string Title { get; }
    public string File { get; }
    public int Line { get; }
    public IReadOnlyList<string> Tags { get; }
    public IReadOnlyList<string> RequirementIds { get; }
    public DutProfile Profile { get; }
    /// <summary>Every wait goes through this clock: virtual in simulation, the wall clock on a bench.</summary>
    public TimeProvider Clock { get; }
    /// <summary>Set when the operator stops the run or a bound runs out.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Told of bounded waits (the scenario's step watchdog, see Execution.StepWatchdog).</summary>
    internal Action<TimeSpan>? WaitStarting { get; init; }

    /// <summary>
    /// Announces a wait of <paramref name="span"/> (on <see cref="Clock"/>) that starts now and has its own bound (from the
    /// IXIT or the spec), so that the IXIT step and scenario bounds do not end the step before it does. Waits on the
    /// fabric's evidence and settle waits are announced by the test bed already; this is for any other bounded wait.
    /// </summary>
    public void AnnounceWait(TimeSpan span) => WaitStarting?.Invoke(span);

    public object? this[string key]
    {
        get { lock (_gate) return _items.GetValueOrDefault(key); }
        set { lock (_gate) _items[key] = value; }
    }

    public T Get<T>(string key) => this[key] is T t ? t : throw new KeyNotFoundException($"no value '{key}' of type {typeof(T).Name} in the scenario context");

    public bool TryGetValue<T>(string key, out T value)
    {
        if (this[key] is T t) { value = t; return true; }
        value = default!;
        return false;
    }

    public void AddEvidence(string kind, string title, string text)
    {
        lock (_gate) _evidence.Add(new EvidenceItem(kind, title, null, text));
    }

    public void AddEvidenceFile(string kind, string title, string relativePath)
    {
        lock (_gate) _evidence.Add(new EvidenceItem(kind, title, relativePath, null));
    }

    public void Log(string message)
    {
        lock (_gate) _log.Add($"[{Clock.GetUtcNow():HH:mm:ss.fff}] {message}");
    }

    public IReadOnlyList<EvidenceItem> Evidence { get { lock (_gate) return [.. _evidence]; } }
    public IReadOnlyList<string> LogLines { get { lock (_gate) return [.. _log]; } }

    /// <summary>Ends the scenario with verdict fail, recording what was expected and what was seen.</summary>
    public static Exception Fail(string message, string? expected = null, string? seen = null) => new ConformanceFailure(message, expected, seen);

    public static Exception Inconclusive(string reason) => new InconclusiveException(reason);

    public static Exception NotApplicable(string reason) => new NotApplicableException(reason);
}
