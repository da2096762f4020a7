using EUeConformance.Device;
using EUeConformance.Device.Options;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Netns;
using EUeConformance.Tests.Support;
using FluentAssertions;
using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// A namespace lab for the reference E-UE against Debian's servers: a netns fabric with one link, a headend
/// host carrying the servers' addresses (each server a real program started in that namespace by
/// <see cref="LabDaemon"/>, configured by files in <see cref="Dir"/>, never the machine's own), and the
/// device attached to the same link exactly as on any fabric, through <see cref="ReferenceDutAdapter"/>.
/// Disposal stops every server by its PID, then removes the namespaces.
/// </summary>
public sealed class DebianLab : IAsyncDisposable
{
    readonly List<LabDaemon> _daemons = [];

    DebianLab(NetnsFabric fabric, ILink link, INetworkHost headend, string dir)
    {
        Fabric = fabric;
        Link = link;
        Headend = headend;
        Dir = dir;
        Evidence = new EvidenceLog(fabric);
    }

    public NetnsFabric Fabric { get; }
    public ILink Link { get; }
    public INetworkHost Headend { get; }
    public EvidenceLog Evidence { get; }
    /// <summary>Every configuration, state and log file of this lab's servers.</summary>
    public string Dir { get; }
    public ReferenceDutAdapter? Adapter { get; private set; }
    public ReferenceDevice Device => Adapter?.Device ?? throw new InvalidOperationException("attach the device first");

    public static async Task<DebianLab> StartAsync()
    {
        var fabric = new NetnsFabric();
        try
        {
            var link = fabric.CreateLink("hfc");
            var headend = await fabric.AddHostAsync(link, new HostOptions("headend", HeadendMac,
            [
                new InterfaceAddress(ServerV4, 24), new InterfaceAddress(SnmpEntityV4, 24),
                new InterfaceAddress(ServerV6, 64), new InterfaceAddress(SnmpEntityV6, 64),
            ]));
            return new DebianLab(fabric, link, headend, Repo.TempDir());
        }
        catch
        {
            await fabric.DisposeAsync();
            throw;
        }
    }

    /// <summary>The program's path, or a failure naming the Debian package scripts/test installs for it.</summary>
    public static string Tool(string path, string package)
    {
        File.Exists(path).Should().BeTrue($"the device interop tests run Debian's {path}: run scripts/test (it installs '{package}') or apt-get install {package}");
        return path;
    }

    public string PathOf(string name) => System.IO.Path.Combine(Dir, name);

    /// <summary>Writes a configuration file of this lab and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Starts a server in the headend's namespace; it is stopped by its PID at disposal at the latest.</summary>
    public LabDaemon Start(string name, string program, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var daemon = LabDaemon.Start(Fabric, Headend, name, program, environment, arguments);
        lock (_daemons) _daemons.Add(daemon);
        return daemon;
    }

    /// <summary>Attaches the reference E-UE to the lab's link (two hosts, eCM and eUE, as on every fabric).</summary>
    public async Task<ReferenceDutAdapter> AttachDeviceAsync(ReferenceDeviceOptions options)
    {
        Adapter = new ReferenceDutAdapter(options);
        await Adapter.AttachAsync(Fabric, Link, Evidence);
        return Adapter;
    }

    /// <summary>Waits (wall clock on this fabric) until <paramref name="condition"/>, checked on the actor context at every device log line, holds.</summary>
    public async Task<bool> WaitForDeviceAsync(Func<ReferenceDevice, bool> condition, TimeSpan within)
    {
        var adapter = Adapter ?? throw new InvalidOperationException("attach the device first");
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(EUeConformance.Device.Runtime.DeviceLogEntry _) { if (adapter.Device is { } d && condition(d)) reached.TrySetResult(); }
        adapter.LogWritten += Check;
        try
        {
            await Fabric.InvokeAsync(() => { if (condition(Device)) reached.TrySetResult(); return Task.CompletedTask; });
            return await Fabric.RunUntilAsync(reached.Task, within);
        }
        finally { adapter.LogWritten -= Check; }
    }

    /// <summary>Reads device state on the actor context.</summary>
    public Task<T> OnDeviceAsync<T>(Func<ReferenceDevice, T> read) => FabricExtensions.InvokeAsync(Fabric, () => read(Device));

    /// <summary>The device's log, one line per entry, for failure messages.</summary>
    public string DeviceLog() => Adapter is null ? "" : string.Join("\n", Adapter.Log.Select(l => $"{l.At:HH:mm:ss.fff} {l.Machine} {l.Kind}: {l.Text}"));

    /// <summary>The server started under <paramref name="name"/>.</summary>
    public LabDaemon Daemon(string name) => _daemons.Single(d => d.Name == name);

    /// <summary>The last lines each server said, for failure messages (the full output stays in <see cref="LabDaemon.Output"/>).</summary>
    public string ServerOutput(int lastLines = 40) => string.Join("\n", _daemons.Select(d =>
        $"---- {d.Name} (pid {d.Pid}) ----\n{string.Join("\n", d.Output.Split('\n').TakeLast(lastLines))}"));

    public async ValueTask DisposeAsync()
    {
        // Each server is stopped by its own PID; they do not depend on each other, so all at the same time.
        await Task.WhenAll(_daemons.Select(d => d.DisposeAsync().AsTask()));
        if (Adapter is not null) await Adapter.DisposeAsync();
        await Fabric.DisposeAsync();
    }
}
