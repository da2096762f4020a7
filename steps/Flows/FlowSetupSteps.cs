using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Profile;
using EUeConformance.Steps.Bed;
using static EUeConformance.Steps.Bed.LabAddresses;

namespace EUeConformance.Steps.Flows;

/// <summary>
/// How the operator's servers behind the Basic and Hybrid flows are set up, or made to misbehave, before the E-UE
/// starts: the URL the Provisioning Server SETs (eUE-19), what DNS knows of the configuration server (eUE-20/21),
/// the Configuration Server's answers (eUE-22/23), the configuration file, the syslog and TFTP servers and the
/// provisioning timer the eUE's DHCP servers give, and the Provisioning Server's own answers (eUE-19, eUE-25).
/// </summary>
[Binding]
public sealed class FlowSetupSteps(LabPlan plan, DutProfile profile)
{
    /// <summary>The P-CSCF the configuration files of these scenarios name (documentation addresses: no host has them).</summary>
    public static readonly IPAddress PcscfV4 = IPAddress.Parse("192.0.2.50"), PcscfV6 = IPAddress.Parse("2001:db8:1::50");
    /// <summary>A P-CSCF a DHCP server offers with the SIP server options (PKT-24.229 method I): the eUE must never take it.</summary>
    public static readonly IPAddress DecoyV4 = IPAddress.Parse("192.0.2.66"), DecoyV6 = IPAddress.Parse("2001:db8:1::66");
    /// <summary>Addresses of the lab's link that no host has: a TFTP server there never answers.</summary>
    public static readonly IPAddress SilentV6 = IPAddress.Parse("2001:db8:1::99"), SilentV6b = IPAddress.Parse("2001:db8:1::98");

    // ---------------------------------------------------------------- eUE-19: the URL

    [Given(@"^the Provisioning Server names the configuration file by the URL (\S+)$")]
    public void GivenTheUrl(string url)
    {
        plan.EueEdits.Add(e => e with { ConfigFileUrl = url });
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/') : ConfigFileName;
        // The Configuration Server has the file under the URL's name too (a URL naming an absent file is written with 'absent').
        if (path != ConfigFileName && !path.Contains("absent", StringComparison.Ordinal))
            plan.DatabaseEdits.Add(db => db.AddFile(db.FindFile(ConfigFileName)! with { Name = path }));
    }

    [Given(@"^only an IPv4 address of ([a-z0-9.-]+) is in DNS$")]
    public void GivenOnlyIpv4(string name) =>
        plan.DatabaseEdits.Add(db => db.AddZone(DnsZoneData.Create(name, DnsRecord.A(DnsName.Parse(name), 3600, HeadendV4))));

    [Given(@"^the DNS server does not answer lookups of ([a-z0-9.-]+)$")]
    public void GivenDnsSilentFor(string name) =>
        plan.HeadendSetup.Add(h => h.Dns.Overrides.Add(new Drop(MessageSelector.Received("QUERY").Matching(q =>
            q is DnsMessage m && m.Questions.Any(x => x.Name.ToString().TrimEnd('.').Equals(name, StringComparison.OrdinalIgnoreCase))))));

    // ---------------------------------------------------------------- eUE-22/23: the Configuration Server

    [Given(@"^the Configuration Server ignores read requests for ([\w./-]+)$")]
    public void GivenTftpIgnores(string file) =>
        plan.HeadendSetup.Add(h => h.Tftp.Overrides.Add(new Drop(MessageSelector.Received("RRQ").Matching(r =>
            r is TftpReadRequest rrq && rrq.Filename.TrimStart('/') == file))));

