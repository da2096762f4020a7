using System.Diagnostics;

namespace EUeConformance.Network.Sockets;

/// <summary>
/// iproute2's <c>ip</c>, the way the kernel's links, addresses and namespaces are changed here
/// (ip-link(8), ip-address(8), ip-netns(8)). Every call is bounded in time and a failure throws
/// with the command and the kernel's answer, so a broken lab set-up reads as what it is.
/// </summary>
public static class IpCommand
{
    public const string Path = "/usr/sbin/ip";
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Runs <c>ip [-n namespace] args…</c> and returns its standard output.</summary>
    public static string Run(string? netns, params string[] args)
    {
        var (code, stdout, stderr) = Execute(netns, args, stdin: null);
        if (code != 0) throw new IpCommandException(Describe(netns, args), stderr.Trim());
        return stdout;
    }

    /// <summary>Like <see cref="Run"/>, but reports failure as false with the message instead of throwing.</summary>
    public static bool TryRun(string? netns, out string error, params string[] args)
    {
        var (code, _, stderr) = Execute(netns, args, stdin: null);
        error = stderr.Trim();
        return code == 0;
    }

    /// <summary>Runs several commands in one process (<c>ip -batch -</c>), stopping at the first failure.</summary>
    public static void Batch(string? netns, IEnumerable<string> commands)
    {
        var lines = string.Join('\n', commands) + "\n";
        var (code, _, stderr) = Execute(netns, ["-batch", "-"], lines);
        if (code != 0) throw new IpCommandException(Describe(netns, ["-batch", "-"]) + ":\n" + lines, stderr.Trim());
    }

    static (int Code, string Stdout, string Stderr) Execute(string? netns, string[] args, string? stdin)
    {
        if (!File.Exists(Path)) throw new InvalidOperationException($"iproute2 is missing ({Path}); install the Debian package 'iproute2'");
        var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false };
        if (netns is not null) { psi.ArgumentList.Add("-n"); psi.ArgumentList.Add(netns); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + Path);
        // The output is drained on two threads of our own, not with ReadToEndAsync: callers wait
        // synchronously, often on thread pool threads, and on a two-core machine a pool starved
        // by such waits takes half a second per injected thread to run the reads' continuations.
        string stdout = "", stderr = "";
        var readOut = new Thread(() => stdout = p.StandardOutput.ReadToEnd()) { IsBackground = true, Name = "ip stdout" };
        var readErr = new Thread(() => stderr = p.StandardError.ReadToEnd()) { IsBackground = true, Name = "ip stderr" };
        readOut.Start();
        readErr.Start();
        if (stdin is not null) { p.StandardInput.Write(stdin); p.StandardInput.Close(); }
        if (!p.WaitForExit(Limit))
        {
            p.Kill();
            throw new TimeoutException($"{Describe(netns, args)} did not finish within {Limit.TotalSeconds} s");
        }
        readOut.Join(Limit);
        readErr.Join(Limit);
        return (p.ExitCode, stdout, stderr);
    }

    static string Describe(string? netns, string[] args) => "ip " + (netns is null ? "" : $"-n {netns} ") + string.Join(' ', args);
}

public sealed class IpCommandException(string command, string answer) : InvalidOperationException($"{command} failed: {answer}")
{
    public string Answer { get; } = answer;
}
