using System.Net;
using System.Text;
using EUeConformance.Headend.Composition;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Protocols.Time;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Simulation;

/// <summary>The servers bound to the simulation fabric: real datagrams and streams, virtual time, evidence.</summary>
[Collection(nameof(SimulationCollection))]
public sealed class HeadendOnSimulationTests
{
    static readonly IPEndPoint Dhcp4Broadcast = new(IPAddress.Broadcast, 67);
    static readonly IPEndPoint AllDhcpServers = new(IPAddress.Parse("ff02::1:2"), 547);

    [Fact]
    public async Task The_eCM_DHCPv4_server_answers_a_broadcast_DISCOVER_on_the_wire_and_records_both_messages()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EcmMac);
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 68));
        await bed.SendAsync(socket, EcmDiscover().Encode(), Dhcp4Broadcast);
        (await bed.RunUntil(inbox.First, TimeSpan.FromSeconds(5))).Should().BeTrue();

        var offer = DhcpMessage.Decode(inbox.Received[0].Payload.Span);
        offer.MessageType.Should().Be(DhcpMessageType.Offer);
        offer.ClientConfiguration!.PrimaryDhcpServer.Should().Be(HeadendV4);
        offer.CableLabsV4!.Cccv6!.Primary.Should().Be(PrimaryDssId);
        inbox.Received[0].Source.Address.Should().Be(HeadendV4);

        var events = bed.Events("ecm-dhcpv4");
        events.Select(e => (e.Direction, e.Kind)).Should().Equal((Direction.Received, "DISCOVER"), (Direction.Sent, "OFFER"));
        events[1].Fields["dhcp.ip.your"].Should().Be(EcmV4.ToString());
        events[1].Fields["dhcp.option.dhcp"].Should().Be("2");
        events[1].Raw.ToArray().Should().Equal(inbox.Received[0].Payload.ToArray());
    }

    [Fact]
    public async Task Two_eUE_DHCPv6_servers_answer_a_multicast_SOLICIT_each_with_its_DSS_ID()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EueMac);
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.IPv6Any, 546));
        await bed.SendAsync(socket, EueSolicit().Encode(), AllDhcpServers);
        (await bed.RunUntil(inbox.Count(2), TimeSpan.FromSeconds(5))).Should().BeTrue();

        var advertises = inbox.Received.Select(d => Dhcp6Message.Decode(d.Payload.Span)).ToList();
        advertises.Select(a => a.CableLabs!.Cccv6!.PrimaryDssId).Should().BeEquivalentTo([PrimaryDssId, SecondaryDssId]);
        inbox.Received.Should().OnlyContain(d => d.Source.Address.Equals(HeadendV6));
        bed.Events("eue-dhcpv6").Count(e => e.Direction == Direction.Sent && e.Kind == "ADVERTISE").Should().Be(2);
    }

    [Fact]
    public async Task A_delayed_ADVERTISE_arrives_after_that_much_fabric_time()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EueMac);
        bed.Headend.EueDhcpV6.Overrides.Add(Override.DelayReplies("ADVERTISE", TimeSpan.FromSeconds(30)), Override.DropNth("ADVERTISE", 2));
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.IPv6Any, 546));
        var sentAt = bed.Fabric.Clock.GetUtcNow();
        await bed.SendAsync(socket, EueSolicit().Encode(), AllDhcpServers);
        (await bed.RunUntil(inbox.First, TimeSpan.FromMinutes(1))).Should().BeTrue();
        (inbox.Received[0].ReceivedAt - sentAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        bed.Events("eue-dhcpv6").Single(e => e.Direction == Direction.Received).Fields[EUeConformance.Headend.Servers.Common.EvidenceNotes.NoteField]
            .Should().Contain("dropped by override").And.Contain("delayed by 30 s");
    }

    [Fact]
    public async Task The_link_local_source_override_sends_from_the_link_local_address()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EueMac);
        bed.Headend.EueDhcpV6.Overrides.Add(Override.LinkLocalSource("ADVERTISE"));
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.IPv6Any, 546));
        await bed.SendAsync(socket, EueSolicit().Encode(), AllDhcpServers);
        (await bed.RunUntil(inbox.Count(2), TimeSpan.FromSeconds(5))).Should().BeTrue();
        inbox.Received.Should().OnlyContain(d => d.Source.Address.IsIPv6LinkLocal);
    }

    [Fact]
    public async Task A_DHCPv4_ACK_registers_the_eUE_FQDN_in_DNS_and_the_DNS_server_answers_with_it()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EueMac);
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 68));
        await bed.SendAsync(socket, EueDiscover().Encode(), Dhcp4Broadcast);
        (await bed.RunUntil(inbox.Count(2), TimeSpan.FromSeconds(5))).Should().BeTrue();
        await bed.SendAsync(socket, Request(EueMac, HeadendV4, EueV4, 0x2001).Encode(), Dhcp4Broadcast);
        (await bed.RunUntil(inbox.Count(3), TimeSpan.FromSeconds(5))).Should().BeTrue();
        DhcpMessage.Decode(inbox.Received[2].Payload.Span).MessageType.Should().Be(DhcpMessageType.Ack);

        await bed.Fabric.InvokeAsync(() => bed.Device.AssignAddressAsync(new InterfaceAddress(EueV4, 24)));
        var (dns, answers) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 0));
        await bed.SendAsync(dns, DnsMessage.Query(1, DnsName.Parse(EueFqdn), DnsType.A).Encode(), new IPEndPoint(HeadendV4, 53));
        (await bed.RunUntil(answers.First, TimeSpan.FromSeconds(5))).Should().BeTrue();
        DnsMessage.Decode(answers.Received[0].Payload.Span).Answers.Single().Address.Should().Be(EueV4);
    }

    [Fact]
    public async Task A_TFTP_download_negotiates_blksize_1428_and_survives_a_lost_block_by_retransmission()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EueMac);
        bed.Headend.Tftp.Overrides.Add(Override.DropNth("DATA", 1));
        await bed.Fabric.InvokeAsync(() => bed.Device.AssignAddressAsync(new InterfaceAddress(EueV6, 64)));
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.IPv6Any, 0));
        var file = ConfigFileBytes;
        var received = new List<byte>();
        var done = new TaskCompletionSource();
        TimeSpan? retransmittedAfter = null;
        DateTimeOffset ackedAt = default;
        socket.Received = d =>
        {
            var packet = TftpPacket.Decode(d.Payload.Span);
            if (packet is TftpOptionAck oack)
            {
                oack.Options.Should().Contain(new TftpOption("blksize", "1428"));
                ackedAt = bed.Fabric.Clock.GetUtcNow();
                socket.Send(new TftpAck(0).Encode(), d.Source);
            }
            else if (packet is TftpData data)
            {
                retransmittedAfter ??= bed.Fabric.Clock.GetUtcNow() - ackedAt;
                if (data.Block == received.Count / 1428 + 1) received.AddRange(data.Payload.ToArray());
                socket.Send(new TftpAck(data.Block).Encode(), d.Source);
                if (data.Payload.Length < 1428) done.TrySetResult();
            }
        };
        var rrq = new TftpReadRequest(ConfigFileName, "octet", [new TftpOption("blksize", "1428"), new TftpOption("tsize", "0")]);
        await bed.SendAsync(socket, rrq.Encode(), new IPEndPoint(HeadendV6, 69));
        (await bed.RunUntil(done.Task, TimeSpan.FromMinutes(1))).Should().BeTrue();
        received.Should().Equal(file);
        retransmittedAfter.Should().Be(TimeSpan.FromSeconds(1), "DATA 1 was dropped and sent again on the 1 s timer, in fabric time");
        bed.Headend.Tftp.Overrides.Items.Should().ContainSingle();
        bed.Events("tftp").Take(2).Select(e => (e.Direction, e.Kind)).Should().Equal([(Direction.Received, "RRQ"), (Direction.Sent, "OACK")],
            "a request is in the evidence before its answer");

        // The finished transfer gave its port back: a late duplicate ACK meets nobody.
        await bed.Fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromSeconds(10));
        bed.Events("tftp").Last().Fields[EUeConformance.Headend.Servers.Common.EvidenceNotes.NoteField].Should().Contain("complete");
        var transferPort = bed.Events("tftp").First(e => e.Kind == "OACK").Local;
        int before = bed.Events("tftp").Count;
        await bed.SendAsync(socket, new TftpAck(2).Encode(), new IPEndPoint(HeadendV6, transferPort.Port));
        await bed.Fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromSeconds(10));
        bed.Events("tftp").Should().HaveCount(before);
    }

    [Fact]
    public async Task Past_256_abandoned_transfers_the_oldest_makes_room_and_every_request_is_still_served()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EueMac);
        await bed.Fabric.InvokeAsync(() => bed.Device.AssignAddressAsync(new InterfaceAddress(EueV4, 24)));
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 0));
        const int Requests = 300;
        await bed.Fabric.InvokeAsync(() =>
        {
            for (int i = 0; i < Requests; i++) socket.Send(new TftpReadRequest(ConfigFileName, "octet", []).Encode(), new IPEndPoint(HeadendV4, 69));
        });
        (await bed.RunUntil(inbox.Count(Requests), TimeSpan.FromSeconds(1))).Should().BeTrue("each request got its first block at once, none was turned away");

        inbox.Received.Take(Requests).Select(d => d.Source.Port).Distinct().Should().HaveCount(Requests, "each transfer on a port of its own");
        bed.Events("tftp").Where(e => e.Kind == "RRQ").Select(e => e.Fields.GetValueOrDefault(EUeConformance.Headend.Servers.Common.EvidenceNotes.NoteField) ?? "")
            .Count(n => n.Contains("was ended to make room")).Should().Be(Requests - EUeConformance.Headend.Servers.Tftp.TftpServer.MaxConcurrentTransfers);
    }

    [Fact]
    public async Task HTTP_GET_serves_the_same_configuration_file_over_TCP()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EueMac);
        await bed.Fabric.InvokeAsync(() => bed.Device.AssignAddressAsync(new InterfaceAddress(EueV4, 24)));
        byte[] body = [];
        var download = bed.Fabric.InvokeAsync(async () =>
        {
            await using var c = await bed.Device.ConnectTcpAsync(new IPEndPoint(HeadendV4, 80));
            await c.Stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /{ConfigFileName} HTTP/1.1\r\nHost: 192.0.2.1\r\nConnection: close\r\n\r\n"));
            var all = new MemoryStream();
            await c.Stream.CopyToAsync(all);
            var text = all.ToArray();
            int head = Encoding.Latin1.GetString(text).IndexOf("\r\n\r\n", StringComparison.Ordinal);
            body = text[(head + 4)..];
        });
        (await bed.RunUntil(download, TimeSpan.FromHours(2))).Should().BeTrue();
        body.Should().Equal(ConfigFileBytes);
        bed.Events("http").Select(e => e.Kind).Should().Equal("GET", "RESPONSE");
    }

    [Fact]
    public async Task The_syslog_collector_keeps_what_arrives_and_the_ToD_server_tells_fabric_time_over_UDP_and_TCP()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EcmMac);
        await bed.Fabric.InvokeAsync(() => bed.Device.AssignAddressAsync(new InterfaceAddress(EcmV4, 24)));
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 0));
        var msg = new SyslogMessage(SyslogPriority.PacketCable(SyslogSeverity.Notice), null, null, "eUE: provisioning complete");
        await bed.SendAsync(socket, msg.Encode(), new IPEndPoint(HeadendV4, 514));
        await bed.SendAsync(socket, [], new IPEndPoint(HeadendV4, 37));
        (await bed.RunUntil(inbox.First, TimeSpan.FromSeconds(5))).Should().BeTrue();
        TimeProtocolMessage.Decode(inbox.Received[0].Payload.Span).ToDateTimeOffset().Should().BeCloseTo(bed.Fabric.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
        bed.Headend.SyslogMessages.Single().Message.MsgText.Should().Be("eUE: provisioning complete");

        (uint seconds, DateTimeOffset now) = (0, default);
        var read = bed.Fabric.InvokeAsync(async () =>
        {
            await using var c = await bed.Device.ConnectTcpAsync(new IPEndPoint(HeadendV4, 37));
            var four = new byte[4];
            await c.Stream.ReadExactlyAsync(four);
            (seconds, now) = (TimeProtocolMessage.Decode(four).Seconds, bed.Fabric.Clock.GetUtcNow());
        });
        (await bed.RunUntil(read, TimeSpan.FromHours(2))).Should().BeTrue();
        var sent = bed.Events("tod").Last(e => e.Direction == Direction.Sent);
        sent.Fields[EUeConformance.Headend.Servers.Common.EvidenceNotes.NoteField].Should().Be("over TCP");
        seconds.Should().Be(TimeProtocolMessage.FromDateTimeOffset(sent.At).Seconds, "the time is the fabric's when the connection is accepted");
    }

    [Fact]
    public async Task A_router_solicitation_is_answered_with_M_and_O_set_and_the_prefix()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EueMac);
        var heard = new TaskCompletionSource<RouterAdvertisement>();
        await bed.Fabric.InvokeAsync(() =>
        {
            bed.Device.NeighborDiscovery.RouterAdvertisementReceived = (ra, _) => heard.TrySetResult(ra);
            bed.Device.NeighborDiscovery.SendRouterSolicitation();
        });
        (await bed.RunUntil(heard.Task, TimeSpan.FromSeconds(5))).Should().BeTrue();
        var ra = await heard.Task;
        ra.Managed.Should().BeTrue();
        ra.Other.Should().BeTrue();
        ra.Prefixes.Single().Should().Be(new InterfaceAddress(IPAddress.Parse("2001:db8:1::"), 64));
        bed.Events("ra").Should().Contain(e => e.Kind == "RS" && e.Direction == Direction.Received);
    }

    [Fact]
    public async Task Undecodable_input_becomes_evidence_with_its_parse_error_and_the_server_goes_on()
    {
        await using var bed = await SimulatedHeadend.StartAsync(EcmMac);
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 68));
        await bed.SendAsync(socket, [1, 2, 3], Dhcp4Broadcast);
        await bed.SendAsync(socket, EcmDiscover().Encode(), Dhcp4Broadcast);
        (await bed.RunUntil(inbox.First, TimeSpan.FromSeconds(5))).Should().BeTrue();
        var bad = bed.Events("dhcpv4").First();
        bad.Kind.Should().Be("undecodable");
        bad.Error.Should().StartWith("dhcp:");
        bad.Raw.ToArray().Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Tearing_down_closes_every_socket_so_a_new_headend_can_take_the_ports()
    {
        var bed = await SimulatedHeadend.StartAsync(EcmMac);
        await bed.Headend.DisposeAsync();
        var host = bed.Headend.Host;
        var again = await EUeConformance.Headend.Composition.Headend.StartAsync(bed.Fabric, host, SampleDatabase(), bed.Log);
        await again.DisposeAsync();
        await bed.Fabric.DisposeAsync();
    }
}
