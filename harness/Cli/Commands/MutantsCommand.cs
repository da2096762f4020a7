using System.CommandLine;
using EUeConformance.Device.Mutants;

namespace EUeConformance.Cli.Commands;

/// <summary>eue-conformance mutants: the named deviations of the reference E-UE and the requirements each breaks.</summary>
public static class MutantsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("mutants", "List the mutants of the reference device and the requirement ids each targets");
        command.SetAction(_ =>
        {
            foreach (var m in MutantCatalog.All.OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                console.Out.WriteLine($"{m.Name}\t{string.Join(",", m.Targets)}");
                console.Out.WriteLine($"    {m.Description}");
                if (m.BlastRadius.Count > 0) console.Out.WriteLine($"    may also change: {string.Join(",", m.BlastRadius)}");
            }
            console.Out.WriteLine($"{MutantCatalog.All.Count} mutant(s)");
            return 0;
        });
        return command;
    }
}
