using System.CommandLine;

namespace EUeConformance.Cli.Commands;

/// <summary>eue-conformance list: the plan without running it.</summary>
public static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var selection = new SelectionOptions();
        var command = new Command("list", "List the scenarios a run would execute, with their requirements and applicability");
        selection.AddTo(command);
        command.SetAction(parse =>
        {
            var inputs = SuiteInputs.Load(parse.GetValue(selection.Features), parse.GetValue(selection.Catalog), parse.GetValue(selection.Dut)!);
            var plan = inputs.Plan(selection.Build(parse));
            PlanPrinter.Print(plan, console.Out);
            foreach (var s in plan.Selected)
            {
                console.Out.WriteLine($"{(s.Applicable ? "run" : "n/a"),-4} {s.Pickle.Id}  {s.Pickle.Name}");
                console.Out.WriteLine($"       cites: {string.Join(", ", s.Pickle.RequirementIds)}");
                if (!s.Applicable) console.Out.WriteLine($"       why n/a: {s.NotApplicableReason}");
            }
            return 0;
        });
        return command;
    }
}
