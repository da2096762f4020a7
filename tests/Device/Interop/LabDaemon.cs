using System.Diagnostics;
using System.Globalization;
using System.Text;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Netns;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// One Debian server running in the foreground inside a namespace of the lab (<c>ip netns exec</c>, then
/// <c>env</c> for its environment, both exec'ing, so the PID is the server's own): its standard output and
/// error collected, waited on with a bound, and stopped by its PID, SIGTERM first so that it flushes.
/// </summary>
public sealed class LabDaemon : IAsyncDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();
    readonly Lock _gate = new();
    readonly TimeProvider _clock;

    LabDaemon(string name, Process process, TimeProvider clock)
    {
        Name = name;
        _process = process;
        _clock = clock;
        Pid = process.Id;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public int Pid { get; }
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_gate) return _output.ToString(); } }

    /// <summary>Starts <paramref name="program"/> in <paramref name="host"/>'s namespace with exactly <paramref name="environment"/> added.</summary>
    public static LabDaemon Start(NetnsFabric fabric, INetworkHost host, string name, string program, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        string[] args = [.. environment.Select(e => $"{e.Key}={e.Value}"), program, .. arguments];
        return new LabDaemon(name, fabric.StartProcess(host, "/usr/bin/env", args), fabric.Clock);
    }

    void Add(string? line)
    {
        if (line is null) return;
        lock (_gate) _output.Append(line).Append('\n');
    }

    /// <summary>Polls (on the fabric clock) until <paramref name="read"/> yields text containing <paramref name="text"/>; fails if the server ends first.</summary>
    public async Task<string> WaitForAsync(Func<string> read, string text, TimeSpan within, string what)
    {
        var until = _clock.GetUtcNow() + within;
        while (true)
        {
            string now = read();
            if (now.Contains(text, StringComparison.Ordinal)) return now;
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} (pid {Pid}) ended with exit code {_process.ExitCode} before {what} showed \"{text}\":\n{Output}");
            if (_clock.GetUtcNow() > until)
                throw new TimeoutException($"{what} did not show \"{text}\" within {within.TotalSeconds} s; {Name} (pid {Pid}) said:\n{Output}\n{what}:\n{now}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), _clock);
        }
    }

    /// <summary>Waits until the server's own output contains <paramref name="text"/>.</summary>
    public Task<string> WaitForOutputAsync(string text, TimeSpan within) => WaitForAsync(() => Output, text, within, $"{Name}'s output");

    /// <summary>Waits until the file <paramref name="path"/> (which the server writes) contains <paramref name="text"/>.</summary>
    public Task<string> WaitForFileAsync(string path, string text, TimeSpan within) => WaitForAsync(() => ReadShared(path), text, within, path);

    /// <summary>A file another process is writing, read without locking it out.</summary>
    public static string ReadShared(string path)
    {
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Stops the server by its PID: SIGTERM, a short bounded wait, then SIGKILL.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start(new ProcessStartInfo("/bin/kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false, RedirectStandardError = true }))
            kill?.WaitForExit(2000);
        var until = _clock.GetUtcNow() + TimeSpan.FromSeconds(3);
        while (!_process.HasExited && _clock.GetUtcNow() < until) await Task.Delay(TimeSpan.FromMilliseconds(20), _clock);
        NetnsProcess.EndIfRunning(_process);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
