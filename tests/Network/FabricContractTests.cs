using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network;

/// <summary>
/// What every fabric promises the headend and the device (harness/Network/Fabric): datagram delivery
/// by destination, broadcast and multicast reach, link-local scopes, duplicate address detection,
/// router discovery, TCP streams, source address choice, and ports given back on dispose. A fabric's
/// test class derives from this one and says how to make the fabric; every test builds its own link
/// with documentation addresses (RFC 5737 192.0.2.0/24, RFC 3849 2001:db8::/32) and locally
/// administered MACs, so a fabric may map them onto whatever it really uses. Tasks the tests wait on
/// complete inline on the actor context (plain TaskCompletionSource), as the simulation requires.
/// </summary>
public abstract class FabricContractTests : IAsyncLifetime
{
    protected static readonly IPAddress ServerV4 = IPAddress.Parse("192.0.2.1");
    protected static readonly IPAddress OtherServerV4 = IPAddress.Parse("192.0.2.3");
    protected static readonly IPAddress ClientV4 = IPAddress.Parse("192.0.2.2");
    protected static readonly IPAddress ServerV6 = IPAddress.Parse("2001:db8::1");
    protected static readonly IPAddress ClientV6 = IPAddress.Parse("2001:db8::2");
    protected static readonly IPAddress DhcpServersGroup = IPAddress.Parse("ff02::1:2"); // All_DHCP_Relay_Agents_and_Servers, RFC 8415 section 7.1

    protected IFabric Fabric { get; private set; } = null!;

    /// <summary>The fabric under test, fresh for each test.</summary>
    protected abstract IFabric CreateFabric();

    /// <summary>How long (fabric time) to wait for something that must happen.</summary>
    protected virtual TimeSpan Patience => TimeSpan.FromSeconds(5);

    /// <summary>How long (fabric time) to listen before concluding that something did not happen.</summary>
    protected virtual TimeSpan Quiet => TimeSpan.FromMilliseconds(500);

