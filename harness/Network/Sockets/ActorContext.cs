using System.Collections.Concurrent;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// The actor context of a real fabric: one dedicated thread draining a blocking queue, installed as
/// that thread's <see cref="SynchronizationContext"/>. Every actor callback (a datagram, an accepted
/// stream, an invoked piece of work) and every continuation of an await that started here runs on
/// this thread, one at a time, so actors need no locks, exactly as on the simulation's queue
/// (IFabric remarks).
/// </summary>
public sealed class ActorContext : SynchronizationContext, IDisposable
{
    readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();
    readonly Thread _thread;
    readonly TaskCompletionSource<Exception> _firstFault = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ActorContext(string name)
    {
        _thread = new Thread(Pump) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>True on the context's own thread.</summary>
    public bool IsCurrent => Environment.CurrentManagedThreadId == _thread.ManagedThreadId;

    /// <summary>Completes with the first exception an actor callback let escape: a harness error the run loop reports.</summary>
    public Task<Exception> FirstFault => _firstFault.Task;

    /// <summary>Records a harness failure that happened off the context (a receive loop that broke).</summary>
    public void ReportFault(Exception error) => _firstFault.TrySetResult(error);

    public override void Post(SendOrPostCallback d, object? state)
    {
        // After disposal a late datagram or timer has nowhere to go: it is dropped, like a frame
        // arriving at an interface that is down.
        try { _queue.Add((d, state)); }
        catch (InvalidOperationException) { } // CompleteAdding was called (ObjectDisposedException is one too)
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (IsCurrent) { d(state); return; }
        using var done = new ManualResetEventSlim();
        Exception? error = null;
        Post(_ => { try { d(state); } catch (Exception e) { error = e; } finally { done.Set(); } }, null);
        done.Wait();
        if (error is not null) throw new InvalidOperationException("the work sent to the actor context failed", error);
    }

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="work"/> on the context; the task completes when the work (and its awaits) has.</summary>
    public Task InvokeAsync(Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(async _ =>
        {
            try { await work(); done.SetResult(); }
            catch (Exception e) { done.SetException(e); }
        }, null);
        return done.Task;
    }

    /// <summary>Posts an actor callback; an exception it throws is recorded as a fault, never lost.</summary>
    public void Deliver(Action callback) => Post(_ => callback(), null);

    /// <summary>Posts an asynchronous actor callback (e.g. an accepted stream's handler); its faults are recorded.</summary>
    public void DeliverTask(Func<Task> callback) => Post(async _ => await callback(), null);

    void Pump()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
        {
            try { callback(state); }
            catch (Exception e) { _firstFault.TrySetResult(e); }
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        // Joining from the context itself would wait for ourselves; otherwise give the queue a
        // bounded moment to drain what is already posted.
        if (!IsCurrent) _thread.Join(TimeSpan.FromSeconds(5));
    }
}
