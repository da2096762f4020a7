using System.Net;
using EUeConformance.Protocols.Pcap;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols;

/// <summary>Reading neighbour discovery back out of frames: what the headend's "nd" evidence rests on.</summary>
public class NeighborDiscoveryReaderTests
{
    static readonly byte[] DeviceMac = [0x00, 0x10, 0x95, 0x00, 0x00, 0x02];
    static readonly byte[] RouterMac = [0x02, 0x00, 0x5E, 0x10, 0x00, 0x01];
    static readonly IPAddress DeviceLinkLocal = IPAddress.Parse("fe80::210:95ff:fe00:2");

    [Fact]
    public void A_DAD_probe_reads_back_with_its_target_group_and_hop_limit()
    {
        var group = NeighborDiscoveryFrames.SolicitedNodeGroup(DeviceLinkLocal);
        var nd = NeighborDiscoveryReader.TryRead(NeighborDiscoveryFrames.NeighborSolicitation(DeviceMac, IPAddress.IPv6Any, group, DeviceLinkLocal))!;

        nd.Kind.Should().Be("NS");
        nd.IsDadProbe.Should().BeTrue();
        nd.Target.Should().Be(DeviceLinkLocal);
        nd.Destination.Should().Be(group);
        nd.HopLimit.Should().Be(255);
        nd.SourceMac.Should().Equal(DeviceMac);
        nd.LinkLayerAddress.Should().BeNull("a probe from :: carries no source link-layer option");
    }

    [Fact]
    public void A_defence_reads_back_as_an_unsolicited_override_advertisement_with_the_target_MAC()
    {
        var frame = NeighborDiscoveryFrames.NeighborAdvertisement(RouterMac, null, DeviceLinkLocal, IPAddress.Parse("ff02::1"), DeviceLinkLocal,
            router: false, solicited: false, @override: true);
        var nd = NeighborDiscoveryReader.TryRead(frame)!;

        nd.Kind.Should().Be("NA");
        nd.Target.Should().Be(DeviceLinkLocal);
        (nd.Flags & 0x20000000u).Should().NotBe(0u);
        (nd.Flags & 0x40000000u).Should().Be(0u);
        nd.LinkLayerAddress.Should().Equal(RouterMac);
    }

    [Fact]
    public void A_router_solicitation_and_advertisement_read_back_with_their_flags()
    {
        var rs = NeighborDiscoveryReader.TryRead(NeighborDiscoveryFrames.RouterSolicitation(DeviceMac, DeviceLinkLocal))!;
        rs.Kind.Should().Be("RS");
        rs.Destination.Should().Be(IPAddress.Parse("ff02::2"));
        rs.LinkLayerAddress.Should().Equal(DeviceMac);

        var ra = NeighborDiscoveryReader.TryRead(NeighborDiscoveryFrames.RouterAdvertisement(RouterMac, null, IPAddress.Parse("fe80::1"), IPAddress.Parse("ff02::1"),
            managed: true, other: false, TimeSpan.FromSeconds(1800), []))!;
        ra.Kind.Should().Be("RA");
        (ra.Flags & 0x80).Should().NotBe(0u);
        (ra.Flags & 0x40).Should().Be(0u);
    }

    [Fact]
    public void Other_frames_are_not_neighbour_discovery()
    {
        var udp = Frames.Udp(DeviceMac, RouterMac, new IPEndPoint(DeviceLinkLocal, 546), new IPEndPoint(IPAddress.Parse("ff02::1:2"), 547), [1, 2, 3, 4], 1, 0);
        NeighborDiscoveryReader.TryRead(udp).Should().BeNull();
        NeighborDiscoveryReader.TryRead(new byte[20]).Should().BeNull();
    }
}
