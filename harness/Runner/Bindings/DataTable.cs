namespace EUeConformance.Runner.Bindings;

/// <summary>A Gherkin data table: the first row is the header, as Reqnroll's Table treats it.</summary>
public sealed class DataTable(IReadOnlyList<IReadOnlyList<string>> rows)
{
    public IReadOnlyList<IReadOnlyList<string>> RawRows { get; } = rows;

    public IReadOnlyList<string> Header => RawRows.Count > 0 ? RawRows[0] : [];

    /// <summary>The body rows, each keyed by header.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows =>
        RawRows.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)Header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();

    public override string ToString() =>
        string.Join("\n", RawRows.Select(r => "| " + string.Join(" | ", r) + " |"));
}
