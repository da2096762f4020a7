using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Tests.Device.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Device;

/// <summary>The reference E-UE's SNMP side (pkt-eue-4): the Hybrid flow, SET rules, incremental provisioning.</summary>
public sealed class HybridFlowTests
{
    static readonly TimeSpan Boot = TimeSpan.FromMinutes(5);

    static Task<DeviceBench> Hybrid(EcmProvisioning mode, string realm = "HYBRID.1", Action<ScriptedHeadend>? more = null) =>
        DeviceBench.StartAsync(new ReferenceDeviceOptions { EcmProvisioning = mode }, h =>
        {
            h.Realm = realm;
            if (mode == EcmProvisioning.Ipv4) h.EueDssId = null;
            more?.Invoke(h);
        });

    static string Log(DeviceBench bench) => string.Join("\n", bench.Adapter.Log.Select(l => l.Text));

    [Theory]
    [InlineData(IpAddressingMode.Ipv4)]
    [InlineData(IpAddressingMode.Ipv6)]
    public async Task Hybrid1_enrolls_takes_the_SET_file_and_reaches_pass(IpAddressingMode mode)
    {
        await using var bench = await Hybrid(mode == IpAddressingMode.Ipv4 ? EcmProvisioning.Ipv4 : EcmProvisioning.Ipv6);
        await bench.PowerOnAsync();

        (await bench.RunUntilEueAsync(EueState.Provisioned, Boot)).Should().BeTrue(Log(bench));

        bench.Eue.ProvisioningStatus.Should().Be(ProvisioningStatus.Pass);
        // eUE-15: the enrollment INFORM, then eUE-19's SET answered noError.
        bench.Headend.Notifications.Should().ContainSingle(n => n.IsInform && n.TrapOid == MibNames.IetfMta.PktcMtaDevProvisioningEnrollment.Id);
        bench.Headend.SetResponses.Should().ContainSingle().Which.Pdu.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        // HYBRID.1 leaves out eUE-25.
        bench.Headend.Notifications.Should().NotContain(n => n.TrapOid == MibNames.IetfMta.PktcMtaDevProvisioningStatus.Id);
    }

    [Fact]
    public async Task The_enrollment_INFORM_carries_the_objects_of_its_NOTIFICATION_TYPE()
    {
        await using var bench = await Hybrid(EcmProvisioning.Ipv6);
        await bench.PowerOnAsync();
        await bench.RunUntilEueAsync(EueState.Provisioned, Boot);

        var enrollment = bench.Headend.Notifications.First(n => n.TrapOid == MibNames.IetfMta.PktcMtaDevProvisioningEnrollment.Id);
        enrollment[MibNames.IetfMta.PktcMtaDevTypeIdentifier.InstanceId(0)]!.ToText().Should().StartWith("pktc2.0:05");
        enrollment[MibNames.IfMib.IfPhysAddress.InstanceId(1)]!.Bytes.ToArray().Should().Equal(bench.Device.Options.Identity.EueMac.GetAddressBytes());
        enrollment[MibNames.IetfMta.PktcMtaDevCorrelationId.InstanceId(0)]!.ToUInt32().Should().Be(bench.Device.Options.Identity.CorrelationId);
        // 6.2.1.2: SNMP from the global address, never the link-local one.
        enrollment.From.Address.IsIPv6LinkLocal.Should().BeFalse();
        enrollment.From.Address.Should().Be(ScriptedHeadend.EueV6);
    }

