using System.Net;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Protocols.Tftp;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Flood;

/// <summary>One port of the headend under flood: where it is, and a valid message of its protocol to spoil.</summary>
public sealed record FloodTarget(string Name, IPEndPoint EndPoint, byte[] Sample, int MaxLength);

/// <summary>
/// Malformed datagrams for every UDP port of the headend, drawn from a seeded random source so that a
/// failure can be replayed: random bytes, a valid message of the port's protocol cut short, or with a few
/// of its bytes overwritten. Some spoiled messages still decode (a byte of a name changed, say); the rest
/// do not, and the headend must keep each of them as evidence either way.
/// </summary>
public static class MalformedFlood
{
    /// <summary>Every UDP service of the headend, on both families where it listens on both.</summary>
    public static IReadOnlyList<FloodTarget> Targets(IPAddress v4, IPAddress v6)
    {
        var dhcp4 = EcmDiscover().Encode();
        var dhcp6 = EueSolicit().Encode();
        var dns = DnsMessage.Query(0x4242, DnsName.Parse("_kerberos._udp.EXAMPLE.NET"), DnsType.Srv).Encode();
        var tftp = new TftpReadRequest(ConfigFileName, "octet", [new TftpOption("blksize", "1448")]).Encode();
        var syslog = new SyslogMessage(SyslogPriority.PacketCable(SyslogSeverity.Notice), null, null, "eUE: provisioning complete").Encode();
        var snmp = new CommunityMessage(SnmpVersion.V2c, "public", new Pdu(PduType.SnmpV2Trap, 7, SnmpErrorStatus.NoError, 0,
            [new VarBind(MibNames.Snmpv2.SnmpTrapOID.InstanceId(0), SnmpValue.ObjectIdentifier(MibNames.ClabMta.PktcMtaDevProvisioningStatus.Id))])).Encode();
        byte[] tod = [0x00];
        List<FloodTarget> targets = [new("dhcpv4", new(v4, 67), dhcp4, 600), new("dhcpv6", new(v6, 547), dhcp6, 600)];
        foreach (var (family, address) in new[] { ("v4", v4), ("v6", v6) })
        {
            targets.Add(new($"dns-{family}", new(address, 53), dns, 600));
            targets.Add(new($"tftp-{family}", new(address, 69), tftp, 600));
            targets.Add(new($"syslog-{family}", new(address, 514), syslog, 1100));
            targets.Add(new($"tod-{family}", new(address, 37), tod, 64));
            targets.Add(new($"snmp-{family}", new(address, 162), snmp, 600));
        }
        return targets;
    }

    /// <summary>The <paramref name="index"/>-th spoiled datagram for <paramref name="target"/>.</summary>
    public static byte[] Next(Random random, FloodTarget target)
    {
        var sample = target.Sample;
        switch (random.Next(3))
        {
            case 0:
            {
                var bytes = new byte[random.Next(target.MaxLength + 1)];
                random.NextBytes(bytes);
                return bytes;
            }
            case 1:
                return sample.Length == 0 ? [] : sample[..random.Next(sample.Length)];
            default:
            {
                var bytes = (byte[])sample.Clone();
                if (bytes.Length == 0) return [(byte)random.Next(256)];
                int changes = 1 + random.Next(8);
                for (int i = 0; i < changes; i++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            }
        }
    }
}
