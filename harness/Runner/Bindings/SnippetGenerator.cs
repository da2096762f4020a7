using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EUeConformance.Runner.Gherkin;

namespace EUeConformance.Runner.Bindings;

/// <summary>Writes a binding method to paste for an undefined step, with quoted strings and numbers as parameters.</summary>
public static partial class SnippetGenerator
{
    public static string For(PickleStep step)
    {
        var parameters = new List<string>();
        var pattern = new StringBuilder();
        int last = 0, n = 0;
        foreach (Match m in Argument().Matches(step.Text))
        {
            pattern.Append(EscapeLiteral(step.Text[last..m.Index]));
            if (m.Groups["q"].Success) { pattern.Append("\"\"([^\"\"]*)\"\""); parameters.Add($"string p{n++}"); }
            else { pattern.Append(@"(-?\d+)"); parameters.Add($"int p{n++}"); }
            last = m.Index + m.Length;
        }
        pattern.Append(EscapeLiteral(step.Text[last..]));
        if (step.Table is not null) parameters.Add("DataTable table");
        if (step.DocString is not null) parameters.Add("string docString");

        string attribute = step.Kind.ToString();
        string name = attribute + string.Concat(Words().Matches(Argument().Replace(step.Text, " ")).Select(w =>
            char.ToUpper(w.Value[0], CultureInfo.InvariantCulture) + w.Value[1..]));
        return $"[{attribute}(@\"^{pattern}$\")]\n" +
               $"public void {name}({string.Join(", ", parameters)})\n" +
               "{\n    throw new PendingStepException();\n}";
    }

    static string EscapeLiteral(string s) => Regex.Escape(s).Replace("\\ ", " ").Replace("\"", "\"\"");

    [GeneratedRegex(@"""(?<q>[^""]*)""|(?<![\w.])-?\d+(?![\w.])")]
    private static partial Regex Argument();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex Words();
}
