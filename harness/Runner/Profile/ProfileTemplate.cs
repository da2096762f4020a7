using System.Text;
using EUeConformance.Runner.Catalog;

namespace EUeConformance.Runner.Profile;

/// <summary>
/// Writes a commented DUT profile for 'eue-conformance profile init': every ICS question with its
/// spec locator, every declaration the catalog asks for with the requirement behind it, and the IXIT.
/// The result loads as it stands; a declaration left commented out gives 'inconclusive', never 'pass'.
/// </summary>
public static class ProfileTemplate
{
    public static string Render(RequirementCatalog? catalog)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# EUeConformance DUT profile (PKT-SP-EUE-PROV-I05).");
        sb.AppendLine("# ICS: what the device claims to support; declarations: statements for requirements no");
        sb.AppendLine("# black-box test can see; IXIT: addresses, identities, reset and time bounds.");
        sb.AppendLine("# Check it with: eue-conformance profile check <this file>");
        sb.AppendLine("profile-version: 1");
        sb.AppendLine();
        sb.AppendLine("dut:");
        sb.AppendLine("  name: My E-UE model, firmware 1.0.0");
        sb.AppendLine("  # simulated = the built-in reference device; external = a device on the bench;");
        sb.AppendLine("  # process = a device program started by a command (firmware in an emulator)");
        sb.AppendLine("  adapter: external");
        sb.AppendLine();
        sb.AppendLine("ics:");
        foreach (var q in IcsVocabulary.DeviceQuestions)
        {
            sb.AppendLine($"  # {q.Question} (EUE-PROV {q.Locator})");
            bool suggested = q.Name is "ipv4" or "ipv6" or "ecm-ipv4" or "ecm-ipv6" or "tftp-blksize";
            sb.AppendLine($"  {q.Name}: {(suggested ? "true" : "false")}");
        }
        sb.AppendLine();
        sb.AppendLine("# Uncomment and answer each declaration. An unanswered one is 'inconclusive'.");
        sb.AppendLine("declarations:");
        var keys = catalog?.Requirements.Where(r => r.Declaration is not null).GroupBy(r => r.Declaration!) ?? [];
        bool any = false;
        foreach (var g in keys.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            any = true;
            foreach (var r in g) sb.AppendLine($"  # {r.Id} ({r.Keyword}): {OneLine(r.Summary)}");
            sb.AppendLine($"  # {g.Key}: {{ answer: yes, statement: \"where the evidence is: document, version\" }}");
        }
        if (!any) sb.AppendLine("  # (the catalog names no declarations)");
        sb.AppendLine();
        sb.AppendLine("ixit:");
        sb.AppendLine("  ecm-mac: 00:10:95:00:00:01");
        sb.AppendLine("  eue-mac: 00:10:95:00:00:02");
        sb.AppendLine("  serial-number: SN0000001");
        sb.AppendLine("  reset:");
        sb.AppendLine("    # simulated | snmp (SET docsDevResetNow on the eCM) | command | prompt (ask the operator)");
        sb.AppendLine("    method: prompt");
        sb.AppendLine("    # command: /usr/local/bin/outlet-cycle 3     # with method: command");
        sb.AppendLine("    # ecm-address: 192.0.2.10                     # with method: snmp");
        sb.AppendLine("  # ecm-provisioning: dual-ipv6   # the bench CMTS's eCM mode: ipv4 | ipv6 | dual-ipv4 | dual-ipv6 (omit: any)");
        sb.AppendLine("  # headend-interface: enp3s0     # with --fabric interface: the NIC cabled to the device's network");
        sb.AppendLine("  # process:                      # with dut.adapter: process: the device program and its arguments");
        sb.AppendLine("  #   command: /opt/vendor/emulator");
        sb.AppendLine("  #   arguments: [\"--nic\", \"{ecm-interface}\", \"--netns\", \"{ecm-netns}\", \"--eue-nic\", \"{eue-interface}\", \"--mode\", \"{ecm-provisioning}\"]");
        sb.AppendLine("  timeouts:");
        sb.AppendLine("    step: 60s        # the longest any one step waits for the device");
        sb.AppendLine("    scenario: 15m    # the longest one scenario may take");
        sb.AppendLine("    boot: 3m         # how long a reset device may stay silent");
        return sb.ToString();
    }

    static string OneLine(string s) => string.Join(' ', s.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
