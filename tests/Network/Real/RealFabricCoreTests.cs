using System.Net;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Loopback;
using EUeConformance.Tests.Network.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Real;

/// <summary>
/// The core every real fabric shares (harness/Network/Sockets): one actor thread with its own
/// synchronization context, a run loop bounded by the wall clock that surfaces an actor's failure,
/// and impairments applied to the fabric's own sends. Shown on loopback, which needs no privileges.
/// </summary>
public sealed class RealFabricCoreTests : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    readonly LoopbackFabric _fabric = new(new LoopbackFabricOptions { Seed = 7 });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task Actor_callbacks_and_their_continuations_run_one_at_a_time_on_one_dedicated_thread()
    {
        var threads = new List<int>();
        int running = 0, overlaps = 0;
        async Task Work()
        {
            if (Interlocked.Increment(ref running) > 1) Interlocked.Increment(ref overlaps);
            threads.Add(Environment.CurrentManagedThreadId);
            Interlocked.Decrement(ref running);
            await Task.Delay(TimeSpan.FromMilliseconds(5), _fabric.Clock);
            if (Interlocked.Increment(ref running) > 1) Interlocked.Increment(ref overlaps);
            threads.Add(Environment.CurrentManagedThreadId);
            SynchronizationContext.Current.Should().BeSameAs(_fabric.Context);
            Interlocked.Decrement(ref running);
        }

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _fabric.InvokeAsync(Work)));

        threads.Distinct().Should().ContainSingle();
        overlaps.Should().Be(0);
    }

    [Fact]
    public async Task The_run_loop_gives_up_after_its_wall_clock_bound()
    {
        var started = _fabric.Clock.GetTimestamp();

        bool completed = await _fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromMilliseconds(200));

        completed.Should().BeFalse();
        _fabric.Clock.GetElapsedTime(started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));
    }

    [Fact]
    public async Task An_actor_callback_that_throws_is_a_harness_error_reported_by_the_run_loop()
    {
        var link = _fabric.CreateLink("lan");
        var host = await _fabric.AddHostAsync(link, new HostOptions("server", new([2, 0, 0, 0, 0, 1]), [new InterfaceAddress(IPAddress.Parse("192.0.2.1"), 24)]));
        var client = await _fabric.AddHostAsync(link, new HostOptions("client", new([2, 0, 0, 0, 0, 2]), [new InterfaceAddress(IPAddress.Parse("192.0.2.2"), 24)]));
        host.OpenUdp(new IPEndPoint(IPAddress.Any, 67)).Received = _ => throw new FormatException("a bug in a server");

        await _fabric.InvokeAsync(() => client.OpenUdp(new IPEndPoint(IPAddress.Any, 68)).Send("x"u8, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 67)));
        var run = () => _fabric.RunUntilAsync(new TaskCompletionSource().Task, Patience);

        (await run.Should().ThrowAsync<InvalidOperationException>()).WithInnerException<FormatException>();
    }

    [Fact]
    public async Task A_link_that_loses_everything_delivers_nothing_and_a_duplicating_one_delivers_twice()
    {
        var link = _fabric.CreateLink("lan");
        var server = await _fabric.AddHostAsync(link, new HostOptions("server", new([2, 0, 0, 0, 0, 1]), [new InterfaceAddress(IPAddress.Parse("192.0.2.1"), 24)]));
        var client = await _fabric.AddHostAsync(link, new HostOptions("client", new([2, 0, 0, 0, 0, 2]), [new InterfaceAddress(IPAddress.Parse("192.0.2.2"), 24)]));
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.Any, 67)));
        var socket = client.OpenUdp(new IPEndPoint(IPAddress.Any, 68));
        var to = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 67);

        link.Impairments = new LinkImpairments { LossProbability = 1 };
        await _fabric.InvokeAsync(() => socket.Send("lost"u8, to));
        await _fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromMilliseconds(300));
        inbox.Received.Should().BeEmpty();

        link.Impairments = new LinkImpairments { DuplicationProbability = 1 };
        await _fabric.InvokeAsync(() => socket.Send("twice"u8, to));
        (await _fabric.RunUntilAsync(inbox.Count(2), Patience)).Should().BeTrue();
    }

    [Fact]
    public async Task A_delayed_link_holds_a_datagram_back_for_at_least_its_delay()
    {
        var link = _fabric.CreateLink("lan");
        var server = await _fabric.AddHostAsync(link, new HostOptions("server", new([2, 0, 0, 0, 0, 1]), [new InterfaceAddress(IPAddress.Parse("192.0.2.1"), 24)]));
        var client = await _fabric.AddHostAsync(link, new HostOptions("client", new([2, 0, 0, 0, 0, 2]), [new InterfaceAddress(IPAddress.Parse("192.0.2.2"), 24)]));
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.Any, 67)));
        var socket = client.OpenUdp(new IPEndPoint(IPAddress.Any, 68));
        link.Impairments = new LinkImpairments { Delay = TimeSpan.FromMilliseconds(250) };
        var sent = _fabric.Clock.GetUtcNow();

        await _fabric.InvokeAsync(() => socket.Send("late"u8, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 67)));

        (await _fabric.RunUntilAsync(inbox.First, Patience)).Should().BeTrue();
        (inbox.Received.Single().ReceivedAt - sent).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240));
    }

    [Fact]
    public async Task A_drop_rule_removes_only_the_frames_it_selects()
    {
        var link = _fabric.CreateLink("lan");
        var server = await _fabric.AddHostAsync(link, new HostOptions("server", new([2, 0, 0, 0, 0, 1]), [new InterfaceAddress(IPAddress.Parse("192.0.2.1"), 24)]));
        var client = await _fabric.AddHostAsync(link, new HostOptions("client", new([2, 0, 0, 0, 0, 2]), [new InterfaceAddress(IPAddress.Parse("192.0.2.2"), 24)]));
        var inbox = new DatagramInbox(server.OpenUdp(new IPEndPoint(IPAddress.Any, 67)));
        var socket = client.OpenUdp(new IPEndPoint(IPAddress.Any, 68));
        int seen = 0;
        link.Impairments = new LinkImpairments { Drop = _ => Interlocked.Increment(ref seen) == 1 }; // the first frame only

        await _fabric.InvokeAsync(() => { socket.Send("first"u8, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 67)); socket.Send("second"u8, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 67)); });

        (await _fabric.RunUntilAsync(inbox.First, Patience)).Should().BeTrue();
        await _fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromMilliseconds(200));
        inbox.Received.Select(d => System.Text.Encoding.ASCII.GetString(d.Payload.Span)).Should().Equal("second");
    }
}
