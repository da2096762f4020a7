using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Protocols.Tftp;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Interop;

/// <summary>
/// Debian's own clients against the headend's DNS, Configuration (TFTP, HTTP), Syslog and ToD servers,
/// each in its own namespace: what the tools print or write is what is asserted.
/// </summary>
[Collection(nameof(InteropCollection))]
public sealed partial class ToolsInteropTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task dig_resolves_the_realm_SRV_the_KDC_AAAA_and_the_NAPTR_eUE_5_to_eUE_8()
    {
        var dig = NetnsHeadend.Tool("/usr/bin/dig", "bind9-dnsutils");
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true);
        var srv = await bed.RunAsync(Bound, dig, "@192.0.2.1", "+short", "_kerberos._udp.EXAMPLE.NET", "SRV");
        srv.Stdout.Trim().Should().Be("0 0 88 kdc.example.net.", srv.Stderr);
        var aaaa = await bed.RunAsync(Bound, dig, "@2001:db8:1::1", "+short", "kdc.example.net", "AAAA");
        aaaa.Stdout.Trim().Should().Be(KdcV6.ToString(), aaaa.Stderr);
        var naptr = await bed.RunAsync(Bound, dig, "@192.0.2.1", "+short", "example.net", "NAPTR");
        naptr.Stdout.Trim().Should().Be("10 50 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.net.", naptr.Stderr);
        var full = await bed.RunAsync(Bound, dig, "@192.0.2.1", "nothing.example.net", "A");
        full.Stdout.Should().Contain("status: NXDOMAIN").And.Contain("flags: qr aa");
    }

    [Fact]
    public async Task tftp_hpa_downloads_the_configuration_file_byte_for_byte_in_512_byte_blocks()
    {
        var tftp = NetnsHeadend.Tool("/usr/bin/tftp", "tftp-hpa");
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true);
        var output = Path.Combine(bed.Dir, "got.cfg");
        var run = await bed.RunAsync(Bound, tftp, "-m", "binary", "192.0.2.1", "-c", "get", ConfigFileName, output);
        File.Exists(output).Should().BeTrue($"{run.Stdout}{run.Stderr}");
        (await File.ReadAllBytesAsync(output)).Should().Equal(ConfigFileBytes);
        bed.Log.Events.Where(e => e.Service == "tftp" && e.Kind == "DATA" && e.Direction == Direction.Sent)
            .Select(e => ((TftpData)e.Message!).Payload.Length).First().Should().Be(512);
    }

    [Theory]
    [InlineData("192.0.2.1", "1448")]
    [InlineData("2001:db8:1::1", "1428")]
    public async Task atftp_negotiates_the_eUE_blocksize_of_6_3_3_and_eUE_22_and_gets_the_same_bytes(string server, string blksize)
    {
        var atftp = NetnsHeadend.Tool("/usr/bin/atftp", "atftp");
        var (db, file) = LargeFile();
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true, db);
        var output = Path.Combine(bed.Dir, "got.cfg");
        var run = await bed.RunAsync(Bound, atftp, "--option", $"blksize {blksize}", "--option", "tsize 0", "--get", "-r", ConfigFileName, "-l", output, server);
        File.Exists(output).Should().BeTrue($"{run.Stdout}{run.Stderr}\n{bed.Evidence()}");
        (await File.ReadAllBytesAsync(output)).Should().Equal(file);
        var oack = (TftpOptionAck)bed.Log.Events.Single(e => e.Service == "tftp" && e.Kind == "OACK").Message!;
        oack.Options.Should().Contain(new TftpOption("blksize", blksize));
        oack.Options.Should().Contain(o => o.Is("tsize") && o.Value == file.Length.ToString(CultureInfo.InvariantCulture));
        int size = int.Parse(blksize, CultureInfo.InvariantCulture);
        bed.Log.Events.Where(e => e.Service == "tftp" && e.Kind == "DATA" && e.Direction == Direction.Sent).Select(e => ((TftpData)e.Message!).Payload.Length)
            .Should().Equal([.. Enumerable.Repeat(size, file.Length / size), file.Length % size], "every block but the last is the negotiated size");
        var rrq = (TftpReadRequest)bed.Log.Events.Single(e => e.Service == "tftp" && e.Kind == "RRQ").Message!;
        rrq.Options.Should().Contain(new TftpOption("blksize", blksize), "atftp asked for the eUE's blocksize");
    }

    [Theory]
    [InlineData("tftp://192.0.2.1/eue1.cfg", "1448")]
    [InlineData("tftp://[2001:db8:1::1]/eue1.cfg", "1428")]
    public async Task curl_downloads_over_TFTP_with_the_eUE_blocksize_negotiated_6_3_3_and_eUE_22(string url, string blksize)
    {
        var curl = NetnsHeadend.Tool("/usr/bin/curl", "curl");
        var (db, file) = LargeFile();
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true, db);
        var output = Path.Combine(bed.Dir, "got.cfg");
        var run = await bed.RunAsync(Bound, curl, "-sS", "--tftp-blksize", blksize, "-o", output, url);
        run.ExitCode.Should().Be(0, $"{run.Stderr}\n{bed.Evidence()}");
        (await File.ReadAllBytesAsync(output)).Should().Equal(file);
        var rrq = (TftpReadRequest)bed.Log.Events.Single(e => e.Service == "tftp" && e.Kind == "RRQ").Message!;
        rrq.Options.Should().Contain(new TftpOption("blksize", blksize), "curl asked for the eUE's blocksize");
        var oack = (TftpOptionAck)bed.Log.Events.Single(e => e.Service == "tftp" && e.Kind == "OACK").Message!;
        oack.Options.Should().Contain(new TftpOption("blksize", blksize));
        int size = int.Parse(blksize, CultureInfo.InvariantCulture);
        var blocks = bed.Log.Events.Where(e => e.Service == "tftp" && e.Kind == "DATA" && e.Direction == Direction.Sent).Select(e => ((TftpData)e.Message!).Payload.Length).ToList();
        blocks.Should().Equal([.. Enumerable.Repeat(size, file.Length / size), file.Length % size], "every block but the last is the negotiated size");
    }

    /// <summary>The sample database with a configuration file of a few thousand bytes: several blocks of 1428 or 1448.</summary>
    static (EUeConformance.Headend.Database.ProvisioningDatabase Db, byte[] File) LargeFile()
    {
        var db = SampleDatabase();
        var model = new EUeConformance.Protocols.ConfigFile.ConfigFileBuilder().StartOfFile()
            .SetMib("1.3.6.1.2.1.140.1.1.6.0", true)
            .SetMib("1.3.6.1.4.1.4491.2.2.1.1.1.7.0", new string('y', 5000))
            .EndOfFile().Build();
        var entry = EUeConformance.Headend.Database.ConfigFileEntry.FromModel(ConfigFileName, model);
        db.AddFile(entry);
        entry.Content.Length.Should().BeGreaterThan(3 * 1448);
        return (db, entry.Content);
    }

    [Theory]
    [InlineData("http://192.0.2.1/eue1.cfg")]
    [InlineData("http://[2001:db8:1::1]/eue1.cfg")]
    public async Task curl_downloads_the_same_file_over_HTTP(string url)
    {
        var curl = NetnsHeadend.Tool("/usr/bin/curl", "curl");
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true);
        var output = Path.Combine(bed.Dir, "got.cfg");
        var run = await bed.RunAsync(Bound, curl, "-sS", "-o", output, "-w", "%{http_code}", url);
        run.Stdout.Trim().Should().Be("200", run.Stderr);
        (await File.ReadAllBytesAsync(output)).Should().Equal(ConfigFileBytes);
    }

    [Fact]
    public async Task logger_reaches_the_syslog_collector_with_the_text_facility_and_level_eUE_24()
    {
        var logger = NetnsHeadend.Tool("/usr/bin/logger", "bsdutils");
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true);
        var cursor = bed.Log.Cursor;
        var run = await bed.RunAsync(Bound, logger, "--rfc3164", "-d", "-n", "192.0.2.1", "-P", "514", "-p", "local0.notice", "-t", "eUE", "provisioning complete");
        run.ExitCode.Should().Be(0, run.Stderr);
        var received = await bed.Log.WaitForAsync(e => e.Service == "syslog" && e.Direction == Direction.Received, Bound, cursor);
        var message = received!.Message.Should().BeOfType<SyslogMessage>().Subject;
        message.Priority.Should().Be(SyslogPriority.PacketCable(SyslogSeverity.Notice), "local0.notice is PRI 133, PacketCable's facility");
        message.Layout.Should().Be(Rfc3164Layout.Complete);
        message.Tag!.Name.Should().Be("eUE");
        message.Tag!.Content.Should().Be("provisioning complete");
        bed.Headend.SyslogMessages.Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task rdate_reads_the_ToD_server_time_over_UDP_and_TCP_RFC_868(bool udp)
    {
        var rdate = NetnsHeadend.Tool("/usr/sbin/rdate", "rdate");
        await using var bed = await NetnsHeadend.StartAsync(EcmMac, clientAddresses: true);
        // A skew makes the answer the headend's, not the machine's own clock.
        bed.Headend.TimeOfDay.Skew = TimeSpan.FromHours(2);
        string[] args = udp ? ["-p", "-u", "192.0.2.1"] : ["-p", "192.0.2.1"];
        var run = await bed.RunAsync(Bound, rdate, args);
        var match = RdateOutput().Match(run.Stdout);
        match.Success.Should().BeTrue($"rdate printed: {run.Stdout}{run.Stderr}");
        var told = DateTime.ParseExact(Regex.Replace($"{match.Groups[1].Value} {match.Groups[3].Value}", " +", " "), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture);
        var expected = (bed.Fabric.Clock.GetUtcNow() + TimeSpan.FromHours(2)).ToLocalTime().DateTime;
        told.Should().BeCloseTo(expected, TimeSpan.FromSeconds(10));
        bed.Log.Events.Should().Contain(e => e.Service == "tod" && e.Direction == Direction.Sent && (udp ? e.Fields.GetValueOrDefault("headend.note") == null : e.Fields["headend.note"] == "over TCP"));
    }

    /// <summary>rdate -p prints the time as date(1) does, e.g. "Sun Nov 22 05:35:03 UTC 2026", in local time.</summary>
    [GeneratedRegex(@"(\w{3} \w{3} +\d+ \d\d:\d\d:\d\d) (\w+ )?(\d{4})")]
    private static partial Regex RdateOutput();
}