    /// <summary>The transfer stops after its first block: the server ignores every acknowledgement beyond block 0.</summary>
    [Given(@"^the Configuration Server's TFTP transfer stalls after the first block$")]
    public void GivenTransferStalls()
    {
        // The file must span several blocks of 1428 octets: pad it with repeated settings.
        var body = plan.ConfigFileBody;
        plan.ConfigFileBody = b =>
        {
            body(b);
            for (int i = 0; i < 200; i++) b.SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true);
        };
        plan.HeadendSetup.Add(h => h.Tftp.Overrides.Add(new Drop(MessageSelector.Received("ACK").Matching(p => p is TftpAck { Block: >= 1 }))));
    }

    // ---------------------------------------------------------------- the configuration file

    /// <summary>A P-CSCF row (pktcEUEDevPCSCFTable, index 1) in the file: the file's settings a GET can read back.</summary>
    [Given(@"^the configuration file names the P-CSCF$")]
    public void GivenPcscfInFile()
    {
        var body = plan.ConfigFileBody;
        plan.ConfigFileBody = b =>
        {
            body(b);
            foreach (var v in PcscfRow(1, plan.EueIpPreference == Protocols.Dhcp4.IpPreference.Ipv4 ? PcscfV4 : PcscfV6, 4)) b.SetMib(v);
        };
    }

    public static IReadOnlyList<VarBind> PcscfRow(uint index, IPAddress address, int rowStatus) =>
    [
        new(MibNames.EueDev.PktcEUEDevPCSCFAddrType.InstanceId(index), SnmpValue.Integer(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 1 : 2)),
        new(MibNames.EueDev.PktcEUEDevPCSCFAddr.InstanceId(index), SnmpValue.OctetString(address.GetAddressBytes())),
        new(MibNames.EueDev.PktcEUEDevPCSCFSipPort.InstanceId(index), SnmpValue.Gauge32(5060)),
        new(MibNames.EueDev.PktcEUEDevPCSCFRowStatus.InstanceId(index), SnmpValue.Integer(rowStatus)),
    ];

    /// <summary>TLV 38 (PKT-PROV1.5 §11.1, 38.8 of 6.5): an SNMPv2c INFORM receiver at the headend's notification port.</summary>
    [Given(@"^the configuration file names an SNMPv2c INFORM receiver at the headend$")]
    public void GivenReceiver()
    {
        var body = plan.ConfigFileBody;
        plan.ConfigFileBody = b =>
        {
            body(b);
            b.NotificationReceiver(new NotificationReceiver { Ipv4Address = HeadendV4, Ipv6Address = HeadendV6, UdpPort = 162, Type = NotificationReceiverType.SnmpV2cInform });
        };
    }

    /// <summary>A configuration-file error (PKT-PROV1.5 / 6.4.2): the end-of-data marker (TLV 254 / 0xFF) is missing.</summary>
    [Given(@"^the configuration file has no end marker$")]
    public void GivenNoEndMarker() => plan.ConfigFileBytes = bytes => bytes[..^1];

    // ---------------------------------------------------------------- the eUE's DHCP servers

    [Given(@"^the eUE's DHCP servers give no syslog server$")]
    public void GivenNoSyslog() => plan.EueEdits.Add(e => e with { SyslogServers = [] });

    [Given(@"^the eUE's DHCP servers give the TFTP servers (.+)$")]
    public void GivenTftpServers(string list) =>
        plan.EueEdits.Add(e => e with { TftpServers = [.. list.Split(',').Select(x => Address(x.Trim()))] });

    [Given(@"^the eUE's DHCP servers give a provisioning timer of (\d+) minutes?$")]
    public void GivenProvisioningTimer(int minutes) => plan.EueEdits.Add(e => e with { ProvisioningTimer = checked((byte)minutes) });

    /// <summary>PKT-24.229 method I: the DHCP server offers a SIP server (DHCPv6 options 21 and 22, DHCPv4 option 120) pointing at a decoy.</summary>
    [Given(@"^the eUE's DHCP servers also offer a decoy P-CSCF in the DHCP SIP server options$")]
    public void GivenDecoySipServer() => plan.HeadendSetup.Add(h =>
    {
        // RFC 3319: option 21 is a domain list, option 22 a list of IPv6 addresses; RFC 3361: option 120 with encoding 1 carries IPv4 addresses.
        byte[] domain = [5, .. "decoy"u8, 7, .. "example"u8, 3, .. "net"u8, 0];
        foreach (var kind in new[] { "ADVERTISE", "REPLY" })
        {
            h.EueDhcpV6.Overrides.Add(Override.AlterOption(kind, "21", domain));
            h.EueDhcpV6.Overrides.Add(Override.AlterOption(kind, "22", DecoyV6.GetAddressBytes()));
        }
        foreach (var kind in new[] { "OFFER", "ACK" })
            h.EueDhcpV4.Overrides.Add(Override.AlterOption(kind, "120", [1, .. DecoyV4.GetAddressBytes()]));
    });

    // ---------------------------------------------------------------- the Provisioning Server

    [Given(@"^the Provisioning Server never sends the eUE-19 SET$")]
    public void GivenNoSet() => plan.DatabaseEdits.Add(db => db.Provisioning = db.Provisioning with { SetConfigFile = false });

    [Given(@"^the Provisioning Server SETs a hash that does not match the file$")]
    public void GivenWrongHash() =>
        plan.HeadendSetup.Add(h => h.ProvisioningServer!.Overrides.Add(new SetField(MessageSelector.Sent("SetRequest"), "hash", new string('0', 40))));

    [Given(@"^the Provisioning Server does not acknowledge the eUE's status INFORM$")]
    public void GivenStatusUnacknowledged() =>
        plan.HeadendSetup.Add(h => h.ProvisioningServer!.Overrides.Add(new Drop(MessageSelector.Received("InformRequest").Matching(n => n is ProvisioningNotification { IsStatus: true }))));

    static IPAddress Address(string text) => text switch
    {
        "the headend" => HeadendV6,
        "a silent server" => SilentV6,
        "another silent server" => SilentV6b,
        _ => IPAddress.Parse(text),
    };

    /// <summary>Scenarios of the http-config ICS item.</summary>
    [Given(@"^the eUE supports HTTP for its configuration file$")]
    public void GivenHttp()
    {
        if (profile.Has("http-config")) return;
        throw ScenarioContext.NotApplicable($"the scenario needs ICS 'http-config', which the profile answers 'no' ({Path.GetFileName(profile.Path)}:{profile.IcsLines.GetValueOrDefault("http-config")})");
    }
}
