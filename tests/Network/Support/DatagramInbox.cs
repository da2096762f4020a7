using EUeConformance.Network.Fabric;

namespace EUeConformance.Tests.Network.Support;

/// <summary>
/// What one socket received, and a task that completes when the first datagram (or the n-th) is in;
/// safe to read from the test thread. The tasks complete inline, on the actor context: see
/// <see cref="IFabric.RunUntilAsync"/> for why a simulation cannot wait on thread-pool completions.
/// </summary>
public sealed class DatagramInbox
{
    readonly object _gate = new();
    readonly List<Datagram> _received = [];
    readonly List<(int Count, TaskCompletionSource Reached)> _waits = [];

    public DatagramInbox(IDatagramSocket socket) => socket.Received = Add;

    public IReadOnlyList<Datagram> Received
    {
        get { lock (_gate) return _received.ToList(); }
    }

    public Task First => Count(1);

    /// <summary>Completes once <paramref name="count"/> datagrams have arrived.</summary>
    public Task Count(int count)
    {
        lock (_gate)
        {
            if (_received.Count >= count) return Task.CompletedTask;
            var reached = new TaskCompletionSource();
            _waits.Add((count, reached));
            return reached.Task;
        }
    }

    void Add(Datagram datagram)
    {
        List<TaskCompletionSource> reached;
        lock (_gate)
        {
            _received.Add(datagram);
            reached = _waits.Where(w => w.Count <= _received.Count).Select(w => w.Reached).ToList();
            _waits.RemoveAll(w => w.Count <= _received.Count);
        }
        foreach (var r in reached) r.TrySetResult();
    }
}
