using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>Virtual time would make a busy actor look like a hang; the simulation stops it instead, and names it.</summary>
public class LivelockGuardTests
{
    [Fact]
    public async Task An_actor_that_keeps_working_without_letting_time_move_is_stopped_and_named()
    {
        await using var fabric = new SimulationFabric { WorkItemsPerInstantLimit = 1_000 };

        var spin = () => fabric.InvokeAsync("spinning-device", async () => { while (true) await Task.Yield(); });

        (await spin.Should().ThrowAsync<SimulationLivelockException>()).Which.Actor.Should().Be("spinning-device");
    }

    [Fact]
    public async Task A_timer_that_re_arms_itself_at_once_is_stopped_and_named_after_the_actor_that_armed_it()
    {
        await using var fabric = new SimulationFabric { WorkItemsPerInstantLimit = 1_000 };
        await fabric.InvokeAsync("ticking-server", () => { Again(); return Task.CompletedTask; });

        var run = () => fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromSeconds(1));

        (await run.Should().ThrowAsync<SimulationLivelockException>()).Which.Actor.Should().Be("ticking-server");

        void Again() => fabric.Clock.CreateTimer(_ => Again(), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public async Task Much_work_spread_over_time_is_not_a_livelock()
    {
        await using var fabric = new SimulationFabric { WorkItemsPerInstantLimit = 100 };
        int ticks = 0;

        await fabric.InvokeAsync(async () =>
        {
            for (; ticks < 10_000; ticks++) await Task.Delay(TimeSpan.FromMilliseconds(1), fabric.Clock);
        });

        ticks.Should().Be(10_000);
    }
}
