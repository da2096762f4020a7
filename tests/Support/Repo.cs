using EUeConformance.Runner.Profile;

namespace EUeConformance.Tests.Support;

/// <summary>Paths of the repository and of ../shared, found from the test binary upwards.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "EUeConformance.sln"))) return d.FullName;
        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }

    public static string Catalog => Path.Combine(Root, "features/catalog/PKT-SP-EUE-PROV-I05.yaml");
    public static string Features => Path.Combine(Root, "features");
    public static string ReferenceProfile => Path.Combine(Root, "profiles/reference-eue.yaml");

    /// <summary>The spec text in ../shared/seeds, when this checkout sits beside shared/ (it does in CI).</summary>
    public static string? SpecText
    {
        get
        {
            string p = Path.Combine(Root, "..", "shared", "seeds", "000_a9c37c09d88b6e83.txt");
            return File.Exists(p) ? Path.GetFullPath(p) : null;
        }
    }

    public static DutProfile LoadReferenceProfile() => ProfileLoader.Load(ReferenceProfile);

    /// <summary>A fresh folder under the system temp folder, for one test's output.</summary>
    public static string TempDir()
    {
        string d = Path.Combine(Path.GetTempPath(), "eue-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(d);
        return d;
    }
}
