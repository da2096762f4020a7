using System.Net;
using System.Net.Sockets;
using System.Text;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Loopback;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Real;

/// <summary>
/// What is particular to the loopback fabric: actors speak standard ports and logical addresses
/// while the kernel sees only free ports on 127.77.x.y and ::1, broadcast and multicast are fanned
/// out by the fabric, and a real client outside the fabric can reach a logical server.
/// </summary>
public sealed class LoopbackFabricTests : IAsyncLifetime
{
    static readonly IPAddress Server = IPAddress.Parse("192.0.2.1"), Client = IPAddress.Parse("192.0.2.2");
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(5), Quiet = TimeSpan.FromMilliseconds(300);
    readonly LoopbackFabric _fabric = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    Task<INetworkHost> Host(ILink link, string name, int n, params IPAddress[] v4) =>
        _fabric.AddHostAsync(link, new HostOptions(name, new([0x02, 0, 0, 0, 0, (byte)n]), v4.Select(a => new InterfaceAddress(a, 24)).ToList()));

    [Fact]
    public async Task A_server_on_port_67_really_listens_on_a_free_ephemeral_port_of_its_own_loopback_address()
    {
        var link = _fabric.CreateLink("lan");
        var server = await Host(link, "headend", 1, Server);
        using var socket = server.OpenUdp(new IPEndPoint(IPAddress.Any, 67));

        var real = _fabric.RealEndPointOf(server, new IPEndPoint(Server, 67));

        socket.LocalEndPoint.Should().Be(new IPEndPoint(IPAddress.Any, 67), "the actor sees the port it asked for");
        real.Port.Should().NotBe(67).And.BeGreaterThan(1023, "nothing real is bound to a well-known port");
        real.Address.GetAddressBytes().Take(2).Should().Equal([127, 77]);
    }

    [Fact]
    public async Task A_request_and_its_reply_travel_between_standard_ports_and_logical_addresses_both_ways()
    {
        var link = _fabric.CreateLink("lan");
        var server = await Host(link, "headend", 1, Server);
        var client = await Host(link, "device", 2, Client);
        var serverSocket = server.OpenUdp(new IPEndPoint(IPAddress.Any, 67));
        serverSocket.Received = d => serverSocket.Send(Encoding.ASCII.GetBytes("offer"), d.Source);
        var clientSocket = client.OpenUdp(new IPEndPoint(IPAddress.Any, 68));
        var replies = new DatagramInbox(clientSocket);

        await _fabric.InvokeAsync(() => clientSocket.Send("discover"u8, new IPEndPoint(Server, 67)));

        (await _fabric.RunUntilAsync(replies.First, Patience)).Should().BeTrue();
        var reply = replies.Received.Single();
        reply.Source.Should().Be(new IPEndPoint(Server, 67));
        reply.Destination.Should().Be(new IPEndPoint(Client, 68));
        Encoding.ASCII.GetString(reply.Payload.Span).Should().Be("offer");
    }

