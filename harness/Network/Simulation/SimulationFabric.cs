using EUeConformance.Network.Fabric;
using EUeConformance.Network.Time;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// The in-memory fabric (<see cref="FabricKind.Simulation"/>): links and hosts as objects, frames
/// synthesised for the pcap, time virtual, everything run by one queue on the thread that calls
/// <see cref="RunUntilAsync"/>. Every random choice (impairments, TCP initial sequence numbers) comes
/// from one <see cref="System.Random"/> seeded with <see cref="Seed"/>, so the same seed and the same
/// inputs give byte-identical frames and evidence.
/// </summary>
/// <remarks>
/// Not thread-safe, by design: drive it from one thread at a time. The asynchronous calls
/// (<see cref="AddHostAsync"/>, <see cref="InvokeAsync(Func{Task})"/>, a host's AssignAddressAsync
/// and ConnectTcpAsync), when made from outside the actor context, run the simulation themselves
/// until they are done, as their real counterparts would complete on their own; from inside it they
/// just return their task for the actor to await.
/// </remarks>
public sealed class SimulationFabric : IFabric
{
    readonly List<SimulatedLink> _links = [];
    readonly List<SimulatedHost> _hosts = [];
    long _nextInterfaceIndex = 2; // 1 is the loopback interface on Linux
    bool _disposed;

    public SimulationFabric(int seed = 0, VirtualClock? clock = null)
    {
        Seed = seed;
        VirtualClock = clock ?? new VirtualClock();
        Context = new ActorContext(VirtualClock);
        Clock = new ActorClock(VirtualClock, Context);
        Random = new Random(seed);
    }

    public SimulationFabric(FabricOptions options) : this(options.Seed, options.Clock as VirtualClock
        ?? (options.Clock is null ? null : throw new ArgumentException("the simulation fabric runs on virtual time: give it a VirtualClock or none", nameof(options))))
    {
    }

    public FabricKind Kind => FabricKind.Simulation;

    public int Seed { get; }

    /// <summary>Actor time: the virtual clock's, with timer callbacks posted into the actor queue.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The clock underneath, for tests that inspect pending timers.</summary>
    public VirtualClock VirtualClock { get; }

    /// <summary>See <see cref="ActorContext.WorkItemsPerInstantLimit"/>.</summary>
    public int WorkItemsPerInstantLimit
    {
        get => Context.WorkItemsPerInstantLimit;
        set => Context.WorkItemsPerInstantLimit = value;
    }

    /// <summary>How much fabric time a call from outside may run the simulation for before it gives up (a day: longer than any provisioning flow).</summary>
    public TimeSpan CallLimit { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a frame chosen for reordering (<see cref="LinkImpairments.ReorderProbability"/>) waits for a later frame to overtake it before it goes anyway.</summary>
    public static TimeSpan ReorderHold => SimulatedLink.ReorderHold;

    public event Action<CapturedFrame>? FrameCaptured;

    internal ActorContext Context { get; }

    internal Random Random { get; }

    public ILink CreateLink(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_links.Any(l => l.Name == name)) throw new ArgumentException($"there is already a link named {name}", nameof(name));
        var link = new SimulatedLink(name, Context, VirtualClock, Random, Capture);
        _links.Add(link);
        return link;
    }

    public Task<INetworkHost> AddHostAsync(ILink link, HostOptions options, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (link is not SimulatedLink simulated || !_links.Contains(simulated))
            throw new ArgumentException("the link belongs to another fabric", nameof(link));
        if (_hosts.Any(h => h.Name == options.Name))
            throw new ArgumentException($"there is already a host named {options.Name}", nameof(options));
        var host = new SimulatedHost(this, simulated, options, _nextInterfaceIndex++);
        _hosts.Add(host);
        simulated.Attach(host);
        return OnContext<INetworkHost>(options.Name, async () =>
        {
            await host.ConfigureAsync(options, cancellationToken);
            return host;
        }, cancellationToken);
    }

    public Task InvokeAsync(Func<Task> work) => InvokeAsync("invoke", work);

    /// <summary>As <see cref="InvokeAsync(Func{Task})"/>, with the work (and the timers it arms) named after <paramref name="actor"/>.</summary>
    public Task InvokeAsync(string actor, Func<Task> work) =>
        OnContext(actor, async () => { await work(); return true; }, CancellationToken.None);

    public Task<bool> RunUntilAsync(Task awaited, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), "a wait cannot be negative");
        DateTimeOffset? deadline = timeout == Timeout.InfiniteTimeSpan ? null : VirtualClock.GetUtcNow() + timeout;
        try
        {
            return Task.FromResult(Context.RunUntil(awaited, deadline, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<bool>(e);
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> on the actor context: inline when already there; otherwise
    /// posted under <paramref name="actor"/>'s name, with the simulation run until it finishes.
    /// </summary>
    internal Task<T> OnContext<T>(string actor, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        if (Context.IsPumpingHere) return operation();
        var done = new TaskCompletionSource<T>();
        Context.Post(actor, () => _ = Run());
        var finished = RunUntilAsync(done.Task, CallLimit, cancellationToken);
        if (finished.IsCanceled) return Task.FromCanceled<T>(cancellationToken);
        if (finished.Exception is { } failed) return Task.FromException<T>(failed.InnerException!);
        if (!finished.Result)
            return Task.FromException<T>(new TimeoutException($"{actor}: the work did not finish within {CallLimit} of fabric time"));
        return done.Task;

        async Task Run()
        {
            try { done.TrySetResult(await operation()); }
            catch (OperationCanceledException e) { done.TrySetCanceled(e.CancellationToken); }
            catch (Exception e) { done.TrySetException(e); }
        }
    }

    void Capture(CapturedFrame frame) => FrameCaptured?.Invoke(frame);

    public ValueTask DisposeAsync()
    {
        if (_disposed) return ValueTask.CompletedTask;
        _disposed = true;
        foreach (var host in _hosts) host.Unplug();
        foreach (var link in _links) link.Close();
        Context.Clear();
        FrameCaptured = null;
        return ValueTask.CompletedTask;
    }
}
