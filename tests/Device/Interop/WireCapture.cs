using EUeConformance.Tests.Support;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// What crossed the lab's link, captured on the headend's interface by Wireshark's dumpcap (Debian tshark) and
/// decoded by tshark afterwards: the independent record of the bytes Kea, tftpd-hpa and the device exchanged.
/// dumpcap is stopped by its PID with SIGTERM, so that it closes the file whole.
/// </summary>
public sealed class WireCapture
{
    public const string Program = "/usr/bin/dumpcap";

    WireCapture(LabDaemon dumpcap, string path) { Dumpcap = dumpcap; Path = path; }

    public LabDaemon Dumpcap { get; }
    public string Path { get; }

    public static async Task<WireCapture> StartAsync(DebianLab lab, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "tshark");
        var path = lab.PathOf("headend-eth0.pcapng");
        var dumpcap = lab.Start("dumpcap", program, new Dictionary<string, string> { ["HOME"] = lab.Dir }, "-i", "eth0", "-f", "udp or icmp6", "-w", path, "-q");
        await dumpcap.WaitForAsync(() => File.Exists(path) && new FileInfo(path).Length > 0 ? "started" : "", "started", bound, path);
        return new WireCapture(dumpcap, path);
    }

    /// <summary>Ends the capture; the file is then complete.</summary>
    public Task StopAsync() => Dumpcap.StopAsync();

    /// <summary>tshark's fields of the frames <paramref name="filter"/> selects, one row per frame.</summary>
    public IReadOnlyList<string[]> Fields(string filter, params string[] fields) => Tshark.Fields(Path, ["-Y", filter], fields);
}
