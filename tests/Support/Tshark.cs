using System.Diagnostics;
using System.Net;
using EUeConformance.Protocols.Pcap;
using FluentAssertions;

namespace EUeConformance.Tests.Support;

/// <summary>
/// Wireshark's tshark (Debian package 'tshark', installed by scripts/test) as the independent
/// judge of the bytes our encoders produce: frames go into a pcap, tshark decodes them with
/// checksum validation on, and the tests read its field output and its expert information.
/// </summary>
public static class Tshark
{
    public const string Path = "/usr/bin/tshark";

    public static readonly byte[] ClientMac = [0x00, 0x10, 0x95, 0x00, 0x00, 0x02];
    public static readonly byte[] ServerMac = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];

    /// <summary>Writes UDP datagrams (payload, source, destination) into a fresh pcap; returns its path.</summary>
    public static string PcapOfUdp(params (byte[] Payload, IPEndPoint From, IPEndPoint To)[] datagrams)
    {
        string path = System.IO.Path.Combine(Repo.TempDir(), "capture.pcap");
        using var w = PcapWriter.Create(path);
        var t = new DateTimeOffset(2010, 5, 27, 12, 0, 0, TimeSpan.Zero);
        foreach (var (payload, from, to) in datagrams)
        {
            bool toServer = to.Port is 67 or 547 or 53 or 69 or 514 or 37 or 161 or 162;
            var frame = Frames.Udp(toServer ? ClientMac : ServerMac, IsGroup(to.Address) ? null : (toServer ? ServerMac : ClientMac), from, to, payload);
            w.Write(t, frame);
            t = t.AddMilliseconds(1);
        }
        return path;
    }

    public static string PcapOfFrames(IEnumerable<byte[]> frames)
    {
        string path = System.IO.Path.Combine(Repo.TempDir(), "capture.pcap");
        using var w = PcapWriter.Create(path);
        var t = new DateTimeOffset(2010, 5, 27, 12, 0, 0, TimeSpan.Zero);
        foreach (var f in frames) { w.Write(t, f); t = t.AddMilliseconds(1); }
        return path;
    }

    static bool IsGroup(IPAddress a) => a.Equals(IPAddress.Broadcast) || (a.IsIPv6Multicast) || (a.GetAddressBytes()[0] is >= 224 and <= 239 && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);

    /// <summary>One row per frame, one column per field; repeated occurrences joined with ','.</summary>
    public static IReadOnlyList<string[]> Fields(string pcap, params string[] fields) =>
        Fields(pcap, [], fields);

    public static IReadOnlyList<string[]> Fields(string pcap, string[] extraArgs, params string[] fields)
    {
        var args = new List<string> { "-r", pcap, "-n", "-T", "fields", "-E", "separator=\t", "-E", "occurrence=a", "-E", "aggregator=," };
        args.AddRange(Checks);
        args.AddRange(extraArgs);
        foreach (var f in fields) { args.Add("-e"); args.Add(f); }
        return Run(args).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
    }

    /// <summary>Every expert item of warning severity or worse, and every malformed mark: must be empty for our bytes.</summary>
    public static IReadOnlyList<string> Problems(string pcap, params string[] extraArgs)
    {
        var args = new List<string> { "-r", pcap, "-n", "-T", "fields", "-E", "separator=|", "-e", "frame.number", "-e", "_ws.expert.message", "-e", "_ws.malformed",
            "-Y", "_ws.malformed || _ws.expert.severity >= 0x00600000" };
        args.AddRange(Checks);
        args.AddRange(extraArgs);
        return Run(args).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The full text dissection, for a failing assertion's message.</summary>
    public static string Verbose(string pcap, params string[] extraArgs) => Run(["-r", pcap, "-n", "-V", .. Checks, .. extraArgs]);

    // Checksums are validated so that a wrong one shows up as an expert error, not silently accepted.
    static readonly string[] Checks = ["-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE"];

    static string Run(IEnumerable<string> args)
    {
        File.Exists(Path).Should().BeTrue($"the codecs are judged by tshark at {Path}: run scripts/test (it installs Debian's 'tshark') or apt-get install tshark");
        var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = System.IO.Path.GetTempPath(); // keep tshark away from a shared profile
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(); throw new TimeoutException("tshark did not finish within 60 s"); }
        p.ExitCode.Should().Be(0, $"tshark failed: {stderr.Result}");
        return stdout.Result;
    }
}
