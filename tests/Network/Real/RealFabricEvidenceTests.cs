using System.Net;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Loopback;
using EUeConformance.Network.Netns;
using EUeConformance.Protocols.Pcap;
using EUeConformance.Tests.Network.Support;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Real;

/// <summary>
/// The frames a real fabric synthesises for the evidence are what an auditor opens in Wireshark:
/// every datagram, stream segment and router-discovery message its endpoints exchanged, each once,
/// with valid checksums and no malformed or warning marks from tshark.
/// </summary>
public abstract class RealFabricEvidenceTests : IAsyncLifetime
{
    static readonly IPAddress ServerV4 = IPAddress.Parse("192.0.2.1"), ServerV6 = IPAddress.Parse("2001:db8::1");
    static readonly IPAddress DhcpServers = IPAddress.Parse("ff02::1:2");
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    readonly List<CapturedFrame> _frames = [];
    IFabric _fabric = null!;

    protected abstract IFabric CreateFabric();

    public Task InitializeAsync()
    {
        _fabric = CreateFabric();
        _fabric.FrameCaptured += f => { lock (_frames) _frames.Add(f); };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task Every_exchange_is_captured_once_and_decodes_cleanly_in_tshark()
    {
        var link = _fabric.CreateLink("access");
        var server = await _fabric.AddHostAsync(link, new HostOptions("headend", new([2, 0, 0, 0, 0, 1]),
            [new InterfaceAddress(ServerV4, 24), new InterfaceAddress(ServerV6, 64)]));
        var client = await _fabric.AddHostAsync(link, new HostOptions("device", new([2, 0, 0, 0, 0, 2]), []));
        var v4 = server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767));
        // Like a DHCP server answering a client that has no address yet: by broadcast (RFC 2131 §4.1).
        v4.Received = d => v4.Send("reply"u8, d.Source.Address.Equals(IPAddress.Any) ? new IPEndPoint(IPAddress.Broadcast, d.Source.Port) : d.Source);
        var v6 = server.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5547));
        v6.JoinMulticast(DhcpServers);
        var multicast = new DatagramInbox(v6);
        var clientV4 = client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868));
        var replies = new DatagramInbox(clientV4);
        server.ListenTcp(new IPEndPoint(IPAddress.IPv6Any, 8080), async c =>
        {
            await using (c) { await StreamText.ReadAsync(c.Stream, 3); await StreamText.WriteAsync(c.Stream, "OK"); }
        });
        server.NeighborDiscovery.RouterSolicitationReceived = from =>
            server.NeighborDiscovery.SendRouterAdvertisement(new RouterAdvertisement(true, true, TimeSpan.FromMinutes(30), [new InterfaceAddress(IPAddress.Parse("2001:db8::"), 64)]), from);
        var advertised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.NeighborDiscovery.RouterAdvertisementReceived = (_, _) => advertised.TrySetResult();

        await _fabric.InvokeAsync(() =>
        {
            clientV4.Send("discover"u8, new IPEndPoint(IPAddress.Broadcast, 6767));
            client.OpenUdp(new IPEndPoint(IPAddress.IPv6Any, 5546)).Send("solicit"u8, new IPEndPoint(DhcpServers, 5547));
            client.NeighborDiscovery.SendRouterSolicitation();
        });
        (await _fabric.RunUntilAsync(Task.WhenAll(replies.First, multicast.First, advertised.Task), Patience)).Should().BeTrue();
        await client.AssignAddressAsync(new InterfaceAddress(IPAddress.Parse("2001:db8::2"), 64));
        var exchange = _fabric.InvokeAsync(async () =>
        {
            await using var c = await client.ConnectTcpAsync(new IPEndPoint(ServerV6, 8080));
            await StreamText.WriteAsync(c.Stream, "GET");
            await StreamText.ReadAsync(c.Stream, 2);
        });
        (await _fabric.RunUntilAsync(exchange, Patience)).Should().BeTrue();
        await _fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromMilliseconds(300));

        string pcap = Path.Combine(Repo.TempDir(), "evidence.pcap");
        using (var writer = PcapWriter.Create(pcap))
            lock (_frames) foreach (var f in _frames) writer.Write(f.At, f.Frame);
        Tshark.Problems(pcap).Should().BeEmpty();
        var rows = Tshark.Fields(pcap, "frame.protocols", "udp.srcport", "udp.dstport", "icmpv6.type", "tcp.len").Select(r => string.Join("|", r)).ToList();
        rows.Where(r => r.Contains(":udp")).Should().HaveCount(3, "the broadcast, its broadcast reply and the multicast, once each: {0}", string.Join("\n", rows));
        // RS and RA once each; besides them only DAD probes (Neighbor Solicitations, RFC 4862 §5.4.2): the one for 2001:db8::2,
        // and on netns the kernel's for the server's static address too.
        var icmpv6 = rows.Where(r => r.Contains(":icmpv6")).Select(r => r.Split('|')[3]).ToList();
        icmpv6.Where(t => t != "135").Should().Equal("133", "134");
        icmpv6.Should().Contain("135", "the DAD probe for 2001:db8::2 is recorded");
        rows.Where(r => r.Contains(":tcp")).Should().HaveCount(8, "handshake, one segment each way, and the close, once");
    }
}

public sealed class LoopbackFabricEvidenceTests : RealFabricEvidenceTests
{
    protected override IFabric CreateFabric() => new LoopbackFabric();
}

/// <summary>Needs root, as every netns test.</summary>
public sealed class NetnsFabricEvidenceTests : RealFabricEvidenceTests
{
    protected override IFabric CreateFabric() => new NetnsFabric();
}
