using System.Net;
using EUeConformance.Network.Udp;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Manager;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// Notifications both ways with net-snmp over UDP on 127.0.0.1. Its snmpinform (v2c, v3 authPriv)
/// gets our receiver's acknowledgement, so it exits 0, and snmptrap's traps (v1, v2c, v3) are
/// recorded with their values. Our originator's informs and traps reach snmptrapd, started here with
/// a generated configuration authorising our user and community, which prints what it received
/// (its security and every varbind), and it acknowledges the informs.
/// </summary>
public class NetSnmpNotificationInteropTests(ITestOutputHelper output)
{
    static readonly byte[] ReceiverEngineId = Convert.FromHexString("80001F8880C1C2C3C4C5C6C7C8");
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    const string Enrollment = "1.3.6.1.2.1.140.0.1";
    const string CorrelationId0 = "1.3.6.1.2.1.140.1.3.3.0";

    static string[] V3(string user, string auth, string priv) =>
        ["-v3", "-l", "authPriv", "-u", user, "-a", auth, "-A", UsmTestData.AuthPassword, "-x", priv, "-X", UsmTestData.PrivPassword];

    async Task<(SnmpNotificationReceiver Receiver, UdpSnmpTransport Transport, CancellationTokenSource Stop, Task Serving)> StartReceiver()
    {
        // Informs: this engine is authoritative. Traps: the sender is (snmptrap -e names its engine).
        var engine = new SnmpEngine(ReceiverEngineId, 1, TimeProvider.System,
        [
            SnmpTestBed.ShaAesCredentials.ForEngine(ReceiverEngineId), SnmpTestBed.Md5DesCredentials.ForEngine(ReceiverEngineId),
            SnmpTestBed.ShaAesCredentials.ForEngine(UsmTestData.OtherEngineId),
        ]);
        var receiver = new SnmpNotificationReceiver(engine, new SnmpNotificationReceiverOptions { Communities = new HashSet<string> { "public" } });
        var transport = UdpSnmpTransport.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var stop = new CancellationTokenSource();
        await Task.CompletedTask;
        return (receiver, transport, stop, receiver.RunAsync(transport, stop.Token));
    }

    [Theory]
    [InlineData("v2c")]
    [InlineData("v3 SHA/AES")]
    [InlineData("v3 MD5/DES")]
    public async Task Snmpinform_is_acknowledged_by_our_receiver_and_recorded_with_its_values(string security)
    {
        var (receiver, transport, stop, serving) = await StartReceiver();
        try
        {
            string[] sec = security switch { "v2c" => ["-v2c", "-c", "public"], "v3 SHA/AES" => V3("provserver", "SHA", "AES"), _ => V3("md5des", "MD5", "DES") };
            var r = await NetSnmp.RunAsync("snmpinform", [.. sec, "-r", "1", "-t", "5", $"127.0.0.1:{transport.LocalEndPoint.Port}", "4242", Enrollment, CorrelationId0, "u", "4711"]);
            output.WriteLine(r.ToString());
            r.ExitCode.Should().Be(0, $"snmpinform exits 0 only when the receiver acknowledged: {r}");
            var n = await receiver.WaitAsync(x => x.IsInform, Bound);
            n.TrapOid.Should().Be(ObjectIdentifier.Parse(Enrollment));
            n.VarBinds[0].Should().Be(new VarBind("1.3.6.1.2.1.1.3.0", SnmpValue.TimeTicks(4242)));
            n.VarBinds[2].Should().Be(new VarBind(CorrelationId0, SnmpValue.Gauge32(4711)));
            if (security == "v2c") n.Community.Should().Be("public");
            else (n.UserName, n.SecurityLevel).Should().Be((security.Contains("SHA") ? "provserver" : "md5des", UsmSecurityLevel.AuthPriv));
        }
        finally { await stop.CancelAsync(); await serving; await transport.DisposeAsync(); }
    }

    [Fact]
    public async Task Snmpinform_with_a_wrong_key_is_refused_with_a_Report_and_not_recorded()
    {
        var (receiver, transport, stop, serving) = await StartReceiver();
        try
        {
            var r = await NetSnmp.RunAsync("snmpinform", ["-v3", "-l", "authPriv", "-u", "provserver", "-a", "SHA", "-A", "not-the-password", "-x", "AES", "-X", UsmTestData.PrivPassword,
                "-r", "0", "-t", "5", $"127.0.0.1:{transport.LocalEndPoint.Port}", "1", Enrollment]);
            r.ExitCode.Should().NotBe(0);
            r.Stderr.Should().Contain("Authentication failure", "net-snmp read our usmStatsWrongDigests Report");
            receiver.Engine.Counters[SnmpCounter.UsmStatsWrongDigests].Should().Be(1);
            receiver.Received.Should().BeEmpty();
        }
        finally { await stop.CancelAsync(); await serving; await transport.DisposeAsync(); }
    }

