using System.Net;
using System.Security.Cryptography;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Headend.Simulation;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Provisioning;

/// <summary>
/// The Provisioning Server's SNMP entity (EUE-PROV 6.2.5, pkt-eue-4) on the simulation, against an eUE
/// built from the SNMP stack: INFORMs answered (eUE-15, eUE-25), the SET of eUE-19 with the file's URL and
/// SHA-1, the optional GET of eUE-16, SNMPv2c and SNMPv3 authPriv, both MTA MIBs, and the overrides.
/// </summary>
[Collection(nameof(SimulationCollection))]
public sealed class ProvisioningServerTests
{
    static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    static readonly ObjectIdentifier ClabUrl = MibNames.ClabMta.PktcMtaDevConfigFile.InstanceId(0);
    static readonly ObjectIdentifier ClabHash = MibNames.ClabMta.PktcMtaDevProvConfigHash.InstanceId(0);
    static readonly ObjectIdentifier ClabKey = MibNames.ClabMta.PktcMtaDevProvConfigKey.InstanceId(0);

    static ProvisioningDatabase Database(Func<ProvisioningSnmpSettings, ProvisioningSnmpSettings>? settings = null)
    {
        var db = SampleDatabase();
        db.Provisioning = (settings ?? (s => s))(new ProvisioningSnmpSettings
        {
            Users = [new UsmUserSettings("eue", UsmAuthProtocol.HmacSha, "authpass1", UsmPrivProtocol.AesCfb128, "privpass1")],
            Community = SimulatedEueSnmp.Community,
        });
        return db;
    }

    static async Task<(SimulatedHeadend Bed, SimulatedEueSnmp Eue, ProvisioningServer Server)> StartAsync(IPAddress eueAddress, ProvisioningDatabase? db = null)
    {
        var bed = await SimulatedHeadend.StartAsync(EueMac, db ?? Database());
        await bed.Fabric.InvokeAsync(() => bed.Device.AssignAddressAsync(new InterfaceAddress(eueAddress, eueAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 24 : 64)));
        var eue = new SimulatedEueSnmp(bed);
        await eue.OpenAsync(eueAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any);
        return (bed, eue, (ProvisioningServer)bed.Headend.ProvisioningServer!);
    }

