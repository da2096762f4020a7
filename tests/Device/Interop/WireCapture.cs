using System.Net;
using System.Text;
using EUeConformance.Network.Fabric;
using EUeConformance.Tests.Support;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// What crossed the lab's link, captured on the headend's interface by Wireshark's dumpcap (Debian tshark) and
/// decoded by tshark afterwards: the independent record of the bytes Kea, tftpd-hpa and the device exchanged.
/// The kernel hands captured frames to dumpcap in blocks, so the last ones may not be in the file yet when the
/// flow ends: a marker datagram broadcast from the headend, waited for in the file, tells that everything sent
/// before it is there; then dumpcap is stopped by its PID with SIGTERM, so that it closes the file whole.
/// </summary>
public sealed class WireCapture
{
    public const string Program = "/usr/bin/dumpcap";
    static readonly TimeSpan MarkerBound = TimeSpan.FromSeconds(5);

    readonly DebianLab _lab;

    WireCapture(DebianLab lab, LabDaemon dumpcap, string path) { _lab = lab; Dumpcap = dumpcap; Path = path; }

    public LabDaemon Dumpcap { get; }
    public string Path { get; }

    public static async Task<WireCapture> StartAsync(DebianLab lab, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "tshark");
        var path = lab.PathOf("headend-eth0.pcapng");
        var dumpcap = lab.Start("dumpcap", program, new Dictionary<string, string> { ["HOME"] = lab.Dir }, "-i", "eth0", "-f", "udp or icmp6", "-w", path, "-q");
        await dumpcap.WaitForAsync(() => File.Exists(path) && new FileInfo(path).Length > 0 ? "started" : "", "started", bound, path);
        return new WireCapture(lab, dumpcap, path);
    }

    /// <summary>Ends the capture once everything sent so far is in the file.</summary>
    public async Task StopAsync()
    {
        var marker = $"eue-conformance capture end {Guid.NewGuid():N}";
        await _lab.Fabric.InvokeAsync(() =>
        {
            using var socket = _lab.Headend.OpenUdp(new IPEndPoint(IPAddress.Any, 0));
            socket.Send(Encoding.ASCII.GetBytes(marker), new IPEndPoint(IPAddress.Broadcast, 9), LabPlan.ServerV4);
        });
        // pcapng keeps packet bytes as they are: the marker's text shows in the file once dumpcap has written its frame.
        await Dumpcap.WaitForAsync(() => Encoding.ASCII.GetString(Bytes()), marker, MarkerBound, Path);
        await Dumpcap.StopAsync();
    }

    byte[] Bytes()
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>tshark's fields of the frames <paramref name="filter"/> selects, one row per frame.</summary>
    public IReadOnlyList<string[]> Fields(string filter, params string[] fields) => Tshark.Fields(Path, ["-Y", filter], fields);
}
