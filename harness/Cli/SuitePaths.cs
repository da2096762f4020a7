namespace EUeConformance.Cli;

/// <summary>
/// Where the suite's own files are: the folder that holds features/catalog, found from the current
/// directory upwards, else from the program's folder upwards (an installed copy).
/// </summary>
public static class SuitePaths
{
    public const string CatalogFile = "features/catalog/PKT-SP-EUE-PROV-I05.yaml";

    public static string Root { get; } = Locate();

    static string Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, CatalogFile))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    public static string Features => Path.Combine(Root, "features");
    public static string Catalog => Path.Combine(Root, CatalogFile);

    /// <summary>A path to show the user: relative to the current directory when that is shorter.</summary>
    public static string Show(string path)
    {
        string rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return rel.Length < path.Length ? rel : path;
    }
}
