namespace EUeConformance.Runner.Catalog;

/// <summary>
/// Where a statement stands in the specification text: a section, and within it either a prose
/// paragraph (optionally a bullet of a list) or a cell of a flow table (table, flow step, column).
/// </summary>
public sealed record SpecLocator(
    string Section,
    int Paragraph,
    int? Bullet = null,
    string? Table = null,
    string? Row = null,
    string? Column = null)
{
    /// <summary>The part of the locator that goes into an anchor's hash: stable under paragraph renumbering.</summary>
    public string Key => Table is null ? Section : $"{Section}/T{Table}/{Row}/{Column}";

    public override string ToString() => Table is not null
        ? $"{Section}, Table {Table}, {Row} ({Column})"
        : Bullet is not null
            ? $"{Section} ¶{Paragraph}, bullet {Bullet}"
            : $"{Section} ¶{Paragraph}";
}
