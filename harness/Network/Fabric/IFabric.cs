namespace EUeConformance.Network.Fabric;

/// <summary>
/// One network a test bed runs on: hosts attached to links, the clock every actor's timers go
/// through, and the run loop that lets the test side wait for what the actors do.
/// </summary>
/// <remarks>
/// Actors (headend servers, the simulated device) are state machines: their inputs are datagrams,
/// stream data and timer ticks, and every one of those callbacks runs on the fabric's actor context,
/// one at a time. In <see cref="FabricKind.Simulation"/> that context is a deterministic queue pumped
/// only inside <see cref="RunUntilAsync"/>, and the virtual clock jumps to the next due timer when
/// the queue is empty; on the real fabrics it is a dedicated thread and the clock is the wall clock.
/// Actor code may use async/await as long as it does not leave the context (no ConfigureAwait(false) in
/// its own awaits, no Task.Run) and takes every delay from <see cref="Clock"/>. Library code called from
/// actors (Stream.CopyToAsync and the like) may await the fabric's own tasks (stream reads, connects,
/// timers) with ConfigureAwait(false): the simulation completes those where such continuations stay on
/// its thread.
/// </remarks>
public interface IFabric : IAsyncDisposable
{
    FabricKind Kind { get; }

    /// <summary>Every timer of every actor goes through this clock (virtual in simulation).</summary>
    TimeProvider Clock { get; }

    /// <summary>Creates a layer-2 segment (broadcast domain) hosts attach to.</summary>
    ILink CreateLink(string name);

    /// <summary>Attaches a host with one interface to <paramref name="link"/>.</summary>
    Task<INetworkHost> AddHostAsync(ILink link, HostOptions options, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> on the actor context (where actors must be started and reconfigured).</summary>
    Task InvokeAsync(Func<Task> work);

    /// <summary>
    /// Lets the actors run until <paramref name="awaited"/> completes or <paramref name="timeout"/>
    /// of fabric time has passed; true when it completed. In simulation this is where the queue is
    /// pumped and virtual time advances, so a 300 s wait costs milliseconds.
    /// </summary>
    /// <remarks>
    /// Contract refinements (issue 5, simulation): <paramref name="timeout"/> may be
    /// <see cref="Timeout.InfiniteTimeSpan"/>; in simulation an idle fabric with no timer armed then
    /// reports a deadlock instead of waiting for ever. <paramref name="awaited"/> must be completed
    /// by actor code, on the actor context: the simulation sees only its own queue and clock, so a
    /// task the thread pool completes later (e.g. Task.WhenAll over a TaskCompletionSource made with
    /// RunContinuationsAsynchronously) looks like silence and time runs out. Use plain
    /// TaskCompletionSources for what actors complete. Must not be called from actor code (actors
    /// await; the simulation throws). On the simulation, <see cref="InvokeAsync"/> and the other
    /// asynchronous calls made from outside the actor context run the fabric themselves until done.
    /// </remarks>
    Task<bool> RunUntilAsync(Task awaited, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Every frame the fabric carries or captures, as it goes by (the raw material of the pcap).</summary>
    event Action<CapturedFrame>? FrameCaptured;
}

/// <summary>A layer-2 segment: a broadcast and link-local multicast domain.</summary>
public interface ILink
{
    string Name { get; }

    /// <summary>
    /// Impairments applied to frames on this link from now on (simulation honours all of them;
    /// real fabrics may apply them to the datagrams their own endpoints send, or throw NotSupportedException).
    /// </summary>
    LinkImpairments Impairments { get; set; }
}

/// <summary>Scriptable loss, delay, duplication and reordering; probabilities are drawn from the fabric's seeded random source.</summary>
/// <remarks>
/// As the simulation applies them (issue 5): <see cref="Drop"/> sees each frame as it is sent, then
/// loss, duplication and reordering are drawn, then a delay (± jitter, uniform) per copy; a frame is
/// captured when it arrives, so lost frames are absent from the pcap. Reordering holds a frame back
/// until the next frame on the link has gone ahead (at most SimulationFabric.ReorderHold). TCP
/// segments meet only <see cref="Delay"/>: the transport repairs the rest, and the stream arrives whole.
/// </remarks>
public sealed record LinkImpairments
{
    public static LinkImpairments None { get; } = new();
    public double LossProbability { get; init; }
    public TimeSpan Delay { get; init; }
    public TimeSpan Jitter { get; init; }
    public double DuplicationProbability { get; init; }
    public double ReorderProbability { get; init; }
    /// <summary>Drop only frames this predicate selects (e.g. the n-th DHCP message); null drops by probability only.</summary>
    public Func<CapturedFrame, bool>? Drop { get; init; }
}