    [Fact]
    public async Task A_broadcast_fans_out_to_every_listener_on_the_link_and_to_none_on_another_link()
    {
        var lan = _fabric.CreateLink("lan");
        var other = _fabric.CreateLink("other");
        var inboxes = new List<DatagramInbox>();
        for (int i = 1; i <= 3; i++)
            inboxes.Add(new DatagramInbox((await Host(lan, $"server-{i}", i, IPAddress.Parse($"192.0.2.{10 + i}"))).OpenUdp(new IPEndPoint(IPAddress.Any, 67))));
        var elsewhere = new DatagramInbox((await Host(other, "elsewhere", 9, IPAddress.Parse("192.0.2.99"))).OpenUdp(new IPEndPoint(IPAddress.Any, 67)));
        var device = await Host(lan, "device", 4);
        var socket = device.OpenUdp(new IPEndPoint(IPAddress.Any, 68));

        await _fabric.InvokeAsync(() => socket.Send("discover"u8, new IPEndPoint(IPAddress.Broadcast, 67)));

        (await _fabric.RunUntilAsync(Task.WhenAll(inboxes.Select(i => i.First)), Patience)).Should().BeTrue();
        inboxes.Should().OnlyContain(i => i.Received.Single().Source.Equals(new IPEndPoint(IPAddress.Any, 68)));
        await _fabric.RunUntilAsync(new TaskCompletionSource().Task, Quiet);
        elsewhere.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task IPv6_hosts_share_the_one_real_IPv6_loopback_address_and_stay_apart_by_port()
    {
        var link = _fabric.CreateLink("lan");
        var server = await _fabric.AddHostAsync(link, new HostOptions("server", new([2, 0, 0, 0, 0, 1]), [new InterfaceAddress(IPAddress.Parse("2001:db8::1"), 64)]));
        var client = await _fabric.AddHostAsync(link, new HostOptions("client", new([2, 0, 0, 0, 0, 2]), [new InterfaceAddress(IPAddress.Parse("2001:db8::2"), 64)]));
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 547)));
        var socket = client.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 546));

        await _fabric.InvokeAsync(() => socket.Send("request"u8, new IPEndPoint(IPAddress.Parse("2001:db8::1"), 547)));

        (await _fabric.RunUntilAsync(inbox.First, Patience)).Should().BeTrue();
        inbox.Received.Single().Source.Should().Be(new IPEndPoint(IPAddress.Parse("2001:db8::2"), 546));
        _fabric.RealEndPointOf(server, new IPEndPoint(IPAddress.Parse("2001:db8::1"), 547)).Address.Should().Be(IPAddress.IPv6Loopback);
    }

    [Fact]
    public async Task A_real_client_outside_the_fabric_reaches_a_logical_server_and_gets_its_answer()
    {
        var link = _fabric.CreateLink("lan");
        var server = await Host(link, "dns", 1, Server);
        var socket = server.OpenUdp(new IPEndPoint(IPAddress.Any, 53));
        var asked = new TaskCompletionSource<Datagram>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.Received = d => { asked.TrySetResult(d); socket.Send("answer"u8, d.Source, d.Destination.Address); };
        var frames = new List<CapturedFrame>();
        _fabric.FrameCaptured += f => { lock (frames) frames.Add(f); };
        using var real = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var serverReal = _fabric.RealEndPointOf(server, new IPEndPoint(Server, 53));

        await real.SendAsync("query"u8.ToArray(), serverReal);
        using var limit = new CancellationTokenSource(Patience, _fabric.Clock);
        var answer = await real.ReceiveAsync(limit.Token);

        Encoding.ASCII.GetString(answer.Buffer).Should().Be("answer");
        answer.RemoteEndPoint.Should().Be(serverReal, "a real client checks that the answer comes from where it asked");
        var request = await asked.Task;
        request.Source.Should().Be((IPEndPoint)real.Client.LocalEndPoint!, "a peer outside the fabric keeps its real address");
        request.Destination.Should().Be(new IPEndPoint(Server, 53));
        lock (frames) frames.Should().HaveCount(2, "the real client's query enters the evidence on arrival, the answer when sent");
    }

    [Fact]
    public async Task The_fabric_captures_each_datagram_once_with_the_logical_addresses_and_MACs()
    {
        var link = _fabric.CreateLink("lan");
        var server = await Host(link, "headend", 1, Server);
        var client = await Host(link, "device", 2, Client);
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.Any, 67)));
        var frames = new List<CapturedFrame>();
        _fabric.FrameCaptured += f => { lock (frames) frames.Add(f); };

        await _fabric.InvokeAsync(() => client.OpenUdp(new IPEndPoint(IPAddress.Any, 68)).Send("request"u8, new IPEndPoint(Server, 67)));
        (await _fabric.RunUntilAsync(inbox.First, Patience)).Should().BeTrue();

        var frame = frames.Should().ContainSingle().Subject;
        frame.Link.Should().Be("lan");
        frame.Source.Should().Be(client.Mac);
        frame.Frame.AsSpan(0, 6).ToArray().Should().Equal(server.Mac.GetAddressBytes(), "the unicast goes to the server's MAC");
        frame.Frame.AsSpan(26, 8).ToArray().Should().Equal([192, 0, 2, 2, 192, 0, 2, 1], "the IPv4 header carries the logical addresses");
    }
}
