using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Runner.Bindings;

/// <summary>Turns the text a step expression captured into the parameter types of the binding method.</summary>
public sealed class StepArgumentConverter(IReadOnlyList<TransformBinding> transforms)
{
    public object? Convert(string text, Type type, Func<Type, object?> resolveTarget)
    {
        var transform = transforms.FirstOrDefault(t => t.Method.ReturnType == type && t.Pattern.IsMatch(text));
        if (transform is not null)
        {
            var m = transform.Pattern.Match(text);
            var args = transform.Method.GetParameters().Select((p, i) =>
                i + 1 < m.Groups.Count ? Convert(m.Groups[i + 1].Value, p.ParameterType, resolveTarget) : null).ToArray();
            object? target = transform.Method.IsStatic ? null : resolveTarget(transform.Method.DeclaringType!);
            try { return transform.Method.Invoke(target, args); }
            catch (TargetInvocationException e) when (e.InnerException is not null) { ExceptionDispatchInfo.Capture(e.InnerException).Throw(); throw; }
        }

        var inv = CultureInfo.InvariantCulture;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return text;
        if (underlying == typeof(int)) return int.Parse(text, NumberStyles.Integer, inv);
        if (underlying == typeof(long)) return long.Parse(text, NumberStyles.Integer, inv);
        if (underlying == typeof(uint)) return uint.Parse(text, NumberStyles.Integer, inv);
        if (underlying == typeof(ushort)) return ushort.Parse(text, NumberStyles.Integer, inv);
        if (underlying == typeof(byte)) return byte.Parse(text, NumberStyles.Integer, inv);
        if (underlying == typeof(double)) return double.Parse(text, NumberStyles.Float, inv);
        if (underlying == typeof(decimal)) return decimal.Parse(text, NumberStyles.Number, inv);
        if (underlying == typeof(bool)) return text.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw new FormatException($"'{text}' is not yes/no or true/false"),
        };
        if (underlying == typeof(TimeSpan))
            return ProfileLoader.ParseDuration(text.Replace(" seconds", "s").Replace(" second", "s").Replace(" minutes", "m"))
                ?? throw new FormatException($"'{text}' is not a duration such as 30s or 5m");
        if (underlying.IsEnum)
        {
            string key = text.Replace("-", "").Replace("_", "").Replace(" ", "");
            foreach (var name in Enum.GetNames(underlying))
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return Enum.Parse(underlying, name);
            throw new FormatException($"'{text}' is not one of {string.Join(", ", Enum.GetNames(underlying))}");
        }
        throw new FormatException($"no conversion from step text to {type.Name}: add a [StepArgumentTransformation] method returning {type.Name}");
    }
}
