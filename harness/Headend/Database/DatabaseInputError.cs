namespace EUeConformance.Headend.Database;

/// <summary>
/// A mistake in a provisioning database file: the file, line and column, what is wrong, and how to fix it
/// (the same shape as the profile errors of the CLI). Several found in one pass come together, so the
/// author fixes them all at once.
/// </summary>
public sealed class DatabaseInputError(string file, int line, int column, string problem, string? fix = null)
    : Exception((line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}") + (fix is null ? "" : $"\n  fix: {fix}"))
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
    public string? Fix { get; } = fix;
}

/// <summary>Every mistake found in one file.</summary>
public sealed class DatabaseInputErrors(IReadOnlyList<DatabaseInputError> errors) : Exception(string.Join("\n", errors.Select(e => e.Message)))
{
    public IReadOnlyList<DatabaseInputError> Errors { get; } = errors;
}
