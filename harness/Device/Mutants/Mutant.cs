using EUeConformance.Device.Options;

namespace EUeConformance.Device.Mutants;

/// <summary>
/// A named, documented deviation of the reference E-UE: the conforming device's options with one policy (or
/// claim) changed, so that it breaks the requirements it <see cref="Targets"/>. The suite must fail those and
/// change nothing outside <see cref="BlastRadius"/> (ARCHITECTURE.md, "The suite must be able to fail").
/// </summary>
/// <param name="Name">kebab-case, as `eue-conformance run --mutant NAME` takes it.</param>
/// <param name="Description">What the device does wrong, with the spec locator it violates.</param>
/// <param name="Targets">The catalog ids the suite must fail on this mutant.</param>
/// <param name="Apply">Turns the reference device's options into the mutant's.</param>
public sealed record Mutant(string Name, string Description, IReadOnlyList<string> Targets, Func<ReferenceDeviceOptions, ReferenceDeviceOptions> Apply)
{
    /// <summary>
    /// Other requirement ids (or id prefixes ending in '*') whose verdict may legitimately change too: a mutant that
    /// breaks an early flow step also stops what comes after it from passing.
    /// </summary>
    public IReadOnlyList<string> BlastRadius { get; init; } = [];

    /// <summary>
    /// ICS answers the mutant's device claims instead of the reference profile's (e.g. an IPv4-only eUE that still asks
    /// for IPv6 options): the suite plans and judges it with those answers, and its baseline is the reference device
    /// under the same claims.
    /// </summary>
    public IReadOnlyDictionary<string, bool> Ics { get; init; } = new Dictionary<string, bool>();

    /// <summary>The ICS variant as text, e.g. "ipv6=no", empty for the reference claims.</summary>
    public string IcsVariant => string.Join(",", Ics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={(p.Value ? "yes" : "no")}"));

    /// <summary>Whether a requirement id is a target or inside the blast radius.</summary>
    public bool MayChange(string requirementId) =>
        Targets.Contains(requirementId) || BlastRadius.Any(p => p.EndsWith('*') ? requirementId.StartsWith(p[..^1], StringComparison.Ordinal) : p == requirementId);
}
