using System.Diagnostics;
using System.Text;
using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Netns;

/// <summary>
/// Programs run inside a namespace with <c>ip netns exec</c> (ip-netns(8)): it enters the
/// namespace and execs the program, so the returned process's PID is the program's own.
/// </summary>
public static class NetnsProcess
{
    /// <summary>How long output may still trickle in after the program ended (a daemon it forked may hold the pipe for ever).</summary>
    static readonly TimeSpan OutputGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>How a finished program ended; the output is what it wrote until then.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr, bool TimedOut);

    public static Process Start(string @namespace, string fileName, params string[] arguments)
    {
        var psi = new ProcessStartInfo(IpCommand.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["netns", "exec", @namespace, fileName, .. arguments]) psi.ArgumentList.Add(a);
        return Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName} in {@namespace}");
    }

    /// <summary>
    /// Waits for <paramref name="process"/> to exit, at most <paramref name="timeout"/> on
    /// <paramref name="clock"/>, ending it when the time is up. Its output is collected as it comes
    /// and not waited for past a short grace: a daemon the program forked (dhcpcd's proxies) keeps
    /// the pipe open long after the program itself is gone. The caller must not read the streams itself.
    /// </summary>
    public static async Task<Result> WaitAsync(Process process, TimeSpan timeout, TimeProvider clock)
    {
        var stdout = new Collector();
        var stderr = new Collector();
        process.OutputDataReceived += (_, e) => stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited) exited.TrySetResult();

        bool timedOut = await Task.WhenAny(exited.Task, Task.Delay(timeout, clock)) != exited.Task;
        if (timedOut)
        {
            EndIfRunning(process);
            await Task.WhenAny(exited.Task, Task.Delay(OutputGrace, clock));
        }
        await Task.WhenAny(Task.WhenAll(stdout.Ended, stderr.Ended), Task.Delay(OutputGrace, clock));
        return new Result(process.HasExited ? process.ExitCode : -1, stdout.Text, stderr.Text, timedOut);
    }

    /// <summary>Ends a process we started, with the children it still has, by its PID, if it is still running.</summary>
    public static void EndIfRunning(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // it exited meanwhile, or was never started
    }

    /// <summary>
    /// Ends every process still inside <paramref name="namespace"/> (<c>ip netns pids</c>): in a
    /// namespace of ours they can only descend from programs we started there, such as a daemon
    /// that detached from its parent, and they would outlive the namespace's name otherwise.
    /// </summary>
    public static void EndAllIn(string @namespace)
    {
        string pids;
        try { pids = IpCommand.Run(null, "netns", "pids", @namespace); }
        catch (IpCommandException) { return; } // the namespace is gone already
        foreach (var line in pids.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(line.Trim(), out int pid) || pid == Environment.ProcessId) continue;
            try
            {
                using var p = Process.GetProcessById(pid);
                p.Kill();
            }
            catch (ArgumentException) { } // gone already
            catch (InvalidOperationException) { }
        }
    }

    sealed class Collector
    {
        readonly StringBuilder _text = new();
        readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ended => _ended.Task;

        public string Text { get { lock (_text) return _text.ToString(); } }

        public void Add(string? line)
        {
            if (line is null) { _ended.TrySetResult(); return; } // end of the stream
            lock (_text) _text.Append(line).Append('\n');
        }
    }
}
