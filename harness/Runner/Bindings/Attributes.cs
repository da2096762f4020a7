namespace EUeConformance.Runner.Bindings;

// The binding API, shaped like Reqnroll's so that its users feel at home: [Binding] classes,
// [Given]/[When]/[Then] with regular expressions or Cucumber expressions, hooks, and constructor
// injection of scenario-scoped objects.

/// <summary>Marks a class whose methods are step definitions or hooks.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BindingAttribute : Attribute;

/// <summary>Base of the step attributes. The expression is a regular expression (implicitly anchored
/// at both ends) or a Cucumber expression with {int}, {float}, {word}, {string} and {}.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepDefinitionBaseAttribute(string expression) : Attribute
{
    public string Expression { get; } = expression;
    internal abstract Gherkin.StepKind? Kind { get; }
}

public sealed class GivenAttribute(string expression) : StepDefinitionBaseAttribute(expression)
{
    internal override Gherkin.StepKind? Kind => Gherkin.StepKind.Given;
}

public sealed class WhenAttribute(string expression) : StepDefinitionBaseAttribute(expression)
{
    internal override Gherkin.StepKind? Kind => Gherkin.StepKind.When;
}

public sealed class ThenAttribute(string expression) : StepDefinitionBaseAttribute(expression)
{
    internal override Gherkin.StepKind? Kind => Gherkin.StepKind.Then;
}

/// <summary>Matches a step whatever its keyword.</summary>
public sealed class StepDefinitionAttribute(string expression) : StepDefinitionBaseAttribute(expression)
{
    internal override Gherkin.StepKind? Kind => null;
}

/// <summary>Runs before each scenario whose tags satisfy <see cref="TagExpression"/> (all scenarios when empty).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BeforeScenarioAttribute(string tagExpression = "") : Attribute
{
    public string TagExpression { get; } = tagExpression;
    public int Order { get; init; }
}

/// <summary>Runs after each scenario whose tags satisfy <see cref="TagExpression"/>, even when a step failed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AfterScenarioAttribute(string tagExpression = "") : Attribute
{
    public string TagExpression { get; } = tagExpression;
    public int Order { get; init; }
}

/// <summary>Converts step text to a parameter type no built-in conversion knows (a MAC address, an option code).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepArgumentTransformationAttribute(string pattern = "(.*)") : Attribute
{
    public string Pattern { get; } = pattern;
}
