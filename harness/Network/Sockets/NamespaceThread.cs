using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// A dedicated thread that does work inside one network namespace: for each piece of work it
/// enters the namespace with setns(2) (CLONE_NEWNET), runs it, and returns to the namespace it
/// started in. A socket belongs for its whole life to the namespace it was created in (socket(7)),
/// so sockets made here live in the host's namespace while the rest of the process (the actor
/// context, the thread pool, child processes) never leaves its own.
/// </summary>
/// <remarks>
/// The work must be synchronous and must not touch the thread pool, timers or Process: a thread
/// started from inside a namespace inherits it, and a thread pool worker created from here would
/// then open sockets in the wrong namespace for the rest of the process. The caller waits on a
/// plain event for the same reason.
/// </remarks>
public sealed class NamespaceThread : IDisposable
{
    readonly BlockingCollection<Action<Exception?>> _work = new();
    readonly Thread _thread;
    readonly string? _namespacePath;

    /// <param name="namespaceName">A name under /var/run/netns (ip-netns(8)); null for the process's own namespace.</param>
    public NamespaceThread(string? namespaceName)
    {
        _namespacePath = namespaceName is null ? null : "/var/run/netns/" + namespaceName;
        if (_namespacePath is not null && !File.Exists(_namespacePath))
            throw new InvalidOperationException($"no network namespace '{namespaceName}' ({_namespacePath} is absent)");
        _thread = new Thread(Serve) { IsBackground = true, Name = "netns " + (namespaceName ?? "(own)") };
        _thread.Start();
    }

    public string? NamespaceName => _namespacePath is null ? null : Path.GetFileName(_namespacePath);

    /// <summary>Runs <paramref name="work"/> inside the namespace and returns its result; its exception is rethrown here.</summary>
    public T Run<T>(Func<T> work)
    {
        if (Environment.CurrentManagedThreadId == _thread.ManagedThreadId) return work();
        T result = default!;
        Exception? error = null;
        using var done = new ManualResetEventSlim();
        try
        {
            _work.Add(entering =>
            {
                try
                {
                    if (entering is not null) throw entering;
                    result = work();
                }
                catch (Exception e) { error = e; }
                finally { done.Set(); }
            });
        }
        catch (InvalidOperationException) { throw new ObjectDisposedException(nameof(NamespaceThread)); }
        done.Wait();
        if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return result;
    }

    public void Run(Action work) => Run(() => { work(); return 0; });

    void Serve()
    {
        // The thread's own namespace, kept open to come back to after each piece of work.
        using SafeFileHandle? home = _namespacePath is null ? null : File.OpenHandle("/proc/thread-self/ns/net");
        using SafeFileHandle? target = _namespacePath is null ? null : File.OpenHandle(_namespacePath);
        foreach (var work in _work.GetConsumingEnumerable())
        {
            Exception? entering = null;
            try { if (target is not null) Enter(target); }
            catch (Exception e) { entering = e; }
            try { work(entering); }
            finally { if (home is not null && entering is null) Enter(home); }
        }
    }

    static void Enter(SafeFileHandle ns)
    {
        if (LibC.setns((int)ns.DangerousGetHandle(), LibC.CloneNewNet) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "setns(CLONE_NEWNET) failed (root, or CAP_SYS_ADMIN, is needed)");
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        if (Environment.CurrentManagedThreadId != _thread.ManagedThreadId) _thread.Join(TimeSpan.FromSeconds(5));
    }
}
