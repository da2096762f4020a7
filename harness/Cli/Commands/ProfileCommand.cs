using System.CommandLine;
using EUeConformance.Reports.Writers;
using EUeConformance.Runner.Catalog;
using EUeConformance.Runner.Input;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Cli.Commands;

/// <summary>eue-conformance profile: write a template, check a profile, export the one a report used.</summary>
public static class ProfileCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("profile", "Write, check and export DUT profiles (ICS and IXIT)");

        var initOut = new Option<string?>("--out") { Description = "write the template here instead of standard output" };
        var init = new Command("init", "Write a commented profile template to fill in for a device");
        init.Add(initOut);
        init.SetAction(parse =>
        {
            RequirementCatalog? catalog = File.Exists(SuitePaths.Catalog) ? CatalogLoader.Load(SuitePaths.Catalog) : null;
            string text = ProfileTemplate.Render(catalog);
            if (parse.GetValue(initOut) is { } path)
            {
                if (File.Exists(path)) throw new InputError(path, 0, 0, "the file exists already", "choose another --out, or delete the file first");
                File.WriteAllText(path, text);
                console.Out.WriteLine($"wrote {path}: answer the ICS questions, the declarations and the IXIT, then run 'eue-conformance profile check {path}'");
            }
            else console.Out.Write(text);
            return 0;
        });

        var checkPath = new Argument<string>("profile") { Description = "the profile to check" };
        var check = new Command("check", "Check a profile: keys, types and values, with line numbers");
        check.Add(checkPath);
        check.SetAction(parse =>
        {
            var profile = BuiltInProfiles.Load(parse.GetValue(checkPath)!);
            console.Out.WriteLine($"{profile.Path}: ok — {profile.Name} ({profile.Adapter}), sha256 {profile.Sha256}");
            console.Out.WriteLine("  ics: " + string.Join(", ", IcsVocabulary.Items.Where(i => !i.Headend).Select(i => $"{i.Name}={(profile.Has(i.Name) ? "yes" : "no")}")));
            console.Out.WriteLine($"  declarations answered: {profile.Declarations.Count}");
            return 0;
        });

        var exportReport = new Argument<string>("report") { Description = "a report.json written by 'run'" };
        var exportOut = new Option<string?>("--out") { Description = "write the profile here instead of standard output" };
        var export = new Command("export", "Write out the exact profile a past run used, from its report.json");
        export.Add(exportReport); export.Add(exportOut);
        export.SetAction(parse =>
        {
            string reportPath = parse.GetValue(exportReport)!;
            var report = RunCommand.ReadReport(reportPath);
            if (parse.GetValue(exportOut) is { } path) { File.WriteAllText(path, report.Run.ProfileText); console.Out.WriteLine($"wrote {path} (sha256 {report.Run.ProfileSha256})"); }
            else console.Out.Write(report.Run.ProfileText);
            return 0;
        });

        command.Add(init); command.Add(check); command.Add(export);
        return command;
    }
}
