using System.Net;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>An actor that throws on the actor context is a harness error that surfaces from the run, with the actor's name.</summary>
public class ActorFailureTests
{
    [Fact]
    public async Task A_receive_handler_that_throws_surfaces_from_the_run_named_after_its_host()
    {
        await using var bench = await SimulationBench.StartAsync();
        var socket = bench.Server.OpenUdp(new IPEndPoint(IPAddress.Any, 6767));
        socket.Received = _ => throw new FormatException("bad option");
        await bench.Fabric.InvokeAsync(() => bench.Client.OpenUdp(new IPEndPoint(IPAddress.Any, 6868)).Send([1], new IPEndPoint(SimulationBench.ServerAddress, 6767)));

        var run = () => bench.Idle(TimeSpan.FromSeconds(1));

        var failure = (await run.Should().ThrowAsync<ActorFailedException>()).Which;
        failure.Actor.Should().Be("server");
        failure.InnerException.Should().BeOfType<FormatException>();
    }
}