    public Task InitializeAsync()
    {
        Fabric = CreateFabric();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Fabric.DisposeAsync();

    protected static PhysicalAddress Mac(int n) => new([0x02, 0x00, 0x00, 0x00, 0x00, (byte)n]);

    protected Task<INetworkHost> AddHost(ILink link, string name, int n, params string[] addresses) =>
        Fabric.AddHostAsync(link, new HostOptions(name, Mac(n), addresses.Select(Parse).ToList()));

    static InterfaceAddress Parse(string cidr)
    {
        var parts = cidr.Split('/');
        return new InterfaceAddress(IPAddress.Parse(parts[0]), int.Parse(parts[1]));
    }

    protected static IPAddress LinkLocalOf(INetworkHost host) => host.Addresses.Single(a => a.Address.IsIPv6LinkLocal).Address;

    /// <summary>An address of <paramref name="owner"/> as <paramref name="sender"/> must write it: link-local ones with the sender's scope.</summary>
    protected static IPAddress As(INetworkHost sender, IPAddress address) =>
        address.IsIPv6LinkLocal ? new IPAddress(address.GetAddressBytes(), sender.InterfaceIndex) : address;

    protected Task Send(IDatagramSocket socket, string text, IPEndPoint to, IPAddress? from = null) =>
        Fabric.InvokeAsync(() => socket.Send(System.Text.Encoding.ASCII.GetBytes(text), to, from));

    protected async Task<bool> Arrives(Task awaited) => await Fabric.RunUntilAsync(awaited, Patience);

    protected async Task StayQuiet() => await Fabric.RunUntilAsync(new TaskCompletionSource().Task, Quiet);

    // ---- unicast ----

    [Fact]
    public async Task A_unicast_datagram_reaches_the_socket_bound_to_its_destination()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "192.0.2.1/24");
        var client = await AddHost(link, "client", 2, "192.0.2.2/24");
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)));
        var socket = client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868));

        await Send(socket, "hello", new IPEndPoint(ServerV4, 6767));

        (await Arrives(inbox.First)).Should().BeTrue();
        var d = inbox.Received.Single();
        System.Text.Encoding.ASCII.GetString(d.Payload.Span).Should().Be("hello");
        d.Source.Should().Be(new IPEndPoint(ClientV4, 6868));
        d.Destination.Should().Be(new IPEndPoint(ServerV4, 6767));
    }

    [Fact]
    public async Task A_unicast_datagram_does_not_reach_a_socket_on_another_port()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "192.0.2.1/24");
        var client = await AddHost(link, "client", 2, "192.0.2.2/24");
        var other = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.Any, 6969)));
        var socket = client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868));

        await Send(socket, "hello", new IPEndPoint(ServerV4, 6767));
        await StayQuiet();

        other.Received.Should().BeEmpty();
    }

    // ---- broadcast ----

    [Fact]
    public async Task A_limited_broadcast_reaches_every_other_host_bound_to_the_port()
    {
        var link = Fabric.CreateLink("lan");
        var first = await AddHost(link, "server-1", 1, "192.0.2.1/24");
        var second = await AddHost(link, "server-2", 3, "192.0.2.3/24");
        var client = await AddHost(link, "client", 2);
        var one = new DatagramInbox(first.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)));
        var two = new DatagramInbox(second.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)));
        var socket = client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868));

        await Send(socket, "discover", new IPEndPoint(IPAddress.Broadcast, 6767));

        (await Arrives(Task.WhenAll(one.First, two.First))).Should().BeTrue();
        one.Received.Single().Destination.Address.Should().Be(IPAddress.Broadcast);
        two.Received.Single().Destination.Address.Should().Be(IPAddress.Broadcast);
    }

    [Fact]
    public async Task A_limited_broadcast_does_not_come_back_to_the_sender()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "192.0.2.1/24");
        var client = await AddHost(link, "client", 2, "192.0.2.2/24");
        var elsewhere = new DatagramInbox(client.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)));
        var own = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)));

        await Send(server.OpenUdp(new IPEndPoint(IPAddress.Any, 6868)), "offer", new IPEndPoint(IPAddress.Broadcast, 6767));

        (await Arrives(elsewhere.First)).Should().BeTrue();
        await StayQuiet();
        own.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_host_without_an_IPv4_address_broadcasts_from_0_0_0_0()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "192.0.2.1/24");
        var client = await AddHost(link, "client", 2);
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)));

        await Send(client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868)), "discover", new IPEndPoint(IPAddress.Broadcast, 6767));

        (await Arrives(inbox.First)).Should().BeTrue();
        inbox.Received.Single().Source.Should().Be(new IPEndPoint(IPAddress.Any, 6868));
    }

    [Fact]
    public async Task A_subnet_directed_broadcast_reaches_the_hosts_of_that_subnet()
    {
        var link = Fabric.CreateLink("lan");
        var sender = await AddHost(link, "sender", 1, "192.0.2.1/24");
        var receiver = await AddHost(link, "receiver", 2, "192.0.2.2/24");
        var inbox = new DatagramInbox(receiver.OpenUdp(new IPEndPoint(IPAddress.Any, 5514)));

        await Send(sender.OpenUdp(new IPEndPoint(IPAddress.Any, 0)), "notice", new IPEndPoint(IPAddress.Parse("192.0.2.255"), 5514));

        (await Arrives(inbox.First)).Should().BeTrue();
        inbox.Received.Single().Source.Address.Should().Be(ServerV4);
    }

    // ---- multicast and link-local ----

    [Fact]
    public async Task A_datagram_to_ff02__1_2_reaches_only_the_hosts_that_joined_the_group()
    {
        var link = Fabric.CreateLink("lan");
        var joined = await AddHost(link, "dhcp-server", 1);
        var notJoined = await AddHost(link, "bystander", 3);
        var client = await AddHost(link, "client", 2);
        var serverSocket = joined.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5547));
        serverSocket.JoinMulticast(DhcpServersGroup);
        var heard = new DatagramInbox(serverSocket);
        var notHeard = new DatagramInbox(notJoined.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5547)));

        await Send(client.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5546)), "solicit", new IPEndPoint(DhcpServersGroup, 5547));

        (await Arrives(heard.First)).Should().BeTrue();
        heard.Received.Single().Destination.Address.Should().Be(DhcpServersGroup);
        await StayQuiet();
        notHeard.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_datagram_to_ff02__1_2_leaves_from_the_link_local_address()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "dhcp-server", 1, "2001:db8::1/64");
        var client = await AddHost(link, "client", 2, "2001:db8::2/64");
        var socket = server.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5547));
        socket.JoinMulticast(DhcpServersGroup);
        var inbox = new DatagramInbox(socket);

        await Send(client.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5546)), "solicit", new IPEndPoint(DhcpServersGroup, 5547));

        (await Arrives(inbox.First)).Should().BeTrue();
        inbox.Received.Single().Source.Address.Should().Be(As(server, LinkLocalOf(client)));
    }

    [Fact]
    public async Task A_host_link_local_address_is_its_MAC_in_modified_EUI_64()
    {
        var link = Fabric.CreateLink("lan");
        var device = await Fabric.AddHostAsync(link, new HostOptions("device", PhysicalAddress.Parse("00-10-95-00-00-02"), []));

        new IPAddress(LinkLocalOf(device).GetAddressBytes()).Should().Be(IPAddress.Parse("fe80::210:95ff:fe00:2"));
        LinkLocalOf(device).ScopeId.Should().Be(device.InterfaceIndex);
    }

    [Fact]
    public async Task A_link_local_datagram_is_sent_with_the_sender_scope_and_arrives_with_the_receiver_scope()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1);
        var client = await AddHost(link, "client", 2);
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5547)));

        await Send(client.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5546)), "request", new IPEndPoint(As(client, LinkLocalOf(server)), 5547));

        (await Arrives(inbox.First)).Should().BeTrue();
        var source = inbox.Received.Single().Source;
        source.Address.Should().Be(As(server, LinkLocalOf(client)));
        source.Address.ScopeId.Should().Be(server.InterfaceIndex);
    }

    // ---- duplicate address detection ----

    [Fact]
    public async Task Duplicate_address_detection_refuses_an_address_another_host_owns()
    {
        var link = Fabric.CreateLink("lan");
        await AddHost(link, "server", 1, "2001:db8::1/64");
        var client = await AddHost(link, "client", 2);

        var outcome = await client.AssignAddressAsync(new InterfaceAddress(ServerV6, 64));

        outcome.Should().Be(AddressAssignment.Duplicate);
        client.Addresses.Select(a => a.Address).Should().NotContain(ServerV6);
    }

    [Fact]
    public async Task Duplicate_address_detection_assigns_a_free_address()
    {
        var link = Fabric.CreateLink("lan");
        await AddHost(link, "server", 1, "2001:db8::1/64");
        var client = await AddHost(link, "client", 2);

        var outcome = await client.AssignAddressAsync(new InterfaceAddress(ClientV6, 64));

        outcome.Should().Be(AddressAssignment.Assigned);
        client.Addresses.Should().Contain(new InterfaceAddress(ClientV6, 64));
    }

    // ---- router discovery ----

    [Fact]
    public async Task A_router_solicitation_reaches_the_router_and_its_unicast_answer_carries_the_M_bit()
    {
        var link = Fabric.CreateLink("lan");
        var router = await AddHost(link, "router", 1);
        var device = await AddHost(link, "device", 2);
        router.NeighborDiscovery.RouterSolicitationReceived = solicitor => router.NeighborDiscovery.SendRouterAdvertisement(
            new RouterAdvertisement(Managed: true, Other: true, TimeSpan.FromMinutes(30), [new InterfaceAddress(IPAddress.Parse("2001:db8::"), 64)]), solicitor);
        var heard = new TaskCompletionSource<(RouterAdvertisement Advertisement, IPAddress From)>();
        device.NeighborDiscovery.RouterAdvertisementReceived = (ra, from) => heard.TrySetResult((ra, from));

        await Fabric.InvokeAsync(() => device.NeighborDiscovery.SendRouterSolicitation());

        (await Arrives(heard.Task)).Should().BeTrue();
        var (advertisement, source) = await heard.Task;
        advertisement.Managed.Should().BeTrue();
        advertisement.Prefixes.Should().ContainSingle().Which.Should().Be(new InterfaceAddress(IPAddress.Parse("2001:db8::"), 64));
        source.Should().Be(As(device, LinkLocalOf(router)));
    }

    [Fact]
    public async Task A_router_advertisement_to_all_nodes_reaches_every_other_host()
    {
        var link = Fabric.CreateLink("lan");
        var router = await AddHost(link, "router", 1);
        var first = await AddHost(link, "device-1", 2);
        var second = await AddHost(link, "device-2", 3);
        var heardByFirst = new TaskCompletionSource<RouterAdvertisement>();
        var heardBySecond = new TaskCompletionSource<RouterAdvertisement>();
        first.NeighborDiscovery.RouterAdvertisementReceived = (ra, _) => heardByFirst.TrySetResult(ra);
        second.NeighborDiscovery.RouterAdvertisementReceived = (ra, _) => heardBySecond.TrySetResult(ra);

        await Fabric.InvokeAsync(() => router.NeighborDiscovery.SendRouterAdvertisement(
            new RouterAdvertisement(Managed: false, Other: true, TimeSpan.FromMinutes(30), [])));

        (await Arrives(Task.WhenAll(heardByFirst.Task, heardBySecond.Task))).Should().BeTrue();
        (await heardByFirst.Task).Managed.Should().BeFalse();
        (await heardBySecond.Task).Other.Should().BeTrue();
    }

    // ---- TCP ----

    [Fact]
    public async Task A_TCP_connection_carries_bytes_both_ways()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "2001:db8::1/64");
        var client = await AddHost(link, "client", 2, "2001:db8::2/64");
        server.ListenTcp(new IPEndPoint(IPAddress.IPv6Any, 8080), async connection =>
        {
            await using (connection)
                await StreamText.WriteAsync(connection.Stream, "echo:" + await StreamText.ReadAsync(connection.Stream, 4));
        });

        string? answer = null;
        var exchange = Fabric.InvokeAsync(async () =>
        {
            await using var connection = await client.ConnectTcpAsync(new IPEndPoint(ServerV6, 8080));
            await StreamText.WriteAsync(connection.Stream, "ping");
            answer = await StreamText.ReadAsync(connection.Stream, 9);
        });

        (await Arrives(exchange)).Should().BeTrue();
        answer.Should().Be("echo:ping");
    }

    [Fact]
    public async Task A_TCP_connection_knows_both_of_its_endpoints()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "192.0.2.1/24");
        var client = await AddHost(link, "client", 2, "192.0.2.2/24");
        var accepted = new TaskCompletionSource<IStreamConnection>();
        server.ListenTcp(new IPEndPoint(IPAddress.Any, 8080), c => { accepted.TrySetResult(c); return Task.CompletedTask; });

        var connecting = client.ConnectTcpAsync(new IPEndPoint(ServerV4, 8080));

        (await Arrives(Task.WhenAll(connecting, accepted.Task))).Should().BeTrue();
        var clientEnd = await connecting;
        var serverEnd = await accepted.Task;
        clientEnd.RemoteEndPoint.Should().Be(new IPEndPoint(ServerV4, 8080));
        serverEnd.LocalEndPoint.Should().Be(new IPEndPoint(ServerV4, 8080));
        serverEnd.RemoteEndPoint.Should().Be(clientEnd.LocalEndPoint);
        clientEnd.LocalEndPoint.Address.Should().Be(ClientV4);
    }

    [Fact]
    public async Task A_TCP_connection_to_a_port_nobody_listens_on_is_refused()
    {
        var link = Fabric.CreateLink("lan");
        await AddHost(link, "server", 1, "192.0.2.1/24");
        var client = await AddHost(link, "client", 2, "192.0.2.2/24");

        var connecting = client.ConnectTcpAsync(new IPEndPoint(ServerV4, 8081));
        await Fabric.RunUntilAsync(connecting, Patience);

        connecting.IsFaulted.Should().BeTrue();
        connecting.Exception!.InnerException.Should().BeOfType<SocketException>()
            .Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
    }

    // ---- source address selection ----

    [Fact]
    public async Task A_datagram_to_a_global_address_leaves_from_the_global_address()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "2001:db8::1/64");
        var client = await AddHost(link, "client", 2, "2001:db8::2/64");
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5547)));

        await Send(client.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5546)), "request", new IPEndPoint(ServerV6, 5547));

        (await Arrives(inbox.First)).Should().BeTrue();
        inbox.Received.Single().Source.Address.Should().Be(ClientV6);
    }

    [Fact]
    public async Task A_datagram_leaves_from_the_source_address_the_sender_names()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "192.0.2.1/24", "192.0.2.10/24");
        var client = await AddHost(link, "client", 2, "192.0.2.2/24");
        var inbox = new DatagramInbox(client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868)));

        await Send(server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)), "offer", new IPEndPoint(ClientV4, 6868), from: IPAddress.Parse("192.0.2.10"));

        (await Arrives(inbox.First)).Should().BeTrue();
        inbox.Received.Single().Source.Should().Be(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 6767));
    }

    // ---- ports ----

    [Fact]
    public async Task A_port_bound_twice_on_one_host_is_refused()
    {
        var host = await AddHost(Fabric.CreateLink("lan"), "server", 1, "192.0.2.1/24");
        using var first = host.OpenUdp(new IPEndPoint(IPAddress.Any, 6767));

        var second = () => host.OpenUdp(new IPEndPoint(IPAddress.Any, 6767));

        second.Should().Throw<SocketException>().Which.SocketErrorCode.Should().Be(SocketError.AddressAlreadyInUse);
    }

    [Fact]
    public async Task Disposing_a_socket_gives_its_port_back()
    {
        var host = await AddHost(Fabric.CreateLink("lan"), "server", 1, "192.0.2.1/24");
        host.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)).Dispose();

        using var again = host.OpenUdp(new IPEndPoint(IPAddress.Any, 6767));

        again.LocalEndPoint.Port.Should().Be(6767);
    }

    [Fact]
    public async Task Disposing_a_listener_gives_its_port_back()
    {
        var host = await AddHost(Fabric.CreateLink("lan"), "server", 1, "192.0.2.1/24");
        host.ListenTcp(new IPEndPoint(IPAddress.Any, 8080), _ => Task.CompletedTask).Dispose();

        using var again = host.ListenTcp(new IPEndPoint(IPAddress.Any, 8080), _ => Task.CompletedTask);

        again.LocalEndPoint.Port.Should().Be(8080);
    }

    [Fact]
    public async Task A_disposed_socket_hears_nothing_more()
    {
        var link = Fabric.CreateLink("lan");
        var server = await AddHost(link, "server", 1, "192.0.2.1/24");
        var client = await AddHost(link, "client", 2, "192.0.2.2/24");
        var socket = server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767));
        var inbox = new DatagramInbox(socket);
        socket.Dispose();

        await Send(client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868)), "hello", new IPEndPoint(ServerV4, 6767));
        await StayQuiet();

        inbox.Received.Should().BeEmpty();
    }
}
