using EUeConformance.Device.Options;

namespace EUeConformance.Device.Mutants;

/// <summary>Shorthands for the mutants' option changes (no mutants of its own).</summary>
internal static class Deviations
{
    public const string P = "EUE-PROV-";

    public static ReferenceDeviceOptions Behave(this ReferenceDeviceOptions o, Func<DeviceBehaviour, DeviceBehaviour> change) => o with { Behaviour = change(o.Behaviour) };

    public static ReferenceDeviceOptions Time(this ReferenceDeviceOptions o, Func<DeviceTimers, DeviceTimers> change) => o with { Timers = change(o.Timers) };

    /// <summary>The ICS claims of an eUE with IPv4 only, or IPv6 only (the eCM stays dual-stack).</summary>
    public static readonly IReadOnlyDictionary<string, bool> Ipv4Only = new Dictionary<string, bool> { ["ipv6"] = false };
    public static readonly IReadOnlyDictionary<string, bool> Ipv6Only = new Dictionary<string, bool> { ["ipv4"] = false };

    /// <summary>Catalog ids from their short form ("T2-CM1-01" → "EUE-PROV-T2-CM1-01").</summary>
    public static string[] Ids(params string[] shortIds) => [.. shortIds.Select(s => s.StartsWith(P, StringComparison.Ordinal) ? s : P + s)];
}
