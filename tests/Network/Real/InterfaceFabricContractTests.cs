using EUeConformance.Network.Fabric;
using EUeConformance.Network.Interface;
using Xunit;

namespace EUeConformance.Tests.Network.Real;

/// <summary>
/// The fabric contract, met by the interface fabric bound to named NICs: here veths called
/// eue-lab0… in namespaces of a fresh <see cref="VethLab"/> per test, never this machine's NICs.
/// Needs root, like the lab.
/// </summary>
public sealed class InterfaceFabricContractTests : FabricContractTests, IAsyncLifetime
{
    VethLab? _lab;

    protected override IFabric CreateFabric()
    {
        _lab = new VethLab(interfaces: 3);
        return new InterfaceFabric(_lab.Options);
    }

    // Re-implemented so the lab is removed after the fabric that used it.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _lab?.Dispose();
    }
}
