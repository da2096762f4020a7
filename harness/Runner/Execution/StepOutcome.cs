using System.Reflection;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;

namespace EUeConformance.Runner.Execution;

/// <summary>How an exception thrown by a step or hook maps to a step status and an ISO verdict.</summary>
public static class StepOutcome
{
    public const string Passed = "passed", Failed = "failed", Inconclusive = "inconclusive", NotApplicable = "not-applicable",
        Error = "error", Skipped = "skipped", Undefined = "undefined", Ambiguous = "ambiguous", Pending = "pending";

    public static (string Status, Verdict Verdict, string Message) Classify(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        while (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        return e switch
        {
            ConformanceFailure f => (Failed, Verdict.Fail, Describe(f)),
            InconclusiveException => (Inconclusive, Verdict.Inconclusive, e.Message),
            NotApplicableException => (NotApplicable, Verdict.NotApplicable, e.Message),
            PendingStepException => (Pending, Verdict.Error, e.Message),
            _ when IsAssertion(e) => (Failed, Verdict.Fail, e.Message),
            _ => (Error, Verdict.Error, $"harness error: {e.GetType().Name}: {e.Message}\n{e.StackTrace}"),
        };
    }

    static string Describe(ConformanceFailure f) =>
        f.Message + (f.Expected is null ? "" : $"\n  expected: {f.Expected}") + (f.Seen is null ? "" : $"\n  seen:     {f.Seen}");

    /// <summary>Assertion libraries' exceptions (FluentAssertions, xunit, NUnit) are failures of the DUT, not of the harness.</summary>
    static bool IsAssertion(Exception e)
    {
        for (var t = e.GetType(); t is not null; t = t.BaseType)
        {
            if (t.Name is "AssertionFailedException" or "XunitException" or "AssertionException") return true;
            if (t.Namespace?.StartsWith("Xunit.Sdk", StringComparison.Ordinal) == true) return true;
        }
        return false;
    }

    public static Verdict VerdictOf(string status) => status switch
    {
        Passed or Skipped => Verdict.Pass,
        Failed => Verdict.Fail,
        Inconclusive => Verdict.Inconclusive,
        NotApplicable => Verdict.NotApplicable,
        _ => Verdict.Error,
    };
}
