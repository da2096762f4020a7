using System.Globalization;
using System.Net;
using FluentAssertions;
using Xunit.Abstractions;
using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// What each Debian server recorded of the eUE's BASIC.2 boot, checked the same way in both modes: dnsmasq's
/// query log, the TFTP exchange on the wire (tshark's reading of the capture), rsyslog's file and snmptrapd's log.
/// </summary>
public static class LabChecks
{
    /// <summary>dnsmasq answered the eUE's query for the provisioning server (eUE-25 needs its address: 122.3 / CCCV6.3 is an FQDN).</summary>
    public static void Dns(DebianLab lab, string type, IPAddress eue, IPAddress answer)
    {
        var log = lab.Daemon("dnsmasq").Output;
        log.Should().Contain($"query[{type}] {ProvisioningServerFqdn} from {eue}", "the eUE asked dnsmasq for the SNMP entity's address");
        log.Should().Contain($"{ProvisioningServerFqdn} is {answer}", "dnsmasq answered from its host record");
    }

    /// <summary>
    /// The eUE's RRQ asked for <paramref name="blockSize"/> (EUE-PROV 6.3.3: 1448 over IPv4; Table 5 eUE-22: 1428 over
    /// IPv6), tftpd-hpa's OACK granted it, and its first DATA block carried exactly that many octets.
    /// </summary>
    public static void Tftp(Basic2Boot boot, IPAddress eue, int blockSize)
    {
        var rows = boot.Capture.Fields("tftp", "ip.src", "ipv6.src", "tftp.opcode", "tftp.source_file", "tftp.option.name", "tftp.option.value", "tftp.block", "udp.length");
        string Describe() => string.Join("\n", rows.Select(r => string.Join(" | ", r)));
        // A retransmission under load may repeat a packet: every copy must say the same.
        var rrqs = rows.Where(r => r[2] == "1").ToList();
        rrqs.Should().NotBeEmpty(Describe());
        foreach (var rrq in rrqs)
        {
            (rrq[0] + rrq[1]).Should().Be(eue.ToString());
            rrq[3].Should().Be(ConfigFileName);
            rrq[4].Split(',').Should().Equal(["blksize"], "the eUE offers one option: blksize");
            rrq[5].Should().Be(blockSize.ToString(CultureInfo.InvariantCulture));
        }
        var oacks = rows.Where(r => r[2] == "6").ToList();
        oacks.Should().NotBeEmpty(Describe());
        oacks.Should().OnlyContain(o => o[4] == "blksize" && o[5] == blockSize.ToString(CultureInfo.InvariantCulture), "tftpd-hpa grants the requested block size");
        var data = rows.Where(r => r[2] == "3").ToList();
        data.Select(r => r[6]).Distinct().Should().Equal(["1", "2"], "the file is longer than one block and shorter than two");
        data.Where(r => r[6] == "1").Select(r => int.Parse(r[7], CultureInfo.InvariantCulture)).Should()
            .OnlyContain(length => length == 8 + 4 + blockSize, "the first DATA block is full: UDP header, TFTP header, blksize octets");
    }

    /// <summary>rsyslog wrote the eUE's provisioning-complete event (Table 5 eUE-24), from the eUE's address, facility local0.</summary>
    public static void Syslog(DebianLab lab, IPAddress eue, ITestOutputHelper output)
    {
        var received = Rsyslog.Received(lab);
        output.WriteLine(string.Join("\n", received.Select(r => string.Join(" | ", r))));
        var fromEue = received.Where(r => r[0] == eue.ToString()).ToList();
        fromEue.Should().NotContain(r => r[5].Contains("without time of day"), "the eCM got ToD from xinetd before the eUE started (6.3.2.3 ¶8)");
        var line = fromEue.Should().ContainSingle(r => r[5].Contains("Provisioning complete")).Subject;
        line[1].Should().Be("local0", "PacketCable events use facility local0");
        line[2].Should().Be("notice");
        line[3].Should().Be(EueFqdn, "the HOSTNAME field is the eUE's FQDN from DHCP");
        line[4].Should().Be("EUE:");
        line[5].Should().Contain("Provisioning complete: pass");
    }

    /// <summary>
    /// snmptrapd logged and acknowledged the eUE's provisioning-status INFORM (Table 5 eUE-25), sent to the address
    /// DNS gave for the SNMP entity: pktcMtaDevProvisioningStatus with pktcMtaDevProvisioningState = pass(1).
    /// </summary>
    public static void Inform(DebianLab lab, IPAddress eue, ITestOutputHelper output)
    {
        var notifications = Snmptrapd.Notifications(lab);
        output.WriteLine(string.Join("\n", notifications));
        var inform = notifications.Should().ContainSingle(lab.ServerOutput()).Subject;
        var fields = inform.Split('|', 3);
        fields[0].Should().Be("INFORM, SNMP v2c, community public");
        fields[1].Should().Contain($"[{eue}]", "the INFORM came from the eUE's leased address");
        fields[2].Should().Contain(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.2.1.140.0.2", "snmpTrapOID is pktcMtaDevProvisioningStatus (RFC 4682)")
            .And.Contain(".1.3.6.1.2.1.140.1.1.8.0 = INTEGER: 1", "pktcMtaDevProvisioningState is pass(1)")
            .And.Contain(".1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 10 95 00 00 02", "ifPhysAddress.1 is the eUE's MAC")
            .And.Contain(".1.3.6.1.2.1.140.1.3.3.0 = Gauge32: 12648430", "pktcMtaDevCorrelationId is the device's (0x00C0FFEE)");
    }
}
