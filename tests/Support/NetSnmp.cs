using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;

namespace EUeConformance.Tests.Support;

/// <summary>
/// net-snmp (Debian packages 'snmp', 'snmpd' and 'snmptrapd', installed by scripts/test) as the
/// independent peer: its command-line tools against our agent and receiver, and its daemons against
/// our manager and originator. Every process runs with its own HOME, configuration path and
/// persistent directory (a fresh temporary folder), so the machine's net-snmp setup plays no part.
/// Daemons run in the foreground (-f) as this test process's children and are killed by their PID.
/// As with tshark, a missing binary fails the test with the package to install.
/// </summary>
public static class NetSnmp
{
    public static string Tool(string name)
    {
        string path = name is "snmpd" or "snmptrapd" ? $"/usr/sbin/{name}" : $"/usr/bin/{name}";
        File.Exists(path).Should().BeTrue($"net-snmp's {name} is the independent peer here: run scripts/test (it installs Debian's '{Package(name)}') or apt-get install {Package(name)}");
        return path;
    }

    static string Package(string name) => name switch { "snmpd" => "snmpd", "snmptrapd" => "snmptrapd", _ => "snmp" };

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    static ProcessStartInfo Start(string tool, IEnumerable<string> args, string home)
    {
        var psi = new ProcessStartInfo(Tool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        psi.Environment["SNMPCONFPATH"] = home;
        psi.Environment["SNMP_PERSISTENT_DIR"] = Path.Combine(home, "persist");
        // No MIB modules: OIDs print numerically (-On is given too) and nothing depends on the machine's MIB files.
        psi.Environment["MIBS"] = "";
        psi.Environment["MIBDIRS"] = home;
        return psi;
    }

    /// <summary>Runs a command-line tool to completion within <paramref name="bound"/> (killed by its handle otherwise).</summary>
    public static async Task<Result> RunAsync(string tool, IEnumerable<string> args, TimeSpan? bound = null)
    {
        string home = Repo.TempDir();
        using var p = Process.Start(Start(tool, args, home))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(30));
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            p.Kill();
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish within {bound ?? TimeSpan.FromSeconds(30)}; stderr so far is lost");
        }
        return new Result(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>A free UDP port on 127.0.0.1 (bound and released; the daemon binds it right after).</summary>
    public static int FreeUdpPort()
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)s.LocalEndPoint!).Port;
    }

    /// <summary>A daemon (snmpd or snmptrapd) started with a generated configuration file; its output is collected; disposing kills it by PID.</summary>
    public sealed class Daemon : IAsyncDisposable
    {
        readonly Process _process;
        readonly StringBuilder _output = new();
        readonly Lock _gate = new();
        readonly List<(string Text, TaskCompletionSource Done)> _waits = [];

        Daemon(Process process, int port, string home)
        {
            _process = process; Port = port; Home = home;
            process.OutputDataReceived += (_, e) => Line(e.Data);
            process.ErrorDataReceived += (_, e) => Line(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Port { get; }
        public int Pid => _process.Id;
        public string Home { get; }
        public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);
        public string Output { get { lock (_gate) return _output.ToString(); } }

        /// <summary>Starts <paramref name="tool"/> with <paramref name="config"/> (port substituted for {port}) as its only configuration (-C -c).</summary>
        public static async Task<Daemon> StartAsync(string tool, string config, string[] extraArgs, string readyText, TimeSpan bound)
        {
            string home = Repo.TempDir();
            Directory.CreateDirectory(Path.Combine(home, "persist"));
            int port = FreeUdpPort();
            string file = Path.Combine(home, $"{tool}.conf");
            await File.WriteAllTextAsync(file, config.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var psi = Start(tool, ["-f", "-Lo", "-C", "-c", file, .. extraArgs, $"udp:127.0.0.1:{port}"], home);
            var daemon = new Daemon(Process.Start(psi)!, port, home);
            try { await daemon.WaitForOutputAsync(readyText, bound); }
            catch { await daemon.DisposeAsync(); throw; }
            return daemon;
        }

        void Line(string? line)
        {
            if (line is null) return;
            List<TaskCompletionSource> done = [];
            lock (_gate)
            {
                _output.AppendLine(line);
                string all = _output.ToString();
                for (int i = _waits.Count - 1; i >= 0; i--)
                    if (all.Contains(_waits[i].Text, StringComparison.Ordinal)) { done.Add(_waits[i].Done); _waits.RemoveAt(i); }
            }
            foreach (var d in done) d.TrySetResult();
        }

        /// <summary>Waits (bounded) until the daemon's output contains <paramref name="text"/>.</summary>
        public async Task WaitForOutputAsync(string text, TimeSpan bound)
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_output.ToString().Contains(text, StringComparison.Ordinal)) return;
                _waits.Add((text, tcs));
            }
            try { await tcs.Task.WaitAsync(bound); }
            catch (TimeoutException) { throw new TimeoutException($"{_process.StartInfo.FileName} did not print \"{text}\" within {bound}; output:\n{Output}"); }
        }

        public async ValueTask DisposeAsync()
        {
            try { if (!_process.HasExited) _process.Kill(); } catch (InvalidOperationException) { }
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(cts.Token); } catch (OperationCanceledException) { }
            _process.Dispose();
        }
    }
}
