using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>What a tolerant parse found: the TLVs it could read and every problem, by offset.</summary>
public sealed class ConfigFileParseResult(EueConfigFile file, IReadOnlyList<ConfigFileProblem> problems, int? endOfFileOffset)
{
    public EueConfigFile File { get; } = file;
    public IReadOnlyList<ConfigFileProblem> Problems { get; } = problems;
    /// <summary>Offset of the first End of File TLV, if any.</summary>
    public int? EndOfFileOffset { get; } = endOfFileOffset;

    public IEnumerable<ConfigFileProblem> Errors => Problems.Where(p => p.Severity == ConfigFileProblemSeverity.Error);
    public IEnumerable<ConfigFileProblem> Warnings => Problems.Where(p => p.Severity == ConfigFileProblemSeverity.Warning);
    /// <summary>No errors (warnings are what PKT-PROV1.5 calls passWithWarnings).</summary>
    public bool IsValid => !Errors.Any();

    /// <summary>Strict mode: the file, or a <see cref="ParseError"/> for the first error by offset.</summary>
    public EueConfigFile ThrowIfInvalid()
    {
        if (Errors.FirstOrDefault() is { } e) throw new ParseError(ConfigFileFields.Protocol, e.Offset, e.Field, $"{e.Kind}: {e.Problem}");
        return File;
    }
}
