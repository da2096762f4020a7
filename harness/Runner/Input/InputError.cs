namespace EUeConformance.Runner.Input;

/// <summary>
/// A mistake in something the user wrote (profile, catalog, feature file, command line): names the
/// file, line and column, says what is wrong and how to fix it. The CLI prints it and exits 2.
/// </summary>
public sealed class InputError(string file, int line, int column, string problem, string? fix = null)
    : Exception(Format(file, line, column, problem, fix))
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
    public string? Fix { get; } = fix;

    static string Format(string file, int line, int column, string problem, string? fix) =>
        (line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}") + (fix is null ? "" : $"\n  fix: {fix}");
}

/// <summary>Several input errors found in one pass, so the user fixes them all at once.</summary>
public sealed class InputErrors(IReadOnlyList<InputError> errors)
    : Exception(string.Join("\n", errors.Select(e => e.Message)))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
