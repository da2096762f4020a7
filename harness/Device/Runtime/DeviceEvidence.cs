using System.Net;
using EUeConformance.Network.Evidence;

namespace EUeConformance.Device.Runtime;

/// <summary>
/// Publishes the device's notable events (state transitions, stops, provisioning status) to the
/// scenario's evidence as service "device", so that scenarios and auditors see what the device
/// itself says next to what crossed the wire.
/// </summary>
public sealed class DeviceEvidence(IEvidenceSink sink)
{
    public const string Service = "device";
    public const string Protocol = "device";
    static readonly IPEndPoint Nowhere = new(IPAddress.None, 0);

    public void Attach(DeviceLog log) => log.Written += Publish;

    public void Publish(DeviceLogEntry entry)
    {
        var fields = new Dictionary<string, string>(entry.Fields) { ["device.machine"] = entry.Machine, ["device.text"] = entry.Text };
        sink.Publish(new EvidenceDraft(Service, Direction.Sent, Nowhere, Nowhere, Protocol, entry.Kind, fields, entry, null, ReadOnlyMemory<byte>.Empty));
    }
}
