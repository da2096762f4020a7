namespace EUeConformance.Device.Runtime;

/// <summary>One line of the device's own log (what a vendor's console would show).</summary>
/// <param name="Machine">"ecm", "eue", or a sub-machine such as "eue-dhcpv6".</param>
/// <param name="Kind">"state", "event", "stopped", "status", "fault".</param>
public sealed record DeviceLogEntry(DateTimeOffset At, string Machine, string Kind, string Text, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// The device-side log: every state transition and notable event, in order, with the fabric time.
/// EUE-PROV 6.3.4.1 asks for a local-log entry when DAD finds the link-local address in use; this is
/// that log. Observers (the DUT adapter, the evidence publisher) subscribe to <see cref="Written"/>.
/// </summary>
public sealed class DeviceLog
{
    readonly List<DeviceLogEntry> _entries = [];
    readonly object _gate = new();

    public event Action<DeviceLogEntry>? Written;

    public IReadOnlyList<DeviceLogEntry> Entries { get { lock (_gate) return [.. _entries]; } }

    public void Write(DeviceLogEntry entry)
    {
        lock (_gate) _entries.Add(entry);
        Written?.Invoke(entry);
    }

    public void Clear() { lock (_gate) _entries.Clear(); }
}
