using System.CommandLine;
using System.Text.RegularExpressions;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Expressions;
using EUeConformance.Runner.Input;

namespace EUeConformance.Cli.Commands;

/// <summary>The options 'run' and 'list' share: what to run it on, and which scenarios.</summary>
public sealed class SelectionOptions
{
    public readonly Option<string> Dut = new("--dut") { Description = "DUT profile (YAML), or 'simulated' for the built-in reference device", Required = true };
    public readonly Option<string?> Tags = new("--tags") { Description = "Cucumber tag expression, e.g. \"@MUST and not @kerberos\"" };
    public readonly Option<string[]> Req = new("--req") { Description = "requirement id patterns (glob: * and ?), e.g. EUE-PROV-6.3.4.*", AllowMultipleArgumentsPerToken = true };
    public readonly Option<string?> Name = new("--name") { Description = "only scenarios whose name matches this regular expression" };
    public readonly Option<string?> Features = new("--features") { Description = "features folder (default: features/ of the suite)" };
    public readonly Option<string?> Catalog = new("--catalog") { Description = "requirement catalog (default: features/catalog/PKT-SP-EUE-PROV-I05.yaml)" };
    public readonly Argument<string[]> Locations = new("scenarios") { Description = "feature files or file:line of single scenarios", Arity = ArgumentArity.ZeroOrMore };

    public void AddTo(Command command)
    {
        command.Add(Dut); command.Add(Tags); command.Add(Req); command.Add(Name);
        command.Add(Features); command.Add(Catalog); command.Add(Locations);
    }

    public Selection Build(ParseResult parse, IReadOnlySet<string>? onlyIds = null)
    {
        BoolExpression? tags = null;
        string? tagText = parse.GetValue(Tags);
        if (!string.IsNullOrWhiteSpace(tagText))
        {
            try { tags = BoolExpression.Parse(tagText); }
            catch (FormatException e) { throw new InputError("--tags", 0, 0, e.Message, "write a Cucumber tag expression such as \"@MUST and not @kerberos\""); }
        }
        Regex? name = null;
        string? nameText = parse.GetValue(Name);
        if (!string.IsNullOrEmpty(nameText))
        {
            try { name = new Regex(nameText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant); }
            catch (ArgumentException e) { throw new InputError("--name", 0, 0, $"not a regular expression: {e.Message}", "escape ( ) [ ] . * + ? with a backslash"); }
        }
        var locations = parse.GetValue(Locations) ?? [];
        foreach (var location in locations)
        {
            if (location.StartsWith('-'))
                throw new InputError(location, 0, 0, $"unknown option '{location}'", "see 'eue-conformance run --help' for the options");
            int colon = location.LastIndexOf(':');
            string file = colon > 0 && int.TryParse(location[(colon + 1)..], out _) ? location[..colon] : location;
            if (!File.Exists(file))
                throw new InputError(location, 0, 0, $"no feature file '{file}'", "name a .feature file (optionally with :line), relative to the current directory");
        }
        var req = (parse.GetValue(Req) ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return new Selection(tags, req, locations, name, onlyIds);
    }
}
