using System.Net;
using System.Net.Sockets;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// tftpd-hpa (Debian tftpd-hpa) as the configuration server: in the foreground (-L) on one address of the
/// headend, chrooted (-s) into the lab's own folder that holds the eUE's configuration file, with its PID file
/// there too. It negotiates RFC 2348 blksize up to its maximum (65464: no -B given), so the block size on the
/// wire is the one the eUE asked for. Its verbose log goes to syslog(3), i.e. the machine's /dev/log, which
/// the lab does not touch: what it negotiated is read from the wire capture instead.
/// </summary>
public static class TftpdHpa
{
    public const string Program = "/usr/sbin/in.tftpd";

    public static async Task<LabDaemon> StartAsync(DebianLab lab, IPAddress address, string fileName, byte[] content, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "tftpd-hpa");
        var root = lab.PathOf("tftp");
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, fileName);
        await File.WriteAllBytesAsync(file, content);
        // tftpd-hpa serves as the user nobody after the chroot: the folder must be searchable and the file readable.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        }
        var pid = lab.PathOf("tftpd.pid");
        bool v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        string listen = v6 ? $"[{address}]:69" : $"{address}:69";
        var tftpd = lab.Start("tftpd-hpa", program, new Dictionary<string, string>(),
            v6 ? "-6" : "-4", "--foreground", "--address", listen, "--secure", "--verbose", "--pidfile", pid, root);
        await tftpd.WaitForAsync(() => File.Exists(pid) ? "ready" : "", "ready", bound, pid);
        return tftpd;
    }
}
