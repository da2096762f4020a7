using System.Net;
using EUeConformance.Network.Udp;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// net-snmp's snmpget, snmpset, snmpwalk and snmpbulkwalk against our agent on a real UDP socket
/// (127.0.0.1, a free port), in SNMPv2c and in SNMPv3 authPriv with SHA/AES and MD5/DES (net-snmp
/// discovers our engine, then authenticates and encrypts): every value net-snmp prints is the one
/// the agent holds, and what it sets, the agent holds afterwards.
/// </summary>
public class NetSnmpAgentInteropTests(ITestOutputHelper output) : IAsyncLifetime
{
    readonly SnmpTestBed _bed = new(time: TimeProvider.System);
    readonly CancellationTokenSource _stop = new();
    UdpSnmpTransport? _transport;
    Task _serving = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _transport = UdpSnmpTransport.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _serving = _bed.Agent.RunAsync(_transport, _stop.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        await _transport!.DisposeAsync();
    }

    string Agent => $"127.0.0.1:{_transport!.LocalEndPoint.Port}";

    public static TheoryData<string> Securities => new() { "v2c", "v3 SHA/AES", "v3 MD5/DES" };

    static string[] Security(string security, bool write) => security switch
    {
        "v2c" => ["-v2c", "-c", write ? "private" : "public"],
        "v3 SHA/AES" => ["-v3", "-l", "authPriv", "-u", "provserver", "-a", "SHA", "-A", UsmTestData.AuthPassword, "-x", "AES", "-X", UsmTestData.PrivPassword],
        _ => ["-v3", "-l", "authPriv", "-u", "md5des", "-a", "MD5", "-A", UsmTestData.AuthPassword, "-x", "DES", "-X", UsmTestData.PrivPassword],
    };

    async Task<NetSnmp.Result> Run(string tool, string security, bool write, params string[] args)
    {
        var result = await NetSnmp.RunAsync(tool, [.. Security(security, write), "-r", "1", "-t", "5", "-On", Agent, .. args]);
        output.WriteLine($"{tool} ({security}): {result}");
        return result;
    }

    static string[] Lines(NetSnmp.Result r) => r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [MemberData(nameof(Securities))]
    public async Task Snmpget_reads_the_values_the_agent_holds(string security)
    {
        var r = await Run("snmpget", security, false, "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.140.1.1.8.0", "1.3.6.1.2.1.140.1.2.9.9");
        r.ExitCode.Should().Be(0, r.ToString());
        Lines(r).Should().Equal(
            $".1.3.6.1.2.1.1.1.0 = STRING: \"{SnmpTestBed.SysDescr}\"",
            ".1.3.6.1.2.1.140.1.1.8.0 = INTEGER: 2",
            ".1.3.6.1.2.1.140.1.2.9.9 = No Such Instance currently exists at this OID");
    }

    [Theory]
    [MemberData(nameof(Securities))]
    public async Task Snmpset_writes_the_configuration_file_URL_and_hash_the_eUE_is_given(string security)
    {
        string url = $"tftp://[2001:db8::1]/{security.Replace(' ', '-').Replace('/', '-')}.cfg";
        string hash = "000102030405060708090a0b0c0d0e0f10111213";
        var r = await Run("snmpset", security, true, "1.3.6.1.2.1.140.1.2.9.0", "s", url, "1.3.6.1.2.1.140.1.2.11.0", "x", hash);
        r.ExitCode.Should().Be(0, r.ToString());
        Lines(r)[0].Should().Be($".1.3.6.1.2.1.140.1.2.9.0 = STRING: \"{url}\"");
        Lines(r)[1].Should().StartWith(".1.3.6.1.2.1.140.1.2.11.0 = Hex-STRING: 00 01 02 03");
        _bed.ConfigFile.Value.ToText().Should().Be(url);
        ((EUeConformance.Protocols.Snmp.Agent.MibScalar)_bed.Mib.Find(MibNames.IetfMta.PktcMtaDevProvConfigHash.Id)!).Value.Bytes.ToArray().Should().Equal(Convert.FromHexString(hash));
    }

    [Theory]
    [MemberData(nameof(Securities))]
    public async Task Snmpset_is_refused_with_the_RFC_3416_error_net_snmp_names(string security)
    {
        var r = await Run("snmpset", security, true, "1.3.6.1.2.1.140.1.1.10.0", "u", "31");
        r.ExitCode.Should().NotBe(0);
        (r.Stdout + r.Stderr).Should().Contain("wrongValue").And.Contain("1.3.6.1.2.1.140.1.1.10.0");
        r = await Run("snmpset", security, true, "1.3.6.1.2.1.140.1.1.8.0", "i", "1");
        (r.Stdout + r.Stderr).Should().Contain("notWritable");
    }

    [Theory]
    [MemberData(nameof(Securities))]
    public async Task Snmpwalk_and_snmpbulkwalk_list_the_system_group_in_order_with_values(string security)
    {
        string[] expected =
        [
            $".1.3.6.1.2.1.1.1.0 = STRING: \"{SnmpTestBed.SysDescr}\"",
            ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.4491.2.2.10",
            ".1.3.6.1.2.1.1.3.0 = Timeticks:",
            ".1.3.6.1.2.1.1.4.0 = \"\"", // net-snmp prints an empty string without its type
            ".1.3.6.1.2.1.1.5.0 = STRING: \"eue-0001\"",
            ".1.3.6.1.2.1.1.6.0 = \"\"",
            ".1.3.6.1.2.1.1.7.0 = INTEGER: 72",
        ];
        foreach (var tool in new[] { "snmpwalk", "snmpbulkwalk" })
        {
            var r = await Run(tool, security, false, "1.3.6.1.2.1.1");
            r.ExitCode.Should().Be(0, r.ToString());
            var lines = Lines(r);
            lines.Should().HaveCount(expected.Length, $"{tool} lists the seven system objects");
            for (int i = 0; i < expected.Length; i++) if (i == 2) lines[i].Should().StartWith(expected[i], tool); else lines[i].Should().Be(expected[i], tool);
        }
    }

    [Theory]
    [MemberData(nameof(Securities))]
    public async Task Realm_rows_created_by_snmpset_createAndGo_come_back_from_snmpbulkwalk(string security)
    {
        const string entry = "1.3.6.1.2.1.140.1.3.6.1";
        var r = await Run("snmpset", security, true, $"{entry}.2.7", "s", "PCLAB.EXAMPLE.COM", $"{entry}.5.7", "s", "Example Cable Operator", $"{entry}.9.7", "i", "4");
        r.ExitCode.Should().Be(0, r.ToString());
        _bed.Realms.Row(7)!.Status.Should().Be(EUeConformance.Protocols.Snmp.Agent.RowStatus.Active);
        r = await Run("snmpset", security, true, $"{entry}.2.8", "s", "ONLY.NAME", $"{entry}.9.8", "i", "4");
        (r.Stdout + r.Stderr).Should().Contain("inconsistentValue", "createAndGo without the organization name (EUE-PROV 6.4.2.1 wants both)");

        r = await Run("snmpbulkwalk", security, false, "1.3.6.1.2.1.140.1.3.6");
        r.ExitCode.Should().Be(0, r.ToString());
        Lines(r).Should().Equal(
            $".{entry}.2.7 = STRING: \"PCLAB.EXAMPLE.COM\"",
            $".{entry}.5.7 = STRING: \"Example Cable Operator\"",
            $".{entry}.9.7 = INTEGER: 1");
    }
}
