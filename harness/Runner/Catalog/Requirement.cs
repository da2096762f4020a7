using EUeConformance.Runner.Expressions;

namespace EUeConformance.Runner.Catalog;

/// <summary>One obligation of the specification, as the catalog states it in our own words.</summary>
public sealed record Requirement(
    string Id,
    string Locator,
    string Anchor,
    string Keyword,
    string Actor,
    string Summary,
    string Method,
    string AppliesWhenText,
    BoolExpression AppliesWhen,
    IReadOnlyList<string> Delegates,
    string? Notes,
    bool Kerberos,
    string? Declaration,
    int CatalogLine)
{
    /// <summary>The section number the locator starts with ("6.3.4.3" of "6.3.4.3, Table 5, eUE-3 (description)").</summary>
    public string Section => Locator.Split([',', ' '], 2)[0];

    /// <summary>MUST and MUST NOT: the keywords whose failure fails the run.</summary>
    public bool IsMandatory => Keyword is "MUST" or "MUST NOT";
}

/// <summary>A keyword occurrence that is deliberately not a requirement, and why.</summary>
public sealed record Exclusion(string Anchor, string Locator, string Keyword, string Reason, int CatalogLine);

public sealed record RequirementCatalog(
    string Path,
    string Sha256,
    string DocumentId,
    string DocumentTitle,
    string? SourceSha256,
    IReadOnlyList<Requirement> Requirements,
    IReadOnlyList<Exclusion> Exclusions)
{
    readonly Dictionary<string, Requirement> _byId = Requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public Requirement? Find(string id) => _byId.GetValueOrDefault(id);
}

/// <summary>The closed vocabularies of the catalog, so a typo is an error and not a new category.</summary>
public static class CatalogVocabulary
{
    public static readonly string[] Keywords = ["MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY"];

    public static readonly string[] Actors =
    [
        "eCM", "eUE", "E-UE", "eCM DHCP Server", "DHCP Server", "DNS Server", "KDC", "Provisioning Server",
        "Configuration Server", "Syslog Server", "Certificate Bootstrapping Server",
    ];

    public const string Test = "test", Declaration = "declaration", Inspection = "inspection", ServerSide = "server-side";
    public static readonly string[] Methods = [Test, Declaration, Inspection, ServerSide];
}
