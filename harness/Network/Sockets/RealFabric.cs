using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// What every fabric on real sockets shares: the wall clock, the actor context (one dedicated
/// thread), the run loop that waits for the test's condition against a wall-clock bound, the
/// capture of frames for the evidence, and the seeded source of impairment draws.
/// </summary>
public abstract class RealFabric : IFabric
{
    readonly object _captureGate = new();
    int _disposed;

    protected RealFabric(FabricKind kind, int seed, TimeProvider? clock = null)
    {
        Kind = kind;
        Clock = clock ?? TimeProvider.System;
        Context = new ActorContext($"eue-{kind.ToString().ToLowerInvariant()}-actors");
        Impairment = new ImpairmentGate(seed, Clock);
        Order = new DeliveryOrder(Context);
    }

    public FabricKind Kind { get; }

    /// <summary>The wall clock (or a sped-up one, <see cref="Time.ScaledTimeProvider"/>): on real sockets time cannot be made to jump.</summary>
    public TimeProvider Clock { get; }

    /// <summary>
    /// How late, in wall-clock time, this fabric may deliver what the actors time, on a loaded machine: a timer's tick
    /// (the thread pool), the datagram's trip through the kernel, the receive loop and the actor thread that stamps
    /// the evidence. Every evidence timestamp is the true moment plus up to this much, so a time measured between two
    /// events is off by up to this much either way. The run scales it with the clock (a scenario sped up N times sees
    /// N times the lateness) and offers it to timing checks as a measurement allowance (TestBed.MeasurementAllowance);
    /// in simulation, whose clock is virtual, there is none. The figure is a bound measured on a 2-core machine under
    /// load (steps/README.md, "Real fabrics").
    /// </summary>
    public virtual TimeSpan SchedulingAllowance => DefaultSchedulingAllowance;

    /// <summary>The <see cref="SchedulingAllowance"/> of the loopback and netns fabrics.</summary>
    public static readonly TimeSpan DefaultSchedulingAllowance = TimeSpan.FromMilliseconds(50);

    /// <summary>The thread every actor callback runs on.</summary>
    public ActorContext Context { get; }

    internal ImpairmentGate Impairment { get; }

    /// <summary>Hands the receipts of what the fabric's own endpoints send to the actors in the order it was sent.</summary>
    internal DeliveryOrder Order { get; }

    public event Action<CapturedFrame>? FrameCaptured;

    public abstract ILink CreateLink(string name);

    public abstract Task<INetworkHost> AddHostAsync(ILink link, HostOptions options, CancellationToken cancellationToken = default);

    public Task InvokeAsync(Func<Task> work) => Context.InvokeAsync(work);

    public async Task<bool> RunUntilAsync(Task awaited, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // The actors run on their own thread all along; "running" them is only waiting, bounded by
        // the wall clock, and surfacing a callback that threw (a harness error, not a verdict).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expiry = Task.Delay(timeout, Clock, stop.Token);
        await Task.WhenAny(awaited, expiry, Context.FirstFault);
        stop.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        if (Context.FirstFault.IsCompleted)
            throw new InvalidOperationException("an actor callback threw on the " + Kind + " fabric", Context.FirstFault.Result);
        return awaited.IsCompleted;
    }

    [ThreadStatic] static (DateTimeOffset At, byte[] Payload)? t_delivering;

    /// <summary>
    /// Runs a datagram's delivery to an actor knowing when it was put on the link (<paramref name="wireTime"/>, the moment
    /// its frame was captured; null when unknown): the evidence of that datagram's receipt is stamped with it
    /// (<see cref="WireTimeOf"/>), as a capture on the wire would stamp it, not with the moment a receive loop and the
    /// actor thread got to it, which on a loaded machine is late by tens of milliseconds, and N times that on a clock
    /// sped up N times.
    /// </summary>
    internal static void Deliver(DateTimeOffset? wireTime, byte[] payload, Action deliver)
    {
        var previous = t_delivering;
        t_delivering = wireTime is { } at ? (at, payload) : null;
        try { deliver(); }
        finally { t_delivering = previous; }
    }

    /// <summary>The wire time of the datagram being delivered on this thread, if <paramref name="raw"/> is its payload.</summary>
    internal static DateTimeOffset? WireTimeOf(ReadOnlyMemory<byte> raw) =>
        t_delivering is { } d && raw.Length == d.Payload.Length && raw.Span.SequenceEqual(d.Payload) ? d.At : null;

    /// <summary>Hands a frame to the evidence, one at a time and in the order captured.</summary>
    internal void Capture(CapturedFrame frame)
    {
        lock (_captureGate) FrameCaptured?.Invoke(frame);
    }

    protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try { await DisposeNetworkAsync(); }
        finally
        {
            Order.Dispose();
            Context.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes every endpoint and removes what the fabric created (namespaces, links).</summary>
    protected abstract ValueTask DisposeNetworkAsync();
}
