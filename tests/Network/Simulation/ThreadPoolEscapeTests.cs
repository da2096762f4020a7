using System.Net;
using EUeConformance.Network.Fabric;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>
/// Library code awaits with ConfigureAwait(false) (Stream.CopyToAsync, ReadExactlyAsync…). The runtime
/// never inlines such a continuation under a custom SynchronizationContext: it queues it to the thread
/// pool, where the simulation cannot see it, so virtual time ran on without it and streams arrived "late
/// or empty" whenever the pool was busy. The fabric completes what actors await with no context set, so
/// these continuations stay on the thread that runs the simulation, at the instant they belong to.
/// </summary>
public class ThreadPoolEscapeTests
{
    static readonly IPEndPoint Server = new(SimulationBench.ServerAddress, 8080);

    [Fact]
    public async Task A_stream_read_awaited_with_ConfigureAwait_false_resumes_on_the_simulation_thread()
    {
        await using var bench = await SimulationBench.StartAsync();
        int runner = Environment.CurrentManagedThreadId;
        bench.Server.ListenTcp(Server, async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), bench.Fabric.Clock);
            await c.Stream.WriteAsync(new byte[] { 1, 2, 3 });
        });
        int resumedOn = 0;
        var resumedAt = DateTimeOffset.MinValue;

        await bench.Fabric.InvokeAsync(async () =>
        {
            var c = await bench.Client.ConnectTcpAsync(Server);
            var buffer = new byte[3];
            await c.Stream.ReadAsync(buffer).ConfigureAwait(false);
            (resumedOn, resumedAt) = (Environment.CurrentManagedThreadId, bench.Fabric.Clock.GetUtcNow());
        });

        resumedOn.Should().Be(runner);
        (resumedAt - bench.Fabric.VirtualClock.GetUtcNow()).Should().Be(TimeSpan.Zero, "nothing ran on while the reader was away");
    }

    [Fact]
    public async Task Stream_CopyToAsync_gets_every_byte_before_the_peer_idle_timer_fires()
    {
        await using var bench = await SimulationBench.StartAsync();
        var payload = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        bench.Server.ListenTcp(Server, async c =>
        {
            await using var _ = c;
            await c.Stream.WriteAsync(payload);
        });
        byte[] got = [];
        // A timer far ahead: if the copy's continuations left the pump, the simulation would idle up to it first.
        bool late = false;
        await bench.Fabric.InvokeAsync(() => { bench.Fabric.Clock.CreateTimer(_ => late = true, null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan); });

        await bench.Fabric.InvokeAsync(async () =>
        {
            await using var c = await bench.Client.ConnectTcpAsync(Server);
            var all = new MemoryStream();
            await c.Stream.CopyToAsync(all);
            got = all.ToArray();
        });

        got.Should().Equal(payload);
        late.Should().BeFalse();
    }

    [Fact]
    public async Task A_virtual_delay_awaited_with_ConfigureAwait_false_resumes_on_the_simulation_thread_at_its_instant()
    {
        await using var bench = await SimulationBench.StartAsync();
        int runner = Environment.CurrentManagedThreadId;
        var start = bench.Fabric.Clock.GetUtcNow();
        (int Thread, TimeSpan After) resumed = default;

        await bench.Fabric.InvokeAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(300), bench.Fabric.Clock).ConfigureAwait(false);
            resumed = (Environment.CurrentManagedThreadId, bench.Fabric.Clock.GetUtcNow() - start);
        });

        resumed.Should().Be((runner, TimeSpan.FromSeconds(300)));
    }
}
