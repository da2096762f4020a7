using System.Reflection;

namespace EUeConformance.Device.Mutants;

/// <summary>
/// Every mutant of the reference E-UE: the public static <see cref="Mutant"/> fields of the classes in this
/// namespace (one class per spec area), collected once. Names are unique.
/// </summary>
public static class MutantCatalog
{
    public static IReadOnlyList<Mutant> All { get; } = Collect();

    public static Mutant? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    static List<Mutant> Collect()
    {
        var all = typeof(MutantCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(MutantCatalog).Namespace && t.IsAbstract && t.IsSealed)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Mutant)).Select(f => (Mutant)f.GetValue(null)!))
            .ToList();
        var twice = all.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"two mutants are called '{twice.Key}'");
        return all;
    }
}
