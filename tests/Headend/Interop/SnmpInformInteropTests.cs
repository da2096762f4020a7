using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Interop;

/// <summary>
/// net-snmp's snmpinform (Debian snmp) plays the eUE of eUE-15: its enrollment INFORM reaches the
/// Provisioning Server in the headend's namespace, which acknowledges it (snmpinform exits 0 only then),
/// records the values it carried, and goes on with eUE-19's SET to the client's agent port.
/// </summary>
[Collection(nameof(InteropCollection))]
public sealed class SnmpInformInteropTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    static readonly string Enrollment = MibNames.ClabMta.PktcMtaDevProvisioningEnrollment.Oid;
    static readonly string Mac = MibNames.ClabMta.PktcMtaDevMacAddress.Instance(0);
    static readonly string Correlation = MibNames.ClabMta.PktcMtaDevCorrelationId.Instance(0);

    static ProvisioningDatabase Database()
    {
        var db = SampleDatabase();
        db.Provisioning = new ProvisioningSnmpSettings
        {
            Users = [new UsmUserSettings("eue", UsmAuthProtocol.HmacSha, "authpass1", UsmPrivProtocol.AesCfb128, "privpass1")],
            Timeout = TimeSpan.FromSeconds(1),
            Retries = 0,
        };
        return db;
    }

    static async Task<ProvisioningServer> InformAsync(NetnsHeadend bed, params string[] security)
    {
        var snmpinform = NetnsHeadend.Tool("/usr/bin/snmpinform", "snmp");
        var run = await bed.RunAsync(Bound, snmpinform, ["-m", "", "-r", "2", "-t", "3", .. security, "", Enrollment,
            Mac, "x", "001095000002", Correlation, "i", "4242"]);
        run.ExitCode.Should().Be(0, $"snmpinform exits 0 only when its INFORM was acknowledged: {run.Stdout}{run.Stderr}\n{bed.Evidence()}");
        return (ProvisioningServer)bed.Headend.ProvisioningServer!;
    }

    [Fact]
    public async Task snmpinform_v2c_over_IPv4_is_acknowledged_and_its_enrollment_recorded_with_its_values()
    {
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true, Database());
        var server = await InformAsync(bed, "-v", "2c", "-c", "public", "192.0.2.1:162");

        var inform = server.Notifications.Single();
        (inform.Version, inform.Community, inform.TrapOid!.ToString()).Should().Be((SnmpVersion.V2c, "public", Enrollment));
        inform.From.Address.Should().Be(NetnsHeadend.ClientV4);
        inform.Mac.Should().Be(EueMac);
        inform[ObjectIdentifier.Parse(Correlation)].Should().Be(SnmpValue.Integer(4242));
        var sent = await bed.Log.WaitForAsync(e => e.Service == ProvisioningServer.Service && e.Direction == Direction.Sent && e.Kind == "SetRequest", Bound, EvidenceCursor.Start);
        sent!.Peer.Should().Be(new IPEndPoint(NetnsHeadend.ClientV4, 161));
        sent.Fields["snmp.value"].Should().StartWith("STRING: \"tftp://192.0.2.1/eue1.cfg\"");
    }

    [Fact]
    public async Task snmpinform_v3_authPriv_over_IPv6_discovers_the_server_engine_and_is_acknowledged()
    {
        await using var bed = await NetnsHeadend.StartAsync(EueMac, clientAddresses: true, Database());
        var server = await InformAsync(bed, "-v", "3", "-l", "authPriv", "-u", "eue", "-a", "SHA", "-A", "authpass1", "-x", "AES", "-X", "privpass1",
            "udp6:[2001:db8:1::1]:162");

        var inform = server.Notifications.Single();
        (inform.Version, inform.UserName, inform.Level).Should().Be((SnmpVersion.V3, "eue", UsmSecurityLevel.AuthPriv));
        inform.From.Address.Should().Be(NetnsHeadend.ClientV6);
        inform.Mac.Should().Be(EueMac);
        bed.Log.Events.Where(e => e.Service == ProvisioningServer.Service).Select(e => (e.Direction, e.Kind)).Should()
            .ContainInOrder((Direction.Received, "GetRequest"), (Direction.Sent, "Report"), (Direction.Received, "InformRequest"), (Direction.Sent, "Response"));
    }
}
