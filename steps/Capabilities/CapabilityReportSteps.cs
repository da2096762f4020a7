using System.Text;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Profile;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Capabilities;

/// <summary>
/// The eUE's capability report (EUE-PROV 6.6.1, Annex A): in IPv4 mode DHCPv4 option 60 holds "pktc2.0:" and the
/// TLV 5 block in hex (PKT-PROV1.5 "MTA Device Capabilities"); in IPv6 mode CL_OPTION_MODEM_CAPABILITIES (35)
/// holds the same TLVs in binary. Annex A: 5.1 = 2, 5.3 and 5.4 (A.1), and 5.26 (A.2) always.
/// </summary>
[Binding]
public sealed class CapabilityReportSteps(Lab lab, ScenarioContext scenario, DutProfile profile)
{
    const string Key = "capability-reports";

    /// <summary>One report: the message it came in and its sub-TLVs in order.</summary>
    sealed record Report(EvidenceEvent Event, string Carrier, IReadOnlyList<(byte Type, byte[] Value)> Tlvs);

    List<Report> Reports
    {
        get
        {
            if (scenario[Key] is List<Report> r) return r;
            var list = new List<Report>();
            scenario[Key] = list;
            return list;
        }
    }

    /// <summary>6.6.1 bullet 1: "pktc2.0:" (not "pktc1.5:") then TLV 5 as hex, in the DISCOVER and the REQUEST.</summary>
    [Then(@"^the eUE reports its capabilities in option 60 of its DHCPDISCOVER and DHCPREQUEST as ""pktc2\.0:"" followed by TLV 5 in hex$")]
    public async Task ThenOption60()
    {
        await lab.AwaitAsync("DHCPREQUEST from the eUE", Traffic.From(Traffic.EueDhcpv4, "REQUEST"), lab.Boot, protocol: "dhcp");
        var messages = lab.Seen(e => Traffic.From(Traffic.EueDhcpv4, "DISCOVER")(e) || Traffic.From(Traffic.EueDhcpv4, "REQUEST")(e));
        foreach (var e in messages)
        {
            var m = e.Message<DhcpMessage>();
            if (m.GetOption(DhcpOptionCode.VendorClassIdentifier) is not { } raw)
                throw lab.Fail($"the eUE's {e.Kind} carries no option 60", expected: "option 60 \"pktc2.0:\" + capabilities (6.6.1)", seen: "no option 60", e);
            string text = Encoding.ASCII.GetString(raw.Value);
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            string prefix = colon < 0 ? text : text[..(colon + 1)];
            if (prefix != "pktc2.0:")
                throw lab.Fail($"the eUE's {e.Kind} reports its capabilities under another prefix", expected: "\"pktc2.0:\" (6.6.1: not \"pktc1.5:\")", seen: $"\"{Shorten(text)}\"", e);
            DeviceCapabilities caps;
            try { caps = DeviceCapabilities.Decode(raw.Value); }
            catch (ParseError p)
            {
                throw lab.Fail($"the capabilities in the eUE's option 60 are not a well-formed hex TLV 5: {p.Message}", expected: "\"pktc2.0:\" then 05, the length, and type-length-value sub-TLVs, all in hex",
                    seen: $"\"{Shorten(text)}\"", e);
            }
            Reports.Add(new Report(e, $"option 60 of the {e.Kind}", [.. caps.Capabilities.Select(c => (c.Code, c.Value.ToArray()))]));
        }
        lab.Witness(messages[0], $"option 60 \"{Shorten(Encoding.ASCII.GetString(messages[0].Message<DhcpMessage>().GetOption(DhcpOptionCode.VendorClassIdentifier)!.Value))}\"");
    }

