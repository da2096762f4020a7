using EUeConformance.Runner.Profile;

namespace EUeConformance.Runner.Execution;

/// <summary>
/// What one scenario runs on, built fresh for every scenario and injected into its bindings: the
/// DUT profile, the clock, the fabric's name and seed, and the folder its evidence goes to. The
/// headend, the fabric and the DUT adapter take their seats here as they are built.
/// </summary>
public sealed class TestBed(DutProfile profile, TimeProvider clock, string fabric, int seed, string evidenceDirectory)
{
    public DutProfile Profile { get; } = profile;
    public TimeProvider Clock { get; } = clock;
    public string Fabric { get; } = fabric;
    public int Seed { get; } = seed;
    /// <summary>Where this scenario's evidence files go (step log, and later pcap and events.jsonl).</summary>
    public string EvidenceDirectory { get; } = evidenceDirectory;
}
