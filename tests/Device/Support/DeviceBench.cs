using EUeConformance.Device;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Options;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Simulation;

namespace EUeConformance.Tests.Device.Support;

/// <summary>
/// One reference E-UE on the simulation fabric with a <see cref="ScriptedHeadend"/>: the device's own
/// end-to-end bench. Virtual time: a run that waits minutes costs milliseconds.
/// </summary>
public sealed class DeviceBench : IAsyncDisposable
{
    public SimulationFabric Fabric { get; }
    public ScriptedHeadend Headend { get; }
    public ReferenceDutAdapter Adapter { get; }
    public EvidenceLog Evidence { get; }
    public EUeConformance.Network.Fabric.ILink Link { get; private set; } = null!;

    DeviceBench(ReferenceDeviceOptions options)
    {
        Fabric = new SimulationFabric(seed: 7);
        Headend = new ScriptedHeadend(options.Identity.EcmMac, options.Identity.EueMac);
        Adapter = new ReferenceDutAdapter(options);
        Evidence = new EvidenceLog(Fabric);
    }

    public ReferenceDevice Device => Adapter.Device!;
    public EueMachine Eue => Device.Eue;
    public EcmMachine Ecm => Device.Ecm;
    public DateTimeOffset Now => Fabric.Clock.GetUtcNow();

    public static async Task<DeviceBench> StartAsync(ReferenceDeviceOptions? options = null, Action<ScriptedHeadend>? script = null)
    {
        var bench = new DeviceBench(options ?? new ReferenceDeviceOptions());
        script?.Invoke(bench.Headend);
        var link = bench.Link = bench.Fabric.CreateLink("hfc");
        await bench.Headend.StartAsync(bench.Fabric, link);
        await bench.Adapter.AttachAsync(bench.Fabric, link, bench.Evidence);
        return bench;
    }

    public Task PowerOnAsync() => Adapter.PowerOnAsync();

    /// <summary>Runs headend work (a SET, a GET) on the actor context, the simulation running until it is done.</summary>
    public Task<T> OnActorAsync<T>(Func<Task<T>> work) => EUeConformance.Network.Fabric.FabricExtensions.InvokeAsync(Fabric, work);

    /// <summary>Runs the simulation until <paramref name="condition"/> holds (checked at every device log line) or the fabric time runs out.</summary>
    public async Task<bool> RunUntilAsync(Func<bool> condition, TimeSpan within)
    {
        if (condition()) return true;
        var reached = new TaskCompletionSource();
        void Check(EUeConformance.Device.Runtime.DeviceLogEntry _) { if (condition()) reached.TrySetResult(); }
        Adapter.LogWritten += Check;
        try { return await Fabric.RunUntilAsync(reached.Task, within); }
        finally { Adapter.LogWritten -= Check; }
    }

    /// <summary>Lets the simulation run on for <paramref name="span"/> of fabric time (datagrams in flight arrive).</summary>
    public Task SettleAsync(TimeSpan span) => Fabric.RunUntilAsync(new TaskCompletionSource().Task, span);

    public Task<bool> RunUntilEueAsync(EueState state, TimeSpan within) => RunUntilAsync(() => Eue.State == state, within);

    public async ValueTask DisposeAsync()
    {
        await Adapter.DisposeAsync();
        await Fabric.DisposeAsync();
    }
}
