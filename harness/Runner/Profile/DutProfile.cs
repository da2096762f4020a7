using EUeConformance.Runner.Expressions;

namespace EUeConformance.Runner.Profile;

/// <summary>
/// A device under test as its vendor describes it: the ICS (what it claims to support), its
/// declarations (statements for requirements no black-box test can see) and the IXIT (addresses,
/// identities, how to reset it, how long to wait for it).
/// </summary>
public sealed record DutProfile(
    string Path,
    string Text,
    string Sha256,
    string Name,
    string Adapter,
    IReadOnlyDictionary<string, bool> Ics,
    IReadOnlyDictionary<string, int> IcsLines,
    IReadOnlyDictionary<string, DeclarationAnswer> Declarations,
    Ixit Ixit)
{
    /// <summary>The answer to an ICS item; derived items are computed and headend items are false.</summary>
    public bool Has(string item)
    {
        var def = IcsVocabulary.Find(item) ?? throw new ArgumentException($"'{item}' is not an ICS item", nameof(item));
        if (def.Derived is not null) return def.Derived(Has);
        return Ics.TryGetValue(item, out bool v) && v;
    }

    public bool Satisfies(BoolExpression expression) => expression.Evaluate(Has);

    /// <summary>Why an expression is false under this profile, naming the answers and their lines.</summary>
    public string Explain(BoolExpression expression) =>
        string.Join(", ", expression.Names().Distinct().Select(n =>
            $"{n} = {(Has(n) ? "yes" : "no")}" + (IcsLines.TryGetValue(n, out int line) ? $" ({System.IO.Path.GetFileName(Path)}:{line})" : "")));
}

/// <param name="Answer">true when the vendor states the device meets it.</param>
/// <param name="Statement">The vendor's words and where the evidence is (document, version).</param>
public sealed record DeclarationAnswer(string Key, bool Answer, string Statement, int Line);

public sealed record Ixit(
    string EcmMac,
    string EueMac,
    string? SerialNumber,
    ResetMethod Reset,
    Timeouts Timeouts)
{
    /// <summary>
    /// What the bench's CMTS gives the eCM (DOCSIS leaves the eCM's IP provisioning mode to the CMTS):
    /// ipv4, ipv6, dual-ipv4 or dual-ipv6 (dual-stack, that mode primary); null: whatever a scenario asks for
    /// (the reference device, or a process that takes the mode as an argument).
    /// </summary>
    public string? EcmProvisioning { get; init; }

    /// <summary>How the 'process' adapter starts the device program.</summary>
    public ProcessLaunch? Process { get; init; }

    /// <summary>For --fabric interface: the lab NIC the headend answers on (the one cabled to the DUT's CMTS side).</summary>
    public string? HeadendInterface { get; init; }
}

/// <summary>
/// A device program the 'process' adapter starts at power-on and ends at power-off (firmware in an emulator,
/// the reference device as its own process). Arguments may name the ports the fabric made for it:
/// {ecm-netns} {ecm-interface} {eue-netns} {eue-interface} {ecm-mac} {eue-mac} {ecm-provisioning} {seed}.
/// </summary>
public sealed record ProcessLaunch(string Command, IReadOnlyList<string> Arguments, string? WorkingDirectory);

/// <param name="Kind">simulated (the built-in reference device), snmp (docsDevResetNow through the eCM),
/// command (a program such as a switched power outlet), prompt (ask the operator).</param>
public sealed record ResetMethod(string Kind, string? Command, string? EcmAddress, string? Community);

/// <param name="Step">Upper bound on any one step's wait.</param>
/// <param name="Scenario">Upper bound on one scenario.</param>
/// <param name="Boot">How long a reset device may take before it speaks.</param>
public sealed record Timeouts(TimeSpan Step, TimeSpan Scenario, TimeSpan Boot);
