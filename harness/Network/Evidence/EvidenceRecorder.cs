using System.Text;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Pcap;

namespace EUeConformance.Network.Evidence;

/// <summary>
/// Keeps one scenario's evidence on disk as it happens, in the scenario's directory:
/// <c>capture.pcap</c>, every frame the fabric carries (Wireshark opens it), and
/// <c>events.jsonl</c>, every evidence event as one <see cref="EvidenceJson"/> line. Written as
/// it goes, so a run that is stopped still leaves what it saw; flushed and closed on dispose.
/// Start it before the first host is attached, or the frames before it are missing.
/// </summary>
public sealed class EvidenceRecorder : IDisposable
{
    public const string CaptureFile = "capture.pcap";
    public const string EventsFile = "events.jsonl";

    readonly object _gate = new();
    readonly IFabric _fabric;
    readonly EvidenceLog _log;
    readonly PcapWriter _pcap;
    readonly StreamWriter _events;
    bool _disposed;

    public EvidenceRecorder(IFabric fabric, EvidenceLog log, string directory)
    {
        Directory.CreateDirectory(directory);
        _fabric = fabric;
        _log = log;
        _pcap = PcapWriter.Create(Path.Combine(directory, CaptureFile));
        // UTF-8 without a byte order mark, '\n' line ends on every platform: the file's bytes depend on the events alone.
        _events = new StreamWriter(Path.Combine(directory, EventsFile), append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        fabric.FrameCaptured += OnFrame;
        log.Published += OnEvent;
    }

    void OnFrame(CapturedFrame frame)
    {
        lock (_gate) if (!_disposed) _pcap.Write(frame.At, frame.Frame);
    }

    void OnEvent(EvidenceEvent evidence)
    {
        var line = EvidenceJson.Line(evidence);
        lock (_gate) if (!_disposed) _events.WriteLine(line);
    }

    public void Dispose()
    {
        _fabric.FrameCaptured -= OnFrame;
        _log.Published -= OnEvent;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _pcap.Dispose();
            _events.Dispose();
        }
    }
}