    [Fact]
    public async Task Snmptrap_v1_v2c_and_v3_are_recorded_by_our_receiver()
    {
        var (receiver, transport, stop, serving) = await StartReceiver();
        try
        {
            string to = $"127.0.0.1:{transport.LocalEndPoint.Port}";
            (await NetSnmp.RunAsync("snmptrap", ["-v1", "-c", "public", to, "1.3.6.1.4.1.4491.2.2.1", "10.0.0.2", "6", "2", "77", "1.3.6.1.2.1.140.1.1.8.0", "i", "1"])).ExitCode.Should().Be(0);
            (await NetSnmp.RunAsync("snmptrap", ["-v2c", "-c", "public", to, "88", Enrollment, CorrelationId0, "u", "1"])).ExitCode.Should().Be(0);
            (await NetSnmp.RunAsync("snmptrap", [.. V3("provserver", "SHA", "AES"), "-e", Convert.ToHexString(UsmTestData.OtherEngineId), to, "99", Enrollment, CorrelationId0, "u", "2"])).ExitCode.Should().Be(0);

            var v1 = await receiver.WaitAsync(n => n.Version == SnmpVersion.V1, Bound);
            ((TrapV1Pdu)v1.Pdu).TimeStamp.Should().Be(77);
            v1.TrapOid.Should().Be(ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.1.0.2"));
            var v2 = await receiver.WaitAsync(n => n.Version == SnmpVersion.V2c, Bound);
            (v2.Type, v2.TrapOid).Should().Be((PduType.SnmpV2Trap, ObjectIdentifier.Parse(Enrollment)));
            v2[ObjectIdentifier.Parse(CorrelationId0)].Should().Be(SnmpValue.Gauge32(1));
            var v3 = await receiver.WaitAsync(n => n.Version == SnmpVersion.V3, Bound);
            (v3.UserName, v3.SecurityLevel).Should().Be(("provserver", UsmSecurityLevel.AuthPriv));
            v3[ObjectIdentifier.Parse(CorrelationId0)].Should().Be(SnmpValue.Gauge32(2));
        }
        finally { await stop.CancelAsync(); await serving; await transport.DisposeAsync(); }
    }

    [Fact]
    public async Task Our_Informs_and_Traps_are_accepted_by_snmptrapd()
    {
        string config = $"""
            createUser provserver SHA {UsmTestData.AuthPassword} AES {UsmTestData.PrivPassword}
            createUser -e 0x{Convert.ToHexString(UsmTestData.EngineId)} provserver SHA {UsmTestData.AuthPassword} AES {UsmTestData.PrivPassword}
            authUser log provserver priv
            authCommunity log public
            """;
        await using var trapd = await NetSnmp.Daemon.StartAsync("snmptrapd", config, ["-On", "-F", "NOTIFICATION %P\t%v\n"], "NET-SNMP version", Bound);
        output.WriteLine($"snmptrapd pid {trapd.Pid} on {trapd.EndPoint}");

        var bed = new SnmpTestBed(time: TimeProvider.System);
        await using var transport = UdpSnmpTransport.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var stop = new CancellationTokenSource();
        var serving = bed.Agent.RunAsync(transport, stop.Token);
        try
        {
            VarBind[] objects = [new(CorrelationId0, SnmpValue.Gauge32(4711)), new(MibNames.IetfMta.PktcMtaDevTypeIdentifier.InstanceId(0), SnmpValue.OctetString("pktc2.0:0501"))];
            var v3 = SnmpTarget.V3(trapd.EndPoint, SnmpTestBed.ShaAesCredentials) with { Timeout = TimeSpan.FromSeconds(5), Retries = 1 };
            var ack = await bed.Agent.Notifications.InformAsync(v3, ObjectIdentifier.Parse(Enrollment), objects);
            ack.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
            ack.VarBinds.Skip(2).Should().Equal(objects, "snmptrapd's Response carries our varbinds");
            var v2c = await bed.Agent.Notifications.InformAsync(SnmpTarget.V2c(trapd.EndPoint, "public") with { Timeout = TimeSpan.FromSeconds(5), Retries = 1 },
                MibNames.IetfMta.PktcMtaDevProvisioningStatus.Id, [new(MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0), SnmpValue.Integer(1))]);
            v2c.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
            await bed.Agent.Notifications.TrapAsync(v3, ObjectIdentifier.Parse(Enrollment), objects);

            await trapd.WaitForOutputAsync("TRAP2, SNMP v3", Bound);
            var lines = trapd.Output.Split('\n').Where(l => l.StartsWith("NOTIFICATION", StringComparison.Ordinal)).ToList();
            output.WriteLine(string.Join("\n", lines));
            lines.Should().HaveCount(3);
            lines[0].Should().StartWith("NOTIFICATION INFORM, SNMP v3, user provserver")
                .And.Contain($".1.3.6.1.6.3.1.1.4.1.0 = OID: .{Enrollment}")
                .And.Contain($".{CorrelationId0} = Gauge32: 4711")
                .And.Contain(".1.3.6.1.2.1.140.1.1.7.0 = STRING: \"pktc2.0:0501\"");
            lines[1].Should().StartWith("NOTIFICATION INFORM, SNMP v2c, community public")
                .And.Contain(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.2.1.140.0.2")
                .And.Contain(".1.3.6.1.2.1.140.1.1.8.0 = INTEGER: 1");
            lines[2].Should().StartWith("NOTIFICATION TRAP2, SNMP v3, user provserver").And.Contain($".{CorrelationId0} = Gauge32: 4711");
        }
        finally { await stop.CancelAsync(); await serving; }
    }
}
