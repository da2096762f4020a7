using EUeConformance.Runner.Profile;

namespace EUeConformance.Cli;

/// <summary>--dut takes a profile file, or 'simulated' for the built-in reference device's own profile.</summary>
public static class BuiltInProfiles
{
    public const string Simulated = "simulated";

    public static DutProfile Load(string dut)
    {
        if (dut != Simulated) return ProfileLoader.Load(dut);
        using var stream = typeof(BuiltInProfiles).Assembly.GetManifestResourceStream("reference-eue.yaml")
            ?? throw new InvalidOperationException("the built-in reference profile is missing from the build");
        using var reader = new StreamReader(stream);
        return ProfileLoader.Parse("profiles/reference-eue.yaml", reader.ReadToEnd());
    }
}
