using System.Net;
using EUeConformance.Network.Udp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// net-snmp's tools against the eUE's MIB objects (<see cref="EueAgentMib"/>) on a real UDP socket
/// (127.0.0.1), in SNMPv3 authPriv SHA/AES: snmpset creates a notification receiver in the RFC 3413
/// tables and points syslog at a server, snmpbulkwalk and snmpget read back the rows with their
/// DEFVALs and the provisioning objects, and the agent resolves the receiver it was given.
/// </summary>
public class NetSnmpEueAgentMibTests(ITestOutputHelper output) : IAsyncLifetime
{
    readonly EueAgentMibBed _bed = new(time: TimeProvider.System);
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

    async Task<NetSnmp.Result> Run(string tool, params string[] args)
    {
        var result = await NetSnmp.RunAsync(tool, ["-v3", "-l", "authPriv", "-u", "provserver", "-a", "SHA", "-A", UsmTestData.AuthPassword, "-x", "AES", "-X", UsmTestData.PrivPassword,
            "-r", "1", "-t", "5", "-On", $"127.0.0.1:{_transport!.LocalEndPoint.Port}", .. args]);
        output.WriteLine($"{tool} {string.Join(' ', args)}: {result}");
        return result;
    }

    static string[] Lines(NetSnmp.Result r) => r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    const string TargetAddr = "1.3.6.1.6.3.12.1.2.1", TargetParams = "1.3.6.1.6.3.12.1.3.1", NotifyEntry = "1.3.6.1.6.3.13.1.1.1";
    const string Nms = "110.109.115", Prm = "112.114.109"; // IMPLIED "nms" and "prm"

    [Fact]
    public async Task Snmpset_creates_a_notification_receiver_and_snmpbulkwalk_reads_it_back_with_the_RFC_3413_defaults()
    {
        var r = await Run("snmpset",
            $"{TargetAddr}.2.{Nms}", "o", "1.3.6.1.6.1.1", $"{TargetAddr}.3.{Nms}", "x", "0A000001 00A2", $"{TargetAddr}.6.{Nms}", "s", "nms",
            $"{TargetAddr}.7.{Nms}", "s", "prm", $"{TargetAddr}.9.{Nms}", "i", "4",
            $"{TargetParams}.2.{Prm}", "i", "3", $"{TargetParams}.3.{Prm}", "i", "3", $"{TargetParams}.4.{Prm}", "s", "provserver", $"{TargetParams}.5.{Prm}", "i", "3",
            $"{TargetParams}.7.{Prm}", "i", "4",
            $"{NotifyEntry}.2.{Nms}", "s", "nms", $"{NotifyEntry}.3.{Nms}", "i", "2", $"{NotifyEntry}.5.{Nms}", "i", "4");
        r.ExitCode.Should().Be(0, r.ToString());

        r = await Run("snmpbulkwalk", TargetAddr);
        r.ExitCode.Should().Be(0, r.ToString());
        Lines(r).Should().Equal(
            $".{TargetAddr}.2.{Nms} = OID: .1.3.6.1.6.1.1",
            $".{TargetAddr}.3.{Nms} = Hex-STRING: 0A 00 00 01 00 A2",
            $".{TargetAddr}.4.{Nms} = INTEGER: 1500",
            $".{TargetAddr}.5.{Nms} = INTEGER: 3",
            $".{TargetAddr}.6.{Nms} = STRING: \"nms\"",
            $".{TargetAddr}.7.{Nms} = STRING: \"prm\"",
            $".{TargetAddr}.8.{Nms} = INTEGER: 3",
            $".{TargetAddr}.9.{Nms} = INTEGER: 1");

        var target = _bed.Eue.NotificationReceivers.Targets().Should().ContainSingle().Subject;
        (target.EndPoint, target.Inform, target.Version, target.SecurityName, target.Timeout, target.Retries)
            .Should().Be((new IPEndPoint(IPAddress.Parse("10.0.0.1"), 162), true, EUeConformance.Protocols.Snmp.SnmpVersion.V3, "provserver", TimeSpan.FromSeconds(15), 3));
    }

    [Fact]
    public async Task Snmpset_points_syslog_at_a_server_and_a_mismatched_type_is_refused_with_inconsistentValue()
    {
        const string Group = "1.3.6.1.4.1.4491.2.2.3.1";
        var r = await Run("snmpset", $"{Group}.2.0", "i", "1", $"{Group}.3.0", "x", "0A000005", $"{Group}.4.0", "u", "1514");
        r.ExitCode.Should().Be(0, r.ToString());
        _bed.Eue.Events.Control.SyslogDestination.Should().Be(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 1514));

        r = await Run("snmpset", $"{Group}.2.0", "i", "2");
        r.ExitCode.Should().NotBe(0);
        (r.Stdout + r.Stderr).Should().Contain("inconsistentValue").And.Contain($"{Group}.2.0");

        r = await Run("snmpget", $"{Group}.1.0", $"{Group}.2.0", $"{Group}.4.0");
        Lines(r).Should().Equal($".{Group}.1.0 = Hex-STRING: 00", $".{Group}.2.0 = INTEGER: 1", $".{Group}.4.0 = Gauge32: 1514");
    }

    [Fact]
    public async Task Snmpget_reads_the_enrollment_objects_and_snmpset_of_the_key_outside_the_secure_flow_is_refused()
    {
        var r = await Run("snmpget", "1.3.6.1.2.1.140.1.1.3.0", "1.3.6.1.2.1.140.1.1.7.0", "1.3.6.1.2.1.2.2.1.6.1", "1.3.6.1.2.1.140.1.3.3.0");
        r.ExitCode.Should().Be(0, r.ToString());
        Lines(r).Should().Equal(
            $".1.3.6.1.2.1.140.1.1.3.0 = STRING: \"{EueAgentMibBed.Identity.SoftwareVersion}\"",
            $".1.3.6.1.2.1.140.1.1.7.0 = STRING: \"{EueAgentMibBed.Identity.TypeIdentifier}\"",
            ".1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 10 95 00 00 02",
            ".1.3.6.1.2.1.140.1.3.3.0 = Gauge32: 4711");

        _bed.Flow = EUeConformance.Protocols.Dhcp4.ProvisioningFlow.Hybrid;
        r = await Run("snmpset", "1.3.6.1.2.1.140.1.2.12.0", "x", new string('A', 64));
        (r.Stdout + r.Stderr).Should().Contain("inconsistentValue");
    }
}
