using System.Reflection;
using System.Text.RegularExpressions;
using EUeConformance.Runner.Gherkin;

namespace EUeConformance.Runner.Bindings;

/// <summary>One [Given]/[When]/[Then] method and the expression it answers to.</summary>
public sealed class StepBinding
{
    public StepBinding(MethodInfo method, StepKind? kind, string expression)
    {
        Method = method;
        Kind = kind;
        Expression = expression;
        Regex = new Regex(CucumberExpression.ToRegex(expression), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public MethodInfo Method { get; }
    public StepKind? Kind { get; }
    public string Expression { get; }
    public Regex Regex { get; }

    public string Describe() => $"{Method.DeclaringType?.Name}.{Method.Name} [{(Kind?.ToString() ?? "StepDefinition")}(\"{Expression}\")]";
}

/// <summary>A [BeforeScenario] or [AfterScenario] method and the tags it runs for.</summary>
public sealed record HookBinding(MethodInfo Method, Expressions.BoolExpression Tags, int Order);

/// <summary>A [StepArgumentTransformation] method: converts matched text to its return type.</summary>
public sealed record TransformBinding(MethodInfo Method, Regex Pattern);

/// <summary>
/// Cucumber expressions (as Reqnroll accepts them) turned into regular expressions; anything that
/// already looks like a regular expression is only anchored.
/// </summary>
public static partial class CucumberExpression
{
    public static string ToRegex(string expression)
    {
        bool isRegex = expression.StartsWith('^') || expression.EndsWith('$') || !Parameter().IsMatch(expression);
        if (isRegex)
        {
            string body = expression.TrimStart('^');
            if (body.EndsWith('$') && !body.EndsWith("\\$", StringComparison.Ordinal)) body = body[..^1];
            return "^(?:" + body + ")$";
        }
        var sb = new System.Text.StringBuilder("^");
        int last = 0;
        foreach (Match m in Parameter().Matches(expression))
        {
            sb.Append(Regex.Escape(expression[last..m.Index]));
            sb.Append(m.Groups[1].Value switch
            {
                "int" => @"(-?\d+)",
                "float" or "double" or "decimal" => @"(-?\d*\.?\d+)",
                "word" => @"([^\s]+)",
                "string" => @"""([^""]*)""",
                "" => "(.*)",
                var other => throw new ArgumentException($"unknown Cucumber parameter type {{{other}}} in \"{expression}\"; use {{int}}, {{float}}, {{word}}, {{string}} or {{}}"),
            });
            last = m.Index + m.Length;
        }
        sb.Append(Regex.Escape(expression[last..])).Append('$');
        return sb.ToString();
    }

    [GeneratedRegex(@"\{(int|float|double|decimal|word|string|)\}")]
    private static partial Regex Parameter();
}
