using System.Text.RegularExpressions;
using EUeConformance.Network.Sockets;

namespace EUeConformance.Network.Netns;

/// <summary>
/// Names of the namespaces this harness creates, and the sweep of those a crashed run left behind.
/// Every name is <c>eue-n&lt;pid&gt;x&lt;4 hex&gt;-…</c>: the creating process's ID makes a leftover
/// recognisable as ours and as stale (its process is gone), so the sweep never touches a namespace
/// that another tool, or another live run, created.
/// </summary>
public static partial class NetnsNames
{
    [GeneratedRegex(@"^eue-n(?<pid>\d+)x[0-9a-f]{4}-[a-z0-9-]+$")]
    private static partial Regex Ours();

    /// <summary>A fresh prefix for one fabric or lab, e.g. <c>eue-n4242x1f3a</c>.</summary>
    public static string NewPrefix() => $"eue-n{Environment.ProcessId}x{Random.Shared.Next(0x10000):x4}";

    /// <summary>Deletes our namespaces whose creating process no longer runs; returns their names.</summary>
    public static IReadOnlyList<string> SweepStale()
    {
        const string dir = "/var/run/netns";
        if (!Directory.Exists(dir)) return [];
        var stale = new List<string>();
        foreach (var path in Directory.EnumerateFiles(dir))
        {
            var name = Path.GetFileName(path);
            var m = Ours().Match(name);
            if (!m.Success) continue;
            int pid = int.Parse(m.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}")) stale.Add(name);
        }
        if (stale.Count > 0) Delete(stale);
        return stale;
    }

    /// <summary>Deletes namespaces (their interfaces go with them); failures are left for the next sweep.</summary>
    public static void Delete(IEnumerable<string> namespaces)
    {
        var lines = namespaces.Select(n => $"netns delete {n}").ToList();
        if (lines.Count == 0) return;
        try { IpCommand.Batch(null, lines); }
        catch (IpCommandException)
        {
            // One failure stops a batch; delete the rest one by one.
            foreach (var n in namespaces) IpCommand.TryRun(null, out _, "netns", "delete", n);
        }
    }
}
