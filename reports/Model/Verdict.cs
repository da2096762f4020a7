namespace EUeConformance.Reports.Model;

/// <summary>
/// Test verdicts as ISO/IEC 9646-1 defines them. Order matters: a requirement or scenario takes the
/// worst verdict of its parts, and <see cref="VerdictOrder.Worst"/> ranks error above fail above
/// inconclusive above pass above not-applicable.
/// </summary>
public enum Verdict
{
    NotApplicable,
    Pass,
    Inconclusive,
    Fail,
    Error,
}

public static class VerdictOrder
{
    public static Verdict Worst(Verdict a, Verdict b) => (Verdict)Math.Max((int)a, (int)b);

    public static string ToWire(this Verdict v) => v switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "fail",
        Verdict.Inconclusive => "inconclusive",
        Verdict.NotApplicable => "not-applicable",
        Verdict.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };

    public static Verdict ParseWire(string s) => s switch
    {
        "pass" => Verdict.Pass,
        "fail" => Verdict.Fail,
        "inconclusive" => Verdict.Inconclusive,
        "not-applicable" => Verdict.NotApplicable,
        "error" => Verdict.Error,
        _ => throw new FormatException($"'{s}' is not a verdict (pass, fail, inconclusive, not-applicable, error)"),
    };
}
