using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Servers.Router;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Simulation;

/// <summary>What the eCM scenarios ask of the headend: neighbour probes, a second DOCSIS server, ToD answers from the address asked.</summary>
public sealed class EcmSupportTests
{
    static readonly PhysicalAddress DeviceMac = PhysicalAddress.Parse("00-10-95-00-00-77");
    static readonly IPAddress DeviceLinkLocal = IPAddress.Parse("fe80::210:95ff:fe00:77");

    [Fact] // 6.3.2.1 ¶15: the probe sees a node that has the address, and only then
    public async Task A_neighbor_probe_is_answered_by_the_node_that_has_the_address_and_by_nobody_otherwise()
    {
        await using var bed = await SimulatedHeadend.StartAsync(DeviceMac);
        (await bed.Device.AssignAddressAsync(new InterfaceAddress(DeviceLinkLocal, 64))).Should().Be(AddressAssignment.Assigned);

        (await bed.Headend.ProbeNeighborAsync(DeviceLinkLocal)).Should().BeTrue();
        bed.Events(NeighborProbe.Service).Select(e => e.Kind).Should().Equal("NS", "NA");

        bed.Device.RemoveAddress(DeviceLinkLocal);
        (await bed.Headend.ProbeNeighborAsync(DeviceLinkLocal)).Should().BeFalse();
        bed.Headend.Host.Addresses.Should().NotContain(a => a.Address.Equals(DeviceLinkLocal), "the probe does not keep the address");
    }

    [Fact]
    public async Task A_router_solicitation_from_the_headend_hears_the_routers_on_the_link()
    {
        await using var bed = await SimulatedHeadend.StartAsync(DeviceMac);
        (await bed.Device.AssignAddressAsync(new InterfaceAddress(DeviceLinkLocal, 64))).Should().Be(AddressAssignment.Assigned);
        (await bed.Headend.SolicitRoutersAsync(TimeSpan.FromSeconds(2))).Should().BeEmpty();

        await bed.Fabric.InvokeAsync(() => bed.Device.NeighborDiscovery.RouterSolicitationReceived = from =>
            bed.Device.NeighborDiscovery.SendRouterAdvertisement(new RouterAdvertisement(true, false, TimeSpan.FromMinutes(30), []), from));
        (await bed.Headend.SolicitRoutersAsync(TimeSpan.FromSeconds(2))).Should().ContainSingle();
        bed.Events(NeighborProbe.Service).Should().Contain(e => e.Kind == "RA" && e.Direction == Direction.Received);
    }

    [Fact] // Table 2 CM2: one or more DOCSIS servers offer, each as itself
    public async Task A_second_DOCSIS_server_offers_alongside_the_first_with_its_own_server_identifier()
    {
        var db = SampleDatabase();
        db.AddEcmServer(new DhcpServerIdentity("docsis-2", SecondServerV4, Duid.Ll(Duid.HardwareTypeEthernet, [2, 0, 0, 0, 0, 2]), DssId.FromAscii("D2")));
        var ecm = db.Ecms.First();
        await using var bed = await SimulatedHeadend.StartAsync(ecm.Mac, db);
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 68));
        var discover = DhcpMessage.Create(DhcpMessageType.Discover, 0x1234, ecm.Mac.GetAddressBytes(), [DhcpOption.ParameterRequestList(1, 122)], broadcast: true);
        await bed.SendAsync(socket, discover.Encode(), new IPEndPoint(IPAddress.Broadcast, 67));
        await bed.RunUntil(Task.Delay(Timeout.Infinite), TimeSpan.FromSeconds(1));

        var offers = inbox.Received.Select(d => DhcpMessage.Decode(d.Payload.Span)).ToList();
        offers.Select(o => o.ServerIdentifier).Should().BeEquivalentTo([db.EcmServer!.Ipv4, SecondServerV4]);
        db.EcmServers.Select(s => s.Name).Should().Equal(db.EcmServer!.Name, "docsis-2");
    }

    [Fact] // 6.3.2.3 ¶9: a second ToD server address answers as itself
    public async Task The_ToD_server_answers_from_the_address_the_request_went_to()
    {
        await using var bed = await SimulatedHeadend.StartAsync(DeviceMac);
        await bed.Fabric.InvokeAsync(() => bed.Device.AssignAddressAsync(new InterfaceAddress(IPAddress.Parse("192.0.2.77"), 24)));
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 0));
        await bed.SendAsync(socket, [], new IPEndPoint(SecondServerV4, 37));
        (await bed.RunUntil(inbox.First, TimeSpan.FromSeconds(5))).Should().BeTrue();
        inbox.Received[0].Source.Address.Should().Be(SecondServerV4);
    }
}
