namespace EUeConformance.Runner.Profile;

/// <summary>One question of the Implementation Conformance Statement (ICS).</summary>
/// <param name="Derived">Computed from other answers (dual-stack = ipv4 and ipv6); a profile may not set it.</param>
/// <param name="Headend">Describes the operator's deployment, not the device: server-side requirements only.</param>
public sealed record IcsItem(string Name, string Question, string Locator, Func<Func<string, bool>, bool>? Derived = null, bool Headend = false);

/// <summary>
/// The ICS items the catalog's applies-when expressions and the scenarios' @ics: tags may name.
/// A profile answers every device item; derived and headend items are never asked.
/// </summary>
public static class IcsVocabulary
{
    public static readonly IReadOnlyList<IcsItem> Items =
    [
        new("ipv4", "Does the eUE support the IPv4 addressing mode?", "6.3.3"),
        new("ipv6", "Does the eUE support the IPv6 addressing mode?", "6.3.4"),
        new("dual-stack", "(derived) The eUE supports both IPv4 and IPv6 modes.", "6.3.2.1", has => has("ipv4") && has("ipv6")),
        new("ecm-ipv4", "Can the eCM provision in IPv4 (Table 2)?", "6.3.1 Table 2"),
        new("ecm-ipv6", "Can the eCM provision in IPv6 (Table 3)?", "6.3.1 Table 3"),
        new("tftp-blksize", "Does the eUE send the TFTP blocksize option (RFC 2348) when it fetches its configuration file?", "6.3.3"),
        new("http-config", "Can the eUE fetch its configuration file over HTTP?", "6.1.5"),
        new("create-and-wait", "Does the eUE accept RowStatus createAndWait in its configuration file?", "6.4.2"),
        new("certificate-bootstrapping", "Does the eUE support Certificate Bootstrapping?", "6.6.5"),
        new("battery-backup", "Does the E-UE support battery backup?", "6.6.4"),
        new("dynamic-configuration", "(headend) Does the deployment configure unknown devices dynamically?", "6.2.2", Headend: true),
        new("multi-address-clients", "(headend) Does the deployment serve clients with IPv6 or several addresses?", "6.1.7", Headend: true),
    ];

    static readonly Dictionary<string, IcsItem> ByName = Items.ToDictionary(i => i.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Items.Select(i => i.Name);

    /// <summary>The items a DUT profile must answer.</summary>
    public static IEnumerable<IcsItem> DeviceQuestions => Items.Where(i => i.Derived is null && !i.Headend);

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    public static IcsItem? Find(string name) => ByName.GetValueOrDefault(name);
}