    /// <summary>6.6.1 bullet 2 and Table 5 eUE-1: the capabilities in binary in CL option 35 of the SOLICIT.</summary>
    [Then(@"^the eUE reports its capabilities in CL_OPTION_MODEM_CAPABILITIES of its SOLICIT$")]
    public async Task ThenClOption35()
    {
        var e = await lab.AwaitAsync("SOLICIT from the eUE", Traffic.From(Traffic.EueDhcpv6, "SOLICIT"), lab.Boot, protocol: "dhcpv6");
        ModemCapabilities? caps;
        try { caps = e.Message<Dhcp6Message>().CableLabs?.ModemCapabilities; }
        catch (ParseError p)
        {
            throw lab.Fail($"the eUE's CL_OPTION_MODEM_CAPABILITIES does not decode: {p.Message}", expected: "binary type-length-value capabilities (CL option 35)", seen: "malformed", e);
        }
        if (caps is null)
            throw lab.Fail("the eUE's SOLICIT carries no CL_OPTION_MODEM_CAPABILITIES", expected: "option 17 / 4491 with CL option 35 (6.6.1)", seen: "none", e);
        Reports.Add(new Report(e, "CL option 35 of the SOLICIT", [.. caps.Capabilities.Select(c => (c.Type, c.Value.ToArray()))]));
        lab.Witness(e, "CL_OPTION_MODEM_CAPABILITIES");
    }

    IReadOnlyList<Report> Judged => Reports.Count > 0 ? Reports
        : throw new InvalidOperationException("a capability step needs a report: call 'the eUE reports its capabilities ...' first");

    /// <summary>A.2: TLV 5.1 is always there; PacketCable 2.0 is the value 2.</summary>
    [Then(@"^the capability report carries TLV 5\.1 with the value 2, PacketCable 2\.0$")]
    public void ThenVersion()
    {
        foreach (var r in Judged)
        {
            var v = Find(r, EueCapability.PacketCableVersion, "5.1 (PacketCable version)");
            if (v.Length != 1 || v[0] != 2)
                throw lab.Fail($"{r.Carrier} reports another PacketCable version", expected: "5.1 = 02 (PacketCable 2.0, A.2)", seen: $"5.1 = {Convert.ToHexString(v)}", r.Event);
        }
    }

    /// <summary>A.1: 5.3 TGT support and 5.4 HTTP download support, one octet, 0 (no) or 1 (yes), as PKT-PROV1.5 encodes them.</summary>
    [Then(@"^the capability report carries TLVs 5\.3 and 5\.4 of one octet each, 0 or 1$")]
    public void ThenTgtAndHttp()
    {
        foreach (var r in Judged)
        {
            OneOctetFlag(r, EueCapability.TgtSupport, "5.3 (TGT support)");
            OneOctetFlag(r, EueCapability.HttpDownloadFileAccessMethodSupport, "5.4 (HTTP download support)");
        }
    }

    /// <summary>A.2: 5.26 Certificate Bootstrapping support is always reported; its value agrees with the ICS (6.6.5-01).</summary>
    [Then(@"^the capability report carries TLV 5\.26 of one octet, agreeing with the certificate-bootstrapping answer of the ICS$")]
    public void ThenCertificateBootstrapping()
    {
        bool declared = profile.Has("certificate-bootstrapping");
        foreach (var r in Judged)
        {
            var v = OneOctetFlag(r, EueCapability.CertificateBootstrappingSupport, "5.26 (Certificate Bootstrapping support)");
            if ((v == 1) != declared)
                throw lab.Fail($"{r.Carrier} reports Certificate Bootstrapping support other than the ICS says", expected: $"5.26 = {(declared ? 1 : 0)} (ICS certificate-bootstrapping: {declared.ToString().ToLowerInvariant()})",
                    seen: $"5.26 = {v}", r.Event);
        }
    }

    byte[] Find(Report r, byte type, string name)
    {
        var found = r.Tlvs.Where(t => t.Type == type).ToList();
        if (found.Count == 0)
            throw lab.Fail($"{r.Carrier} lacks capability {name}", expected: $"TLV {name} present (Annex A)", seen: $"sub-TLVs {string.Join(", ", r.Tlvs.Select(t => $"5.{t.Type}"))}", r.Event);
        if (found.Count > 1)
            throw lab.Fail($"{r.Carrier} reports capability {name} {found.Count} times", expected: "one", seen: $"{found.Count}", r.Event);
        return found[0].Value;
    }

    byte OneOctetFlag(Report r, byte type, string name)
    {
        var v = Find(r, type, name);
        if (v.Length != 1 || v[0] > 1)
            throw lab.Fail($"{r.Carrier} encodes capability {name} wrongly", expected: "one octet, 0 (no) or 1 (yes)", seen: $"{v.Length} octet(s): {Convert.ToHexString(v)}", r.Event);
        return v[0];
    }

    static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
