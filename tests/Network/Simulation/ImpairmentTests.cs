using System.Net;
using System.Text;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>Link impairments in simulation: scripted loss, delay, jitter, duplication, reordering and selective drops, drawn from the seed.</summary>
public class ImpairmentTests
{
    static readonly IPEndPoint Server = new(SimulationBench.ServerAddress, 6767);

    /// <summary>Sends <paramref name="count"/> datagrams "0", "1", … from the client to the server, back to back, and lets them arrive.</summary>
    static async Task<DatagramInbox> Exchange(SimulationBench bench, int count)
    {
        var inbox = new DatagramInbox(bench.Server.OpenUdp(new IPEndPoint(IPAddress.Any, Server.Port)));
        var socket = bench.Client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868));
        await bench.Fabric.InvokeAsync(() =>
        {
            for (int i = 0; i < count; i++) socket.Send(Encoding.ASCII.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Server);
        });
        await bench.Idle(TimeSpan.FromSeconds(10));
        return inbox;
    }

    static IEnumerable<string> Texts(DatagramInbox inbox) => inbox.Received.Select(d => Encoding.ASCII.GetString(d.Payload.Span));

    [Fact]
    public async Task A_link_that_loses_everything_delivers_nothing()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Link.Impairments = new LinkImpairments { LossProbability = 1 };

        (await Exchange(bench, 10)).Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Partial_loss_drops_about_that_share_and_the_same_seed_drops_the_same_datagrams()
    {
        async Task<List<string>> Survivors()
        {
            await using var bench = await SimulationBench.StartAsync(seed: 42);
            bench.Link.Impairments = new LinkImpairments { LossProbability = 0.3 };
            return Texts(await Exchange(bench, 1000)).ToList();
        }

        var first = await Survivors();
        var second = await Survivors();

        first.Count.Should().BeInRange(620, 780);
        second.Should().Equal(first);
    }

    [Fact]
    public async Task A_lost_frame_is_not_in_the_capture()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Frames.Clear();
        bench.Link.Impairments = new LinkImpairments { LossProbability = 1 };

        await Exchange(bench, 3);

        bench.Frames.Should().BeEmpty();
    }

    [Fact]
    public async Task A_link_that_duplicates_everything_delivers_every_datagram_twice()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Link.Impairments = new LinkImpairments { DuplicationProbability = 1 };

        Texts(await Exchange(bench, 3)).Should().BeEquivalentTo(["0", "0", "1", "1", "2", "2"]);
    }

    [Fact]
    public async Task A_delay_holds_every_datagram_back_by_exactly_that_long()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Link.Impairments = new LinkImpairments { Delay = TimeSpan.FromMilliseconds(250) };
        var sent = bench.Fabric.Clock.GetUtcNow();

        var inbox = await Exchange(bench, 2);

        inbox.Received.Select(d => d.ReceivedAt - sent).Should().Equal(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Jitter_spreads_the_delay_within_its_bounds()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Link.Impairments = new LinkImpairments { Delay = TimeSpan.FromMilliseconds(100), Jitter = TimeSpan.FromMilliseconds(50) };
        var sent = bench.Fabric.Clock.GetUtcNow();

        var delays = (await Exchange(bench, 50)).Received.Select(d => d.ReceivedAt - sent).ToList();

        delays.Should().HaveCount(50).And.OnlyContain(d => d >= TimeSpan.FromMilliseconds(50) && d <= TimeSpan.FromMilliseconds(150));
        delays.Distinct().Should().HaveCountGreaterThan(10);
    }

    [Fact]
    public async Task Reordering_lets_the_next_datagram_overtake()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Link.Impairments = new LinkImpairments { ReorderProbability = 1 };

        Texts(await Exchange(bench, 2)).Should().Equal("1", "0");
    }

    [Fact]
    public async Task A_datagram_held_for_reordering_goes_anyway_when_nothing_overtakes_it()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Link.Impairments = new LinkImpairments { ReorderProbability = 1 };
        var sent = bench.Fabric.Clock.GetUtcNow();

        var inbox = await Exchange(bench, 1);

        inbox.Received.Single().ReceivedAt.Should().Be(sent + SimulationFabric.ReorderHold);
    }

    [Fact]
    public async Task The_drop_predicate_drops_only_the_frames_it_selects()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Link.Impairments = new LinkImpairments { Drop = frame => frame.Frame[^1] == (byte)'1' };

        Texts(await Exchange(bench, 3)).Should().Equal("0", "2");
    }

    [Fact]
    public async Task A_TCP_stream_arrives_whole_and_in_order_over_a_lossy_reordering_link()
    {
        await using var bench = await SimulationBench.StartAsync();
        bench.Link.Impairments = new LinkImpairments { LossProbability = 0.5, DuplicationProbability = 0.5, ReorderProbability = 0.5, Delay = TimeSpan.FromMilliseconds(10) };
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => (char)('a' + i % 26)));
        string? received = null;
        bench.Server.ListenTcp(new IPEndPoint(IPAddress.Any, 80), async c => { await using (c) received = await StreamText.ReadAsync(c.Stream, text.Length); });

        await bench.Fabric.InvokeAsync(async () =>
        {
            await using var connection = await bench.Client.ConnectTcpAsync(new IPEndPoint(SimulationBench.ServerAddress, 80));
            await StreamText.WriteAsync(connection.Stream, text);
        });
        await bench.Idle(TimeSpan.FromSeconds(1));

        received.Should().Be(text);
    }
}
