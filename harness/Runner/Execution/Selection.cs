using System.Text.RegularExpressions;
using EUeConformance.Runner.Expressions;
using EUeConformance.Runner.Gherkin;

namespace EUeConformance.Runner.Execution;

/// <summary>
/// Which scenarios the user asked for: a tag expression, requirement id patterns (glob, * and ?),
/// feature locations (file or file:line), a name pattern, or the ids of a previous run's failures.
/// An empty selection takes everything.
/// </summary>
public sealed record Selection(
    BoolExpression? Tags = null,
    IReadOnlyList<string>? RequirementPatterns = null,
    IReadOnlyList<string>? Locations = null,
    Regex? Name = null,
    IReadOnlySet<string>? OnlyScenarioIds = null)
{
    public static readonly Selection All = new();

    public bool Includes(Pickle p)
    {
        if (Tags is not null && !Tags.Evaluate(t => p.Tags.Contains(t.StartsWith('@') ? t : "@" + t))) return false;
        if (RequirementPatterns is { Count: > 0 } && !p.RequirementIds.Any(id => RequirementPatterns.Any(g => Glob(g).IsMatch(id)))) return false;
        if (Locations is { Count: > 0 } && !Locations.Any(l => AtLocation(p, l))) return false;
        if (Name is not null && !Name.IsMatch(p.Name)) return false;
        if (OnlyScenarioIds is not null && !OnlyScenarioIds.Contains(p.Id)) return false;
        return true;
    }

    public bool MatchesRequirement(string id) =>
        RequirementPatterns is not { Count: > 0 } || RequirementPatterns.Any(g => Glob(g).IsMatch(id));

    /// <summary>file.feature matches every scenario of the file; file.feature:12 the one at (or containing) line 12.</summary>
    static bool AtLocation(Pickle p, string location)
    {
        string file = location, line = "";
        int colon = location.LastIndexOf(':');
        if (colon > 0 && int.TryParse(location[(colon + 1)..], out _)) { file = location[..colon]; line = location[(colon + 1)..]; }
        string norm(string s) => s.Replace('\\', '/').TrimStart('.', '/');
        if (!norm(p.File).EndsWith(norm(file), StringComparison.Ordinal)) return false;
        return line.Length == 0 || p.Line == int.Parse(line) || p.Steps.Any(s => !s.FromBackground && s.Line == int.Parse(line));
    }

    public static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern.Trim()).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.CultureInvariant);
}
