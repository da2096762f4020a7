using EUeConformance.Network.Fabric;
using EUeConformance.Network.Simulation;
using EUeConformance.Network.Time;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network;

/// <summary>The factory behind <c>--fabric</c> and <c>--seed</c>.</summary>
public class FabricsTests
{
    [Fact]
    public async Task A_simulation_is_built_with_the_seed_and_the_runner_clock_it_is_given()
    {
        var clock = new VirtualClock();

        await using var fabric = Fabrics.Create(FabricKind.Simulation, new FabricOptions { Seed = 9, Clock = clock });

        fabric.Should().BeOfType<SimulationFabric>().Which.Seed.Should().Be(9);
        ((SimulationFabric)fabric).VirtualClock.Should().BeSameAs(clock);
    }

    [Fact]
    public void A_simulation_refuses_a_wall_clock()
    {
        var create = () => Fabrics.Create(FabricKind.Simulation, new FabricOptions { Clock = TimeProvider.System });

        create.Should().Throw<ArgumentException>().WithMessage("*virtual time*");
    }

    [Fact]
    public void The_interface_fabric_is_not_built_without_its_NIC_names()
    {
        var create = () => Fabrics.Create(FabricKind.Interface, new FabricOptions());

        create.Should().Throw<NotSupportedException>().WithMessage("*InterfaceFabricOptions*");
    }
}
