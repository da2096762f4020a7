using EUeConformance.Network.Fabric;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Simulation;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Evidence;

/// <summary>The evidence log: numbered, time-stamped, in order, and awaitable from the test side.</summary>
public class EvidenceLogTests
{
    static bool Solicit(EvidenceEvent e) => e.Kind == "SOLICIT";

    /// <summary>The device's SOLICIT, published by the server <paramref name="after"/> the call, on the actor context.</summary>
    static Task PublishLater(SimulationFabric fabric, EvidenceLog log, TimeSpan after, string kind = "SOLICIT") =>
        fabric.InvokeAsync(() =>
        {
            fabric.Clock.CreateTimer(_ => log.Publish(EvidenceSamples.Received(kind)), null, after, Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        });

    [Fact]
    public async Task Publication_numbers_events_from_one_and_stamps_them_with_fabric_time()
    {
        await using var fabric = new SimulationFabric();
        var log = new EvidenceLog(fabric);
        await fabric.RunUntilAsync(new TaskCompletionSource().Task, TimeSpan.FromSeconds(5));

        var first = log.Publish(EvidenceSamples.Received("SOLICIT"));
        var second = log.Publish(EvidenceSamples.Received("REQUEST"));

        (first.Sequence, second.Sequence).Should().Be((1, 2));
        first.At.Should().Be(fabric.Clock.GetUtcNow());
        log.Events.Should().Equal(first, second);
    }

    [Fact]
    public async Task Waiting_finds_the_next_matching_event_and_ends_when_it_is_published()
    {
        await using var fabric = new SimulationFabric();
        var log = new EvidenceLog(fabric);
        var start = fabric.Clock.GetUtcNow();
        await PublishLater(fabric, log, TimeSpan.FromSeconds(30));

        var solicit = await log.WaitForAsync(Solicit, within: TimeSpan.FromSeconds(60));

        solicit.Should().NotBeNull();
        solicit!.At.Should().Be(start + TimeSpan.FromSeconds(30));
        fabric.Clock.GetUtcNow().Should().Be(start + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Waiting_gives_nothing_when_no_matching_event_comes_in_time()
    {
        await using var fabric = new SimulationFabric();
        var log = new EvidenceLog(fabric);
        var start = fabric.Clock.GetUtcNow();
        await PublishLater(fabric, log, TimeSpan.FromSeconds(90));

        var solicit = await log.WaitForAsync(Solicit, within: TimeSpan.FromSeconds(60));

        solicit.Should().BeNull();
        fabric.Clock.GetUtcNow().Should().Be(start + TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Waiting_skips_events_that_do_not_match()
    {
        await using var fabric = new SimulationFabric();
        var log = new EvidenceLog(fabric);
        await PublishLater(fabric, log, TimeSpan.FromSeconds(1), "REQUEST");
        await PublishLater(fabric, log, TimeSpan.FromSeconds(2), "SOLICIT");

        var solicit = await log.WaitForAsync(Solicit, within: TimeSpan.FromSeconds(60));

        solicit!.Sequence.Should().Be(2);
    }

    [Fact]
    public async Task Waiting_from_a_cursor_finds_an_event_that_was_already_published()
    {
        await using var fabric = new SimulationFabric();
        var log = new EvidenceLog(fabric);
        var before = log.Cursor;
        log.Publish(EvidenceSamples.Received("SOLICIT"));

        var solicit = await log.WaitForAsync(Solicit, within: TimeSpan.FromSeconds(60), from: before);

        solicit!.Sequence.Should().Be(1);
    }

    [Fact]
    public async Task Waiting_without_a_cursor_looks_only_at_what_comes_next()
    {
        await using var fabric = new SimulationFabric();
        var log = new EvidenceLog(fabric);
        log.Publish(EvidenceSamples.Received("SOLICIT"));

        var solicit = await log.WaitForAsync(Solicit, within: TimeSpan.FromSeconds(60));

        solicit.Should().BeNull();
    }

    [Fact]
    public async Task Looking_back_from_a_cursor_lists_the_matching_events_after_it_in_order()
    {
        await using var fabric = new SimulationFabric();
        var log = new EvidenceLog(fabric);
        var first = log.Publish(EvidenceSamples.Received("SOLICIT"));
        log.Publish(EvidenceSamples.Received("REQUEST"));
        var third = log.Publish(EvidenceSamples.Received("SOLICIT"));
        log.Publish(EvidenceSamples.Received("SOLICIT"));

        log.Since(EvidenceCursor.After(first), Solicit).Select(e => e.Sequence).Should().Equal(third.Sequence, 4);
    }

    [Fact]
    public async Task A_matcher_that_throws_fails_the_wait_not_the_server_that_published()
    {
        await using var fabric = new SimulationFabric();
        var log = new EvidenceLog(fabric);
        await PublishLater(fabric, log, TimeSpan.FromSeconds(1));

        var wait = () => log.WaitForAsync(_ => throw new InvalidOperationException("bad matcher"), within: TimeSpan.FromSeconds(60));

        await wait.Should().ThrowAsync<InvalidOperationException>().WithMessage("bad matcher");
        log.Events.Should().ContainSingle();
    }
}
