using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Database;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Netns;
using EUeConformance.Tests.Support;
using FluentAssertions;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Interop;

/// <summary>
/// The headend in one network namespace and a real Debian client in another, joined by a bridge
/// (the netns fabric: real sockets, ports, broadcast, multicast, DAD). Tools run inside the client's
/// namespace; files they write go to a fresh folder. Needs root and the Debian packages scripts/test
/// installs; without them the test fails saying which.
/// </summary>
public sealed class NetnsHeadend : IAsyncDisposable
{
    public static readonly IPAddress ClientV4 = IPAddress.Parse("192.0.2.50");
    public static readonly IPAddress ClientV6 = IPAddress.Parse("2001:db8:1::50");

    public required NetnsFabric Fabric { get; init; }
    public required EvidenceLog Log { get; init; }
    public required INetworkHost Client { get; init; }
    public required EUeConformance.Headend.Composition.Headend Headend { get; init; }
    public required string Dir { get; init; }

    /// <param name="clientMac">The client's MAC (the database knows devices by MAC).</param>
    /// <param name="clientAddresses">Static addresses for tools that need one; DHCP clients start with none.</param>
    public static async Task<NetnsHeadend> StartAsync(PhysicalAddress clientMac, bool clientAddresses, ProvisioningDatabase? database = null)
    {
        var fabric = new NetnsFabric();
        var log = new EvidenceLog(fabric);
        var link = fabric.CreateLink("access");
        var host = await fabric.AddHostAsync(link, new HostOptions("headend", HeadendMac,
            [new InterfaceAddress(HeadendV4, 24), new InterfaceAddress(SecondServerV4, 24), new InterfaceAddress(HeadendV6, 64)]));
        var client = await fabric.AddHostAsync(link, new HostOptions("client", clientMac,
            clientAddresses ? [new InterfaceAddress(ClientV4, 24), new InterfaceAddress(ClientV6, 64)] : []));
        var headend = await EUeConformance.Headend.Composition.Headend.StartAsync(fabric, host, database ?? SampleDatabase(), log);
        return new NetnsHeadend { Fabric = fabric, Log = log, Client = client, Headend = headend, Dir = Repo.TempDir() };
    }

    public static string Tool(string path, string package)
    {
        File.Exists(path).Should().BeTrue($"the interop test runs {path}: run scripts/test (it installs Debian's '{package}') or apt-get install {package}");
        return path;
    }

    /// <summary>Runs a program in the client's namespace to its end (bounded); the test reads its output.</summary>
    public Task<NetnsProcess.Result> RunAsync(TimeSpan timeout, string tool, params string[] arguments) =>
        Fabric.RunProcessAsync(Client, timeout, tool, arguments);

    /// <summary>Starts a long-running program (a DHCP client in the foreground); ended by its PID at disposal at the latest.</summary>
    public Process Start(string tool, params string[] arguments) => Fabric.StartProcess(Client, tool, arguments);

    /// <summary>Waits (fabric time: the wall clock here) for a file a client's script writes.</summary>
    public async Task<string> WaitForFileAsync(string path, TimeSpan within, Process? process = null)
    {
        var until = Fabric.Clock.GetUtcNow() + within;
        while (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            if (Fabric.Clock.GetUtcNow() > until || process is { HasExited: true })
                throw new TimeoutException($"{path} did not appear within {within.TotalSeconds} s" + (process is null ? "" : $"; client: {Output(process)}") + "\n" + Evidence());
            await Task.Delay(TimeSpan.FromMilliseconds(100), Fabric.Clock);
        }
        await Task.Delay(TimeSpan.FromMilliseconds(100), Fabric.Clock);
        return await File.ReadAllTextAsync(path);
    }

    static string Output(Process p)
    {
        if (!p.HasExited) return "still running";
        return p.StandardError.ReadToEnd() + p.StandardOutput.ReadToEnd();
    }

    /// <summary>The evidence so far, one line per event, for failure messages.</summary>
    public string Evidence() => string.Join("\n", Log.Events.Select(e => $"{e.Service} {e.Direction} {e.Kind} {e.Peer} {e.Error} {e.Fields.GetValueOrDefault("headend.note")}"));

    /// <summary>A shell script that writes its environment to <paramref name="envFile"/> when the client is bound (dhclient's -sf, RFC-style hook).</summary>
    public string EnvScript(string envFile, params string[] reasons)
    {
        var path = Path.Combine(Dir, "hook.sh");
        var cases = string.Join("|", reasons);
        File.WriteAllText(path, $"#!/bin/sh\ncase \"$reason\" in {cases}) env > \"{envFile}.tmp\" && mv \"{envFile}.tmp\" \"{envFile}\";; esac\nexit 0\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>KEY=VALUE lines as a dictionary (dhclient and dhcpcd quote values in single quotes).</summary>
    public static IReadOnlyDictionary<string, string> Env(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
        .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1].Trim('\''));

    public async ValueTask DisposeAsync()
    {
        await Headend.DisposeAsync();
        await Fabric.DisposeAsync();
    }
}
