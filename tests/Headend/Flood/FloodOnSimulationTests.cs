using System.Diagnostics;
using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Protocols.Time;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Tests.Headend.Provisioning;
using EUeConformance.Tests.Headend.Simulation;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Flood;

/// <summary>
/// The headend under a flood of malformed datagrams on every UDP port, on the simulation (exact counts,
/// no kernel in between): every datagram is one received event with its bytes, and those that do not
/// decode carry their parse error; afterwards every service still answers.
/// </summary>
[Collection(nameof(SimulationCollection))]
public sealed class FloodOnSimulationTests(ITestOutputHelper output)
{
    static readonly IPAddress FlooderV4 = IPAddress.Parse("192.0.2.99");
    static readonly IPAddress FlooderV6 = IPAddress.Parse("2001:db8:1::99");
    const int PerTarget = 8_500;
    const int Batch = 10;

    [Fact]
    public async Task Over_100000_malformed_datagrams_on_every_port_are_each_in_evidence_and_every_service_still_answers()
    {
        var db = SampleDatabase();
        db.Provisioning = new ProvisioningSnmpSettings { Community = SimulatedEueSnmp.Community };
        await using var bed = await SimulatedHeadend.StartAsync(EueMac, db);
        await bed.Fabric.InvokeAsync(async () =>
        {
            await bed.Device.AssignAddressAsync(new InterfaceAddress(FlooderV4, 24));
            await bed.Device.AssignAddressAsync(new InterfaceAddress(FlooderV6, 64));
        });
        var targets = MalformedFlood.Targets(HeadendV4, HeadendV6);
        var sent = targets.ToDictionary(t => t.Name, _ => new List<byte[]>());
        IDatagramSocket v4 = null!, v6 = null!;
        await bed.Fabric.InvokeAsync(() =>
        {
            v4 = bed.Device.OpenUdp(new IPEndPoint(IPAddress.Any, 40000));
            v6 = bed.Device.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 40000));
            v4.Received = v6.Received = _ => { }; // the ToD and DNS answers come back here
        });
        var random = new Random(5);
        int before = bed.Log.Events.Count;
        var wall = Stopwatch.StartNew();

        // The flood: Batch datagrams to every target per millisecond of fabric time.
        var flood = bed.Fabric.InvokeAsync("flooder", async () =>
        {
            for (int round = 0; round < PerTarget / Batch; round++)
            {
                foreach (var target in targets)
                    for (int i = 0; i < Batch; i++)
                    {
                        var bytes = MalformedFlood.Next(random, target);
                        sent[target.Name].Add(bytes);
                        (target.EndPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? v4 : v6).Send(bytes, target.EndPoint);
                    }
                await Task.Delay(TimeSpan.FromMilliseconds(1), bed.Fabric.Clock);
            }
        });
        (await bed.RunUntil(flood, TimeSpan.FromMinutes(5))).Should().BeTrue();
        await bed.Fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromSeconds(1));
        var elapsed = wall.Elapsed;

        int total = sent.Values.Sum(l => l.Count);
        total.Should().BeGreaterThanOrEqualTo(100_000);
        var received = bed.Log.Events.Skip(before)
            .Where(e => e.Direction == Direction.Received && (e.Peer.Address.Equals(FlooderV4) || e.Peer.Address.Equals(FlooderV6)) && e.Peer.Port == 40000)
            .ToList();
        foreach (var target in targets)
        {
            var here = received.Where(e => e.Local.Port == target.EndPoint.Port && e.Peer.AddressFamily == target.EndPoint.AddressFamily).ToList();
            here.Select(e => Convert.ToHexString(e.Raw.Span)).Should().Equal(sent[target.Name].Select(Convert.ToHexString),
                $"every datagram to {target.Name} is one event with its bytes, in order");
            here.Should().NotContain(e => e.Kind == "undecodable" && string.IsNullOrEmpty(e.Error), "what did not decode says why");
            int bad = here.Count(e => e.Error is not null);
            output.WriteLine($"{target.Name,-10} {here.Count,6} datagrams, {bad,6} with a parse error, {here.Count - bad,6} decoded anyway");
        }
        output.WriteLine($"{total} datagrams in {elapsed.TotalSeconds:0.0} s of wall time");

        await EveryServiceStillAnswersAsync(bed);
    }

    /// <summary>After the flood, each server gives a correct answer to a correct request.</summary>
    static async Task EveryServiceStillAnswersAsync(SimulatedHeadend bed)
    {
        var minute = TimeSpan.FromMinutes(1);
        var (dhcp4, offers) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 68));
        await bed.SendAsync(dhcp4, EueDiscover().Encode(), new IPEndPoint(IPAddress.Broadcast, 67));
        (await bed.RunUntil(offers.Count(2), minute)).Should().BeTrue("both eUE DHCPv4 servers still offer");
        offers.Received.Select(d => DhcpMessage.Decode(d.Payload.Span).YiAddr).Should().AllBeEquivalentTo(EueV4);

        var (dhcp6, advertises) = await bed.OpenAsync(new IPEndPoint(IPAddress.IPv6Any, 546));
        await bed.SendAsync(dhcp6, EueSolicit().Encode(), new IPEndPoint(IPAddress.Parse("ff02::1:2"), 547));
        (await bed.RunUntil(advertises.Count(2), minute)).Should().BeTrue();
        advertises.Received.Select(d => Dhcp6Message.Decode(d.Payload.Span).Type).Should().AllBeEquivalentTo(Dhcp6MessageType.Advertise);

        foreach (var server in new[] { HeadendV4, HeadendV6 })
        {
            var any = server.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any;
            var (dns, answers) = await bed.OpenAsync(new IPEndPoint(any, 0));
            await bed.SendAsync(dns, DnsMessage.Query(9, DnsName.Parse("kdc.example.net"), DnsType.Aaaa).Encode(), new IPEndPoint(server, 53));
            (await bed.RunUntil(answers.First, minute)).Should().BeTrue();
            DnsMessage.Decode(answers.Received[0].Payload.Span).Answers.Single().Address.Should().Be(KdcV6);

            var (tod, times) = await bed.OpenAsync(new IPEndPoint(any, 0));
            await bed.SendAsync(tod, [], new IPEndPoint(server, 37));
            (await bed.RunUntil(times.First, minute)).Should().BeTrue();
            TimeProtocolMessage.Decode(times.Received[0].Payload.Span).ToDateTimeOffset().Should().BeCloseTo(bed.Fabric.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));

            var (tftp, blocks) = await bed.OpenAsync(new IPEndPoint(any, 0));
            await bed.SendAsync(tftp, new TftpReadRequest(ConfigFileName, "octet", []).Encode(), new IPEndPoint(server, 69));
            (await bed.RunUntil(blocks.First, minute)).Should().BeTrue(string.Join("\n", bed.Log.Events.Where(e => e.Service == "tftp").TakeLast(5).Select(e => $"{e.Direction} {e.Kind} {e.Peer} {e.Error} {e.Fields.GetValueOrDefault("headend.note")}")));
            ((TftpData)TftpPacket.Decode(blocks.Received[0].Payload.Span)).Payload.ToArray().Should().Equal(ConfigFileBytes.Take(512));

            var (syslog, _) = await bed.OpenAsync(new IPEndPoint(any, 0));
            var cursor = bed.Log.Cursor;
            await bed.SendAsync(syslog, new SyslogMessage(SyslogPriority.PacketCable(SyslogSeverity.Notice), null, null, "still here").Encode(), new IPEndPoint(server, 514));
            (await bed.Log.WaitForAsync(e => e.Service == "syslog" && e.Message is SyslogMessage { MsgText: "still here" }, minute, cursor)).Should().NotBeNull();
        }

        await bed.Fabric.InvokeAsync(() => bed.Device.AssignAddressAsync(new InterfaceAddress(EueV4, 24)));
        var eue = new SimulatedEueSnmp(bed);
        await eue.OpenAsync(IPAddress.Any);
        var ack = await eue.StartInformAsync(SimulatedEueSnmp.V2c(HeadendV4), MtaMib.CableLabs.Enrollment, SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs));
        (await bed.RunUntil(ack, minute)).Should().BeTrue();
        (await ack).ErrorStatus.Should().Be(SnmpErrorStatus.NoError, "the provisioning server still acknowledges an INFORM");
    }
}