    [Fact]
    public async Task eUE_15_and_eUE_19_a_v2c_enrollment_INFORM_is_acknowledged_and_followed_by_the_SET_of_the_file_URL_and_its_SHA_1_without_a_key()
    {
        var (bed, eue, server) = await StartAsync(EueV4);
        await using var owned = bed;

        var ack = await eue.StartInformAsync(SimulatedEueSnmp.V2c(HeadendV4), MtaMib.CableLabs.Enrollment, SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs));
        (await bed.RunUntil(ack, Minute)).Should().BeTrue();
        (await ack).VarBinds.Skip(2).Should().Equal(SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs), "RFC 3416 §4.2.7: the Response repeats the INFORM's varbinds");
        (await ack).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        (await SetAnswered(bed, server)).Should().BeTrue();

        eue.Sets.Should().Equal(
            (ClabUrl, SnmpValue.OctetString("tftp://192.0.2.1/eue1.cfg")),
            (ClabHash, SnmpValue.OctetString(SHA1.HashData(ConfigFileBytes))));
        var enrollment = server.Enrollments.Single();
        enrollment.Mac.Should().Be(EueMac);
        enrollment.Inform.Mib.Should().Be(MtaMib.CableLabs);
        enrollment.Configured.Should().BeTrue();
        enrollment.Set!.Select(v => v.Name).Should().NotContain(ClabKey, "eUE-19: no key for a file that is not encrypted");
        bed.Events(ProvisioningServer.Service).Select(e => (e.Direction, e.Kind)).Should().Equal(
            (Direction.Received, "InformRequest"), (Direction.Sent, "Response"), (Direction.Sent, "SetRequest"), (Direction.Received, "Response"));
        bed.Events(ProvisioningServer.Service)[0].Fields["snmp.community"].Should().Be("public");
        bed.Events(ProvisioningServer.Service)[2].Peer.Should().Be(new IPEndPoint(EueV4, 161));
    }

    [Fact]
    public async Task SNMPv3_authPriv_over_IPv6_in_the_IETF_MIB_from_enrollment_to_the_status_INFORM_of_eUE_25()
    {
        var (bed, eue, server) = await StartAsync(EueV6);
        await using var owned = bed;

        var enrolled = await eue.StartInformAsync(SimulatedEueSnmp.V3(HeadendV6), MtaMib.Ietf.Enrollment, SimulatedEueSnmp.EnrollmentObjects(MtaMib.Ietf));
        (await bed.RunUntil(enrolled, Minute)).Should().BeTrue();
        (await SetAnswered(bed, server)).Should().BeTrue();
        var status = await eue.StartInformAsync(SimulatedEueSnmp.V3(HeadendV6), MtaMib.Ietf.Status, SimulatedEueSnmp.StatusObjects(MtaMib.Ietf, state: 1));
        (await bed.RunUntil(status, Minute)).Should().BeTrue();

        eue.Sets.Select(s => s.Name).Should().Equal(MibNames.IetfMta.PktcMtaDevConfigFile.InstanceId(0), MibNames.IetfMta.PktcMtaDevProvConfigHash.InstanceId(0));
        eue.Sets[0].Value.ToText().Should().Be("tftp://[2001:db8:1::1]/eue1.cfg", "eUE-19 note 3: an IPv6 literal in brackets");
        var enrollment = server.Enrollments.Single();
        enrollment.Inform.Version.Should().Be(SnmpVersion.V3);
        enrollment.Inform.Level.Should().Be(UsmSecurityLevel.AuthPriv);
        enrollment.ReportedState.Should().Be(1, "pass");
        var sent = bed.Events(ProvisioningServer.Service).Where(e => e.Direction == Direction.Sent).ToList();
        sent.Should().Contain(e => e.Kind == "Report", "the server answers the eUE's discovery probe (RFC 3414 §4)");
        sent.Should().Contain(e => e.Kind == "SetRequest" && e.Peer.Equals(new IPEndPoint(EueV6, 161)));
        bed.Events(ProvisioningServer.Service).Should().Contain(e => e.Direction == Direction.Received && e.Kind == "InformRequest"
            && e.Fields["snmp.msgUserName"] == "eue" && e.Fields["snmp.name"].Contains(MibNames.IetfMta.PktcMtaDevProvisioningState.Instance(0)));
    }

    [Fact]
    public async Task eUE_16_the_GET_of_the_listed_objects_comes_before_the_SET()
    {
        var db = Database(s => s with { Query = [MibNames.Snmpv2.SysDescr.InstanceId(0)] });
        var (bed, eue, server) = await StartAsync(EueV4, db);
        await using var owned = bed;

        var ack = await eue.StartInformAsync(SimulatedEueSnmp.V2c(HeadendV4), MtaMib.CableLabs.Enrollment, SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs));
        (await SetAnswered(bed, server)).Should().BeTrue();

        server.Enrollments.Single().Capabilities!.Single().Value.ToText().Should().Be("simulated eUE");
        bed.Events(ProvisioningServer.Service).Where(e => e.Direction == Direction.Sent && e.Kind.EndsWith("Request")).Select(e => e.Kind)
            .Should().Equal("GetRequest", "SetRequest");
    }

    [Fact]
    public async Task A_lost_Response_makes_the_eUE_retransmit_the_INFORM_which_is_answered_again_but_acted_on_once()
    {
        var (bed, eue, server) = await StartAsync(EueV4);
        await using var owned = bed;
        server.Overrides.Add(Override.DropNth("Response", 1));

        var ack = await eue.StartInformAsync(SimulatedEueSnmp.V2c(HeadendV4), MtaMib.CableLabs.Enrollment, SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs));
        (await bed.RunUntil(ack, Minute)).Should().BeTrue();
        (await SetAnswered(bed, server)).Should().BeTrue();
        await bed.Fabric.RunUntilAsync(new TaskCompletionSource().Task, Minute);

        var events = bed.Events(ProvisioningServer.Service);
        events.Count(e => e.Direction == Direction.Received && e.Kind == "InformRequest").Should().Be(2);
        events.Count(e => e.Direction == Direction.Sent && e.Kind == "Response").Should().Be(1, "the first was dropped by the override");
        events.Count(e => e.Direction == Direction.Sent && e.Kind == "SetRequest").Should().Be(1);
        events.Last(e => e.Kind == "InformRequest").Fields[EUeConformance.Headend.Servers.Common.EvidenceNotes.NoteField].Should().Contain("retransmitted");
        server.Notifications.Should().ContainSingle();
        eue.Sets.Should().HaveCount(2);
    }

    [Fact]
    public async Task Overrides_can_send_a_wrong_hash_leave_the_URL_out_and_add_a_key_to_a_plain_file()
    {
        var (bed, eue, server) = await StartAsync(EueV4);
        await using var owned = bed;
        var key = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        server.Overrides.Add(Override.AlterField("SetRequest", "hash", "00112233445566778899AABBCCDDEEFF00112233"),
            Override.OmitOption("SetRequest", ClabUrl.ToString()), Override.AlterOption("SetRequest", ClabKey.ToString(), key));

        await eue.StartInformAsync(SimulatedEueSnmp.V2c(HeadendV4), MtaMib.CableLabs.Enrollment, SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs));
        (await SetAnswered(bed, server)).Should().BeTrue();

        eue.Sets.Should().Equal(
            (ClabHash, SnmpValue.OctetString(Convert.FromHexString("00112233445566778899AABBCCDDEEFF00112233"))),
            (ClabKey, SnmpValue.OctetString(key)));
    }

    [Fact]
    public async Task An_encrypted_file_brings_its_key_in_the_SET_eUE_19()
    {
        var db = Database();
        var key = new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 };
        db.AddFile(db.FindFile(ConfigFileName)! with { EncryptionKey = key });
        var (bed, eue, server) = await StartAsync(EueV4, db);
        await using var owned = bed;

        await eue.StartInformAsync(SimulatedEueSnmp.V2c(HeadendV4), MtaMib.CableLabs.Enrollment, SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs));
        (await SetAnswered(bed, server)).Should().BeTrue();

        eue.Sets.Select(s => s.Name).Should().Equal(ClabUrl, ClabHash, ClabKey);
        eue.Sets[2].Value.Should().Be(SnmpValue.OctetString(key));
    }

    [Fact]
    public async Task A_wrong_community_is_not_answered_and_bad_bytes_become_evidence_while_the_server_goes_on()
    {
        var (bed, eue, server) = await StartAsync(EueV4);
        await using var owned = bed;
        var (socket, _) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 0));
        await bed.SendAsync(socket, [0x30, 0x03, 0x02, 0x01], new IPEndPoint(HeadendV4, 162));

        var refused = await eue.StartInformAsync(SimulatedEueSnmp.V2c(HeadendV4) with { Community = "guess", Retries = 0 }, MtaMib.CableLabs.Enrollment,
            SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs));
        (await bed.RunUntil(refused, Minute)).Should().BeTrue();
        refused.IsFaulted.Should().BeTrue("nothing answers an INFORM with an unknown community");
        var ack = await eue.StartInformAsync(SimulatedEueSnmp.V2c(HeadendV4), MtaMib.CableLabs.Enrollment, SimulatedEueSnmp.EnrollmentObjects(MtaMib.CableLabs));
        (await bed.RunUntil(ack, Minute)).Should().BeTrue();
        ack.IsCompletedSuccessfully.Should().BeTrue();

        var received = bed.Events(ProvisioningServer.Service).Where(e => e.Direction == Direction.Received).ToList();
        received[0].Kind.Should().Be("undecodable");
        received[0].Error.Should().StartWith("snmp");
        received[0].Raw.ToArray().Should().Equal(0x30, 0x03, 0x02, 0x01);
        received[1].Fields[EUeConformance.Headend.Servers.Common.EvidenceNotes.NoteField].Should().Contain("community 'guess' is not accepted");
        server.Engine.Counters[EUeConformance.Protocols.Snmp.Engine.SnmpCounter.SnmpInBadCommunityNames].Should().Be(1);
    }

    [Fact]
    public async Task The_DHCP_servers_give_the_provisioning_server_the_eUE_3_tuple_6_2_2()
    {
        var (bed, _, _) = await StartAsync(EueV4);
        await using var owned = bed;
        var (socket, inbox) = await bed.OpenAsync(new IPEndPoint(IPAddress.Any, 68));
        await bed.SendAsync(socket, EueDiscover().Encode(), new IPEndPoint(IPAddress.Broadcast, 67));
        (await bed.RunUntil(inbox.Count(2), Minute)).Should().BeTrue();
        await bed.SendAsync(socket, Request(EueMac, HeadendV4, EueV4, 0x2001).Encode(), new IPEndPoint(IPAddress.Broadcast, 67));
        (await bed.RunUntil(inbox.Count(3), Minute)).Should().BeTrue();

        var binding = ((ProvisioningServer)bed.Headend.ProvisioningServer!).Bindings!.Find(EueMac)!;
        (binding.Address, binding.Fqdn).Should().Be((EueV4, EueFqdn));
    }

    /// <summary>Runs the fabric until the server has the eUE's answer to the SET (or a problem with it), at most a minute of fabric time.</summary>
    static Task<bool> SetAnswered(SimulatedHeadend bed, ProvisioningServer server)
    {
        static bool Done(ProvisioningEnrollment e) => e.SetResponse is not null || e.Problem is not null;
        if (server.Enrollments.Any(Done)) return Task.FromResult(true);
        var done = new TaskCompletionSource();
        server.EnrollmentChanged += e => { if (Done(e)) done.TrySetResult(); };
        return bed.RunUntil(done.Task, Minute);
    }
}
