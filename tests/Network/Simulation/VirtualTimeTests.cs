using System.Diagnostics;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>ARCHITECTURE.md, Time: in simulation the clock jumps to the next due timer whenever every actor is idle.</summary>
public class VirtualTimeTests
{
    static readonly TimeSpan TodRetryWindow = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task Waiting_out_three_300_second_windows_costs_less_than_100_ms_of_wall_time()
    {
        await ThreeWindowsAsync(); // the first run pays for JIT compilation, not for waiting
        var wall = Stopwatch.StartNew();

        var waited = await ThreeWindowsAsync();

        wall.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(100));
        waited.Should().Be(3 * TodRetryWindow);
    }

    static async Task<TimeSpan> ThreeWindowsAsync()
    {
        await using var fabric = new SimulationFabric();
        var start = fabric.Clock.GetUtcNow();
        var device = fabric.InvokeAsync("device", async () =>
        {
            for (int i = 0; i < 3; i++) await Task.Delay(TodRetryWindow, fabric.Clock);
        });
        (await fabric.RunUntilAsync(device, TimeSpan.FromHours(1))).Should().BeTrue();
        return fabric.Clock.GetUtcNow() - start;
    }

    [Fact]
    public async Task An_actor_resumes_after_an_await_on_the_thread_that_runs_the_simulation()
    {
        await using var fabric = new SimulationFabric();
        int runner = Environment.CurrentManagedThreadId;
        var threads = new List<int>();

        await fabric.InvokeAsync(async () =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Delay(TimeSpan.FromSeconds(10), fabric.Clock);
            threads.Add(Environment.CurrentManagedThreadId);
        });

        threads.Should().Equal(runner, runner);
    }

    [Fact]
    public async Task Timers_fire_in_the_order_they_fall_due()
    {
        await using var fabric = new SimulationFabric();
        var order = new List<string>();

        await fabric.InvokeAsync(async () => await Task.WhenAll(
            Wake("late", TimeSpan.FromSeconds(5)), Wake("early", TimeSpan.FromSeconds(2)), Wake("middle", TimeSpan.FromSeconds(3))));

        order.Should().Equal("early", "middle", "late");

        async Task Wake(string name, TimeSpan after)
        {
            await Task.Delay(after, fabric.Clock);
            order.Add(name);
        }
    }

    [Fact]
    public async Task A_wait_ends_as_soon_as_the_awaited_work_is_done()
    {
        await using var fabric = new SimulationFabric();
        var start = fabric.Clock.GetUtcNow();
        var done = new TaskCompletionSource();
        await fabric.InvokeAsync(() =>
        {
            _ = Task.Delay(TimeSpan.FromSeconds(10), fabric.Clock).ContinueWith(_ => done.SetResult(), TaskScheduler.FromCurrentSynchronizationContext());
            return Task.CompletedTask;
        });

        (await fabric.RunUntilAsync(done.Task, TimeSpan.FromSeconds(60))).Should().BeTrue();

        (fabric.Clock.GetUtcNow() - start).Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_idle_simulation_runs_the_clock_to_the_deadline_and_reports_the_wait_unmet()
    {
        await using var fabric = new SimulationFabric();
        var start = fabric.Clock.GetUtcNow();

        var met = await fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromSeconds(60));

        met.Should().BeFalse();
        (fabric.Clock.GetUtcNow() - start).Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_timer_due_after_the_deadline_does_not_fire()
    {
        await using var fabric = new SimulationFabric();
        bool fired = false;
        await fabric.InvokeAsync(() => { fabric.Clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(61), Timeout.InfiniteTimeSpan); });

        await fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromSeconds(60));

        fired.Should().BeFalse();
        fabric.VirtualClock.PendingTimers.Should().ContainSingle();
    }

    [Fact]
    public async Task Waiting_without_a_deadline_on_an_idle_simulation_is_reported_as_a_deadlock()
    {
        await using var fabric = new SimulationFabric();

        var wait = () => fabric.RunUntilAsync(new TaskCompletionSource().Task, Timeout.InfiniteTimeSpan);

        (await wait.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*deadlock*");
    }

    [Fact]
    public async Task Actor_code_may_not_run_the_simulation_itself()
    {
        await using var fabric = new SimulationFabric();

        var nested = () => fabric.InvokeAsync("device", () => fabric.RunUntilAsync(Task.CompletedTask, TimeSpan.FromSeconds(1)));

        (await nested.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*actor 'device'*");
    }
}
