using System.Reflection;
using System.Text.RegularExpressions;
using EUeConformance.Runner.Expressions;
using EUeConformance.Runner.Gherkin;

namespace EUeConformance.Runner.Bindings;

/// <summary>Every binding found in the step assemblies: step definitions, hooks, argument transformations.</summary>
public sealed class BindingRegistry
{
    public IReadOnlyList<StepBinding> Steps { get; }
    public IReadOnlyList<HookBinding> BeforeScenario { get; }
    public IReadOnlyList<HookBinding> AfterScenario { get; }
    public StepArgumentConverter Converter { get; }

    BindingRegistry(List<StepBinding> steps, List<HookBinding> before, List<HookBinding> after, List<TransformBinding> transforms)
    {
        Steps = steps;
        BeforeScenario = [.. before.OrderBy(h => h.Order)];
        AfterScenario = [.. after.OrderBy(h => h.Order)];
        Converter = new StepArgumentConverter(transforms);
    }

    /// <summary>Scans the [Binding] classes of <paramref name="assemblies"/>. A malformed expression is an error naming the method.</summary>
    public static BindingRegistry Discover(params Assembly[] assemblies) =>
        FromTypes(assemblies.SelectMany(a => a.GetTypes()));

    public static BindingRegistry FromTypes(IEnumerable<Type> types)
    {
        var steps = new List<StepBinding>();
        var before = new List<HookBinding>();
        var after = new List<HookBinding>();
        var transforms = new List<TransformBinding>();
        foreach (var type in types.Where(t => t.GetCustomAttribute<BindingAttribute>() is not null))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                foreach (var attr in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
                {
                    try { steps.Add(new StepBinding(method, attr.Kind, attr.Expression)); }
                    catch (ArgumentException e)
                    {
                        throw new InvalidOperationException($"{type.FullName}.{method.Name}: the step expression \"{attr.Expression}\" is not valid: {e.Message}", e);
                    }
                }
                if (method.GetCustomAttribute<BeforeScenarioAttribute>() is { } b)
                    before.Add(new HookBinding(method, BoolExpression.Parse(b.TagExpression), b.Order));
                if (method.GetCustomAttribute<AfterScenarioAttribute>() is { } a)
                    after.Add(new HookBinding(method, BoolExpression.Parse(a.TagExpression), a.Order));
                if (method.GetCustomAttribute<StepArgumentTransformationAttribute>() is { } t)
                    transforms.Add(new TransformBinding(method, new Regex("^(?:" + t.Pattern + ")$", RegexOptions.CultureInvariant)));
            }
        }
        return new BindingRegistry(steps, before, after, transforms);
    }

    /// <summary>The bindings whose expression matches the step text and whose keyword fits the step's kind.</summary>
    public IReadOnlyList<(StepBinding Binding, Match Match)> Match(PickleStep step) =>
        Steps.Where(b => b.Kind is null || b.Kind == step.Kind)
             .Select(b => (Binding: b, Match: b.Regex.Match(step.Text)))
             .Where(x => x.Match.Success)
             .ToList();
}
