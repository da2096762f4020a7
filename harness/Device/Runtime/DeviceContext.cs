namespace EUeConformance.Device.Runtime;

/// <summary>What every machine of one device shares: the clock (the fabric's), the device log, and the fault sink.</summary>
public sealed class DeviceContext(TimeProvider clock, DeviceLog log)
{
    public TimeProvider Clock { get; } = clock;
    public DeviceLog DeviceLog { get; } = log;

    /// <summary>Faults (a bug in the device, never a peer's bad message) are logged and remembered, not thrown into the fabric.</summary>
    public List<Exception> Faults { get; } = [];

    public void Log(string machine, string kind, string text, IReadOnlyDictionary<string, string>? fields = null) =>
        DeviceLog.Write(new DeviceLogEntry(Clock.GetUtcNow(), machine, kind, text, fields ?? new Dictionary<string, string>()));

    public void Fault(Exception e)
    {
        Faults.Add(e);
        Log("device", "fault", e.ToString());
    }
}

public static class DeviceContextExtensions
{
    /// <summary>Runs an async step of a machine on the actor context; a fault goes to the device log instead of the fabric.</summary>
    public static async void Spawn(this DeviceContext context, Func<Task> work)
    {
        try { await work(); }
        catch (OperationCanceledException) { }
        catch (Exception e) { context.Fault(e); }
    }
}