    [Fact]
    public async Task Hybrid2_sends_the_provisioning_status_INFORM_with_pass()
    {
        await using var bench = await Hybrid(EcmProvisioning.Ipv4, "HYBRID.2");
        await bench.PowerOnAsync();

        (await bench.RunUntilEueAsync(EueState.Provisioned, Boot)).Should().BeTrue(Log(bench));

        var status = bench.Headend.Notifications.Should().ContainSingle(n => n.TrapOid == MibNames.IetfMta.PktcMtaDevProvisioningStatus.Id).Subject;
        status[MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0)]!.ToInt32().Should().Be((int)ProvisioningStatus.Pass);
    }

    [Fact]
    public async Task A_SET_hash_that_does_not_match_the_file_fails_with_failConfigFileError()
    {
        await using var bench = await Hybrid(EcmProvisioning.Ipv4, "HYBRID.2", h => h.ConfigHash = new byte[20]);
        await bench.PowerOnAsync();

        (await bench.RunUntilEueAsync(EueState.ProvisioningFailed, Boot)).Should().BeTrue(Log(bench));
        bench.Headend.Notifications.Last()[MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0)]!.ToInt32()
            .Should().Be((int)ProvisioningStatus.FailConfigFileError);
    }

    [Fact]
    public async Task An_unacknowledged_status_INFORM_stops_provisioning()
    {
        await using var bench = await Hybrid(EcmProvisioning.Ipv4, "BASIC.2", h => h.AcknowledgeInforms = false);
        await bench.PowerOnAsync();

        (await bench.RunUntilEueAsync(EueState.ProvisioningFailed, Boot)).Should().BeTrue(Log(bench));
        // RFC 3413: the INFORM was retransmitted (first try + the configured retries) before the eUE gave up.
        bench.Headend.Notifications.Should().HaveCount(1 + bench.Device.Options.Management.InformRetries);
    }

    [Fact]
    public async Task In_the_Basic_flow_a_SET_of_the_config_file_location_is_inconsistentValue()
    {
        await using var bench = await Hybrid(EcmProvisioning.Ipv4, "BASIC.1");
        await bench.PowerOnAsync();
        await bench.RunUntilEueAsync(EueState.Provisioned, Boot);

        var set = await bench.OnActorAsync(() => bench.Headend.SetAsync(ScriptedHeadend.EueV4, new VarBind(MibNames.IetfMta.PktcMtaDevConfigFile.InstanceId(0), SnmpValue.OctetString("tftp://10.0.0.1/other"))));

        set.Pdu.ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentValue);
        // RFC 4682: without SNMP enrollment the object reflects siaddr and file from DHCP.
        bench.Device.Mib.Get(MibNames.IetfMta.PktcMtaDevConfigFile.InstanceId(0))!.ToText().Should().Be("tftp://10.0.0.1/eue.cfg");
    }

    [Fact]
    public async Task After_provisioning_a_SET_creates_a_row_incrementally_and_a_GET_reads_it_back()
    {
        await using var bench = await Hybrid(EcmProvisioning.Ipv6);
        await bench.PowerOnAsync();
        await bench.RunUntilEueAsync(EueState.Provisioned, Boot);

        // 6.3.6: a P-CSCF row added over SNMP after provisioning, createAndGo.
        var t = MibNames.EueDev.PktcEUEDevPCSCFTable;
        uint[] row = [1, 1];
        var set = await bench.OnActorAsync(() => bench.Headend.SetAsync(ScriptedHeadend.EueV6,
            new VarBind(MibNames.EueDev.PktcEUEDevPCSCFAddrType.InstanceId(row), SnmpValue.Integer(2)),
            new VarBind(MibNames.EueDev.PktcEUEDevPCSCFAddr.InstanceId(row), SnmpValue.OctetString(ScriptedHeadend.V6.GetAddressBytes())),
            new VarBind(t.RowStatus!.InstanceId(row), SnmpValue.Integer(4))));
        set.Pdu.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);

        var get = await bench.OnActorAsync(() => bench.Headend.GetAsync(ScriptedHeadend.EueV6, t.RowStatus!.InstanceId(row), MibNames.EueDev.PktcEUEDevPCSCFAddr.InstanceId(row)));
        get.Pdu.VarBinds[0].Value.ToInt32().Should().Be(1, "createAndGo leaves the row active");
        get.Pdu.VarBinds[1].Value.Bytes.ToArray().Should().Equal(ScriptedHeadend.V6.GetAddressBytes());
    }

    [Fact]
    public async Task A_new_row_without_its_RowStatus_is_inconsistentName()
    {
        await using var bench = await Hybrid(EcmProvisioning.Ipv6);
        await bench.PowerOnAsync();
        await bench.RunUntilEueAsync(EueState.Provisioned, Boot);

        var set = await bench.OnActorAsync(() => bench.Headend.SetAsync(ScriptedHeadend.EueV6, new VarBind(MibNames.EueDev.PktcEUEDevPCSCFAddrType.InstanceId(1, 2), SnmpValue.Integer(2))));

        set.Pdu.ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentName);
    }

    [Fact]
    public async Task A_SET_of_pktcMtaDevResetNow_resets_the_eUE_which_provisions_again()
    {
        await using var bench = await Hybrid(EcmProvisioning.Ipv4);
        await bench.PowerOnAsync();
        await bench.RunUntilEueAsync(EueState.Provisioned, Boot);
        int enrollments = bench.Headend.Notifications.Count;

        var set = await bench.OnActorAsync(() => bench.Headend.SetAsync(ScriptedHeadend.EueV4, new VarBind(MibNames.IetfMta.PktcMtaDevResetNow.InstanceId(0), SnmpValue.TruthValue(true))));
        set.Pdu.ErrorStatus.Should().Be(SnmpErrorStatus.NoError, "the Response leaves before the reset");

        (await bench.RunUntilAsync(() => bench.Headend.Notifications.Count > enrollments && bench.Eue.State == EueState.Provisioned, Boot)).Should().BeTrue(Log(bench));
    }
}
