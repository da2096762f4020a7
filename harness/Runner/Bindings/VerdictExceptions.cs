namespace EUeConformance.Runner.Bindings;

/// <summary>The device did something the spec forbids: verdict fail. Carries what was expected and what was seen.</summary>
public class ConformanceFailure(string message, string? expected = null, string? seen = null) : Exception(message)
{
    public string? Expected { get; } = expected;
    public string? Seen { get; } = seen;
}

/// <summary>The scenario could not reach the point to judge (silent device, precondition unmet): verdict inconclusive.</summary>
public class InconclusiveException(string reason) : Exception(reason);

/// <summary>The scenario does not apply to this device (found out at run time): verdict not-applicable.</summary>
public class NotApplicableException(string reason) : Exception(reason);

/// <summary>A step binding exists but is not written yet: verdict error, since the harness is incomplete.</summary>
public class PendingStepException(string message = "step definition is pending") : Exception(message);
