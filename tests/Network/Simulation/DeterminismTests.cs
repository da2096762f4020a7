using EUeConformance.Network.Evidence;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Simulation;

/// <summary>ARCHITECTURE.md, harness/Network: the simulation is deterministic by seed, down to the bytes of its evidence.</summary>
public class DeterminismTests
{
    [Fact]
    public async Task Two_runs_with_the_same_seed_write_byte_identical_pcap_and_events()
    {
        string first = Repo.TempDir(), second = Repo.TempDir();

        (await SampleProvisioningRun.RunAsync(seed: 7, first, SampleProvisioningRun.Rough)).Should().BeTrue("the device gets through despite the impairments");
        await SampleProvisioningRun.RunAsync(seed: 7, second, SampleProvisioningRun.Rough);

        Bytes(second, EvidenceRecorder.CaptureFile).Should().Equal(Bytes(first, EvidenceRecorder.CaptureFile));
        Bytes(second, EvidenceRecorder.EventsFile).Should().Equal(Bytes(first, EvidenceRecorder.EventsFile));
        Bytes(first, EvidenceRecorder.EventsFile).Length.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Another_seed_draws_other_impairments()
    {
        string first = Repo.TempDir(), second = Repo.TempDir();

        await SampleProvisioningRun.RunAsync(seed: 7, first, SampleProvisioningRun.Rough);
        await SampleProvisioningRun.RunAsync(seed: 8, second, SampleProvisioningRun.Rough);

        Bytes(second, EvidenceRecorder.CaptureFile).Should().NotEqual(Bytes(first, EvidenceRecorder.CaptureFile));
    }

    static byte[] Bytes(string directory, string file) => File.ReadAllBytes(Path.Combine(directory, file));
}
