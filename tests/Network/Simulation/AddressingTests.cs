using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>Addressing behaviour the simulation models beyond the fabric contract.</summary>
public class AddressingTests
{
    static readonly IPAddress Contested = IPAddress.Parse("2001:db8::5");

    [Fact]
    public async Task Two_hosts_probing_for_the_same_address_in_one_window_both_lose_it()
    {
        await using var fabric = new SimulationFabric();
        var link = fabric.CreateLink("lan");
        var first = await fabric.AddHostAsync(link, new HostOptions("first", PhysicalAddress.Parse("02-00-00-00-00-01"), []));
        var second = await fabric.AddHostAsync(link, new HostOptions("second", PhysicalAddress.Parse("02-00-00-00-00-02"), []));

        // RFC 4862 section 5.4.3: a probe from another node for our tentative address makes it a duplicate.
        var outcomes = await fabric.InvokeAsync<AddressAssignment[]>(() => Task.WhenAll(
            first.AssignAddressAsync(new InterfaceAddress(Contested, 64)), second.AssignAddressAsync(new InterfaceAddress(Contested, 64))));

        outcomes.Should().Equal(AddressAssignment.Duplicate, AddressAssignment.Duplicate);
    }

    [Fact]
    public async Task Duplicate_address_detection_takes_one_second_of_virtual_time()
    {
        await using var fabric = new SimulationFabric();
        var host = await fabric.AddHostAsync(fabric.CreateLink("lan"), new HostOptions("host", PhysicalAddress.Parse("02-00-00-00-00-01"), []) { AutoLinkLocal = false });
        var start = fabric.Clock.GetUtcNow();

        await host.AssignAddressAsync(new InterfaceAddress(Contested, 64));

        (fabric.Clock.GetUtcNow() - start).Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_tentative_address_cannot_be_bound_yet()
    {
        await using var fabric = new SimulationFabric();
        var host = await fabric.AddHostAsync(fabric.CreateLink("lan"), new HostOptions("host", PhysicalAddress.Parse("02-00-00-00-00-01"), []));

        var bindDuringDad = () => fabric.InvokeAsync(() =>
        {
            _ = host.AssignAddressAsync(new InterfaceAddress(Contested, 64));
            return host.OpenUdp(new IPEndPoint(Contested, 547));
        });

        (await bindDuringDad.Should().ThrowAsync<System.Net.Sockets.SocketException>())
            .Which.SocketErrorCode.Should().Be(System.Net.Sockets.SocketError.AddressNotAvailable);
    }

    [Fact]
    public async Task A_host_that_forms_its_own_link_local_address_starts_without_one()
    {
        await using var fabric = new SimulationFabric();

        var device = await fabric.AddHostAsync(fabric.CreateLink("lan"), new HostOptions("device", PhysicalAddress.Parse("00-10-95-00-00-02"), []) { AutoLinkLocal = false });

        device.Addresses.Should().BeEmpty();
    }

    [Fact]
    public async Task A_datagram_to_an_address_nobody_owns_shows_as_an_unanswered_ARP_request()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Frames.Clear();

        await bench.Fabric.InvokeAsync(() => bench.Client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868)).Send([1], new IPEndPoint(IPAddress.Parse("192.0.2.99"), 67)));
        await bench.Idle(TimeSpan.FromSeconds(1));

        bench.Frames.Should().ContainSingle().Which.Frame[12..14].Should().Equal(0x08, 0x06);
    }

    [Fact]
    public async Task A_link_local_destination_without_a_scope_is_refused()
    {
        await using var bench = await SimulationBench.StartAsync();
        var socket = bench.Client.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 546));

        var send = () => socket.Send([1], new IPEndPoint(IPAddress.Parse("fe80::1"), 547));

        send.Should().Throw<System.Net.Sockets.SocketException>().Which.SocketErrorCode.Should().Be(System.Net.Sockets.SocketError.InvalidArgument);
    }

    [Fact]
    public async Task Ports_left_to_the_fabric_come_from_the_dynamic_range_in_order()
    {
        await using var bench = await SimulationBench.StartAsync();

        using var first = bench.Client.OpenUdp(new IPEndPoint(IPAddress.Any, 0));
        using var second = bench.Client.OpenUdp(new IPEndPoint(IPAddress.Any, 0));

        new[] { first.LocalEndPoint.Port, second.LocalEndPoint.Port }.Should().Equal(49152, 49153);
    }

    [Fact]
    public async Task An_unplugged_host_hears_nothing_more()
    {
        await using var bench = await SimulationBench.StartAsync();
        var heard = false;
        bench.Server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767)).Received = _ => heard = true;

        await bench.Server.DisposeAsync();
        await bench.Fabric.InvokeAsync(() => bench.Client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868)).Send([1], new IPEndPoint(SimulationBench.ServerAddress, 6767)));
        await bench.Idle(TimeSpan.FromSeconds(1));

        heard.Should().BeFalse();
    }
}
