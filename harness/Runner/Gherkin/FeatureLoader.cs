using System.Text.RegularExpressions;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Input;
using G = Gherkin.Ast;

namespace EUeConformance.Runner.Gherkin;

/// <summary>
/// Reads .feature files with the official Gherkin 5 parser and compiles them into pickles: the
/// Background is prepended to every scenario, outlines are expanded row by row with &lt;name&gt;
/// placeholders substituted in names, step texts, tables and doc strings, and tags are inherited.
/// A syntax error is an <see cref="InputError"/> naming the file and line.
/// </summary>
public static partial class FeatureLoader
{
    public static IReadOnlyList<Pickle> LoadDirectory(string directory, string? relativeTo = null)
    {
        if (!Directory.Exists(directory))
            throw new InputError(directory, 0, 0, "features folder not found", "run from the repository root or pass --features <folder>");
        var errors = new List<InputError>();
        var pickles = new List<Pickle>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string shown = Path.GetRelativePath(relativeTo ?? Directory.GetCurrentDirectory(), file).Replace('\\', '/');
            try { pickles.AddRange(Compile(shown, File.ReadAllText(file))); }
            catch (InputError e) { errors.Add(e); }
            catch (InputErrors e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new InputErrors(errors);
        return pickles;
    }

    public static IReadOnlyList<Pickle> Compile(string file, string text)
    {
        G.GherkinDocument doc;
        try { doc = new global::Gherkin.Parser().Parse(new StringReader(text)); }
        catch (global::Gherkin.CompositeParserException e)
        {
            throw new InputErrors(e.Errors.Select(x => ToInputError(file, x)).ToList());
        }
        catch (global::Gherkin.ParserException e) { throw ToInputError(file, e); }

        var feature = doc.Feature;
        if (feature is null) return [];
        var featureTags = feature.Tags.Select(t => t.Name).ToList();
        var background = feature.Children.OfType<G.Background>().FirstOrDefault();
        var pickles = new List<Pickle>();

        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case G.Scenario s:
                {
                    var tags = featureTags.Concat(s.Tags.Select(t => t.Name)).ToList();
                    var steps = Steps(background, true, NoValues).Concat(Steps(s, false, NoValues)).ToList();
                    pickles.Add(new Pickle($"{file}:{s.Location.Line}", s.Name, feature.Name, file, s.Location.Line, tags, steps));
                    break;
                }
                case G.ScenarioOutline o:
                    foreach (var examples in o.Examples)
                    {
                        if (examples.TableHeader is null) continue;
                        var header = examples.TableHeader.Cells.Select(c => c.Value).ToList();
                        int n = 0;
                        foreach (var row in examples.TableBody ?? [])
                        {
                            n++;
                            var values = header.Zip(row.Cells.Select(c => c.Value)).ToDictionary(p => p.First, p => p.Second);
                            var tags = featureTags.Concat(o.Tags.Select(t => t.Name)).Concat(examples.Tags.Select(t => t.Name)).ToList();
                            var steps = Steps(background, true, NoValues).Concat(Steps(o, false, values)).ToList();
                            string label = string.IsNullOrWhiteSpace(examples.Name) ? $"Examples #{n}" : $"{examples.Name} #{n}";
                            string name = $"{Substitute(o.Name, values)} [{label}: {string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"))}]";
                            pickles.Add(new Pickle($"{file}:{row.Location.Line}", name, feature.Name, file, row.Location.Line, tags, steps));
                        }
                    }
                    break;
            }
        }
        return pickles;
    }

    static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    static IEnumerable<PickleStep> Steps(G.ScenarioDefinition? def, bool fromBackground, IReadOnlyDictionary<string, string> values)
    {
        if (def is null) yield break;
        StepKind last = StepKind.Given;
        foreach (var step in def.Steps)
        {
            string keyword = step.Keyword.Trim();
            // '*', And and But continue the kind of the step before them, as in Cucumber.
            StepKind kind = keyword switch
            {
                "Given" => StepKind.Given,
                "When" => StepKind.When,
                "Then" => StepKind.Then,
                _ => last,
            };
            last = kind;
            DataTable? table = null;
            string? doc = null;
            switch (step.Argument)
            {
                case G.DataTable t:
                    table = new DataTable(t.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => Substitute(c.Value, values)).ToList()).ToList());
                    break;
                case G.DocString d:
                    doc = Substitute(d.Content, values);
                    break;
            }
            yield return new PickleStep(keyword, kind, Substitute(step.Text, values), step.Location.Line, table, doc, fromBackground);
        }
    }

    static string Substitute(string text, IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? text : Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    static InputError ToInputError(string file, global::Gherkin.ParserException e)
    {
        string message = e.Message;
        // The parser prefixes "(line:col): "; keep only the description.
        var m = LocationPrefix().Match(message);
        if (m.Success) message = message[m.Length..];
        return new InputError(file, e.Location?.Line ?? 0, e.Location?.Column ?? 0, "Gherkin syntax: " + message,
            "check the keyword and indentation at that line (Feature, Background, Scenario, Scenario Outline, Examples, Given/When/Then/And/But, | tables |, \"\"\" doc strings)");
    }

    [GeneratedRegex(@"<([^<>]+)>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\(\d+:\d+\): ")]
    private static partial Regex LocationPrefix();
}
