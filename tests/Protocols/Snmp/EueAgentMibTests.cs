using System.Net;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Mibs;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Snmp.EueAgentMibBed;
using Ev = EUeConformance.Protocols.Snmp.Mibs.MibNames.Event;
using Ietf = EUeConformance.Protocols.Snmp.Mibs.MibNames.IetfMta;
using Notify = EUeConformance.Protocols.Snmp.Mibs.MibNames.SnmpNotification;
using Target = EUeConformance.Protocols.Snmp.Mibs.MibNames.SnmpTarget;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// The eUE's MIB objects the flows touch, served by the agent: provisioning (configuration file URL,
/// hash, key, state, error OIDs, realm table), notification receivers (RFC 3413 tables) and the
/// management-event control (PKTC-EVENT-MIB), with the rules their MIBs and EUE-PROV give.
/// </summary>
public class EueAgentMibTests
{
    readonly EueAgentMibBed _bed = new();

    static VarBind V(MibObject o, SnmpValue value, params uint[] index) => new(o.InstanceId(index.Length == 0 ? [0] : index), value);
    static readonly byte[] Hash = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];
    static readonly byte[] Key = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    // ------------------------------------------------------------ provisioning objects

    [Fact]
    public void The_enrollment_and_status_notifications_read_their_OBJECTS_from_the_agent()
    {
        var enrollment = _bed.Eue.Provisioning.ObjectsOf(Ietf.PktcMtaDevProvisioningEnrollment);
        enrollment.Select(v => v.Name.ToString()).Should().Equal(
            "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.140.1.1.3.0", "1.3.6.1.2.1.140.1.1.7.0", "1.3.6.1.2.1.2.2.1.6.1", "1.3.6.1.2.1.140.1.3.3.0");
        enrollment.Select(v => v.Value).Should().Equal(SnmpValue.OctetString(SysDescr), SnmpValue.OctetString(Identity.SoftwareVersion),
            SnmpValue.OctetString(Identity.TypeIdentifier), SnmpValue.OctetString(Mac), SnmpValue.Unsigned32(4711));
        _bed.Eue.Provisioning.ProvisioningState = 1;
        _bed.Eue.Provisioning.ObjectsOf(Ietf.PktcMtaDevProvisioningStatus).Select(v => v.Value)
            .Should().Equal(SnmpValue.OctetString(Mac), SnmpValue.Unsigned32(4711), SnmpValue.Integer(1));
    }

    [Fact]
    public void Secure_flow_takes_URL_hash_and_key_in_one_SET_and_reads_them_back()
    {
        var r = _bed.Ask(Set(V(Ietf.PktcMtaDevConfigFile, SnmpValue.OctetString("tftp://[2001:db8::69]/eue.cfg")),
            V(Ietf.PktcMtaDevProvConfigHash, SnmpValue.OctetString(Hash)), V(Ietf.PktcMtaDevProvConfigKey, SnmpValue.OctetString(Key))));
        r.ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.Provisioning.Provisioned.Url.Should().Be("tftp://[2001:db8::69]/eue.cfg");
        _bed.Eue.Provisioning.Provisioned.Hash.Should().Equal(Hash);
        _bed.Eue.Provisioning.Provisioned.Key.Should().Equal(Key);
        _bed.Ask(Get(Ietf.PktcMtaDevProvConfigKey.InstanceId(0), Ietf.PktcMtaDevProvConfigEncryptAlg.InstanceId(0), Ietf.PktcMtaDevProvisioningTimer.InstanceId(0)), "public")
            .VarBinds.Select(v => v.Value).Should().Equal(SnmpValue.OctetString(Key), SnmpValue.Integer(1), SnmpValue.Unsigned32(10));
    }

    [Fact]
    public void Hybrid_takes_URL_and_hash_but_not_the_key_which_reads_empty()
    {
        _bed.Flow = ProvisioningFlow.Hybrid;
        _bed.Ask(Set(V(Ietf.PktcMtaDevConfigFile, SnmpValue.OctetString("tftp://10.0.0.69/eue.cfg")), V(Ietf.PktcMtaDevProvConfigHash, SnmpValue.OctetString(Hash))))
            .ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        var r = _bed.Ask(Set(V(Ietf.PktcMtaDevProvConfigKey, SnmpValue.OctetString(Key))));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.InconsistentValue, 1), "RFC 4682: no key outside secure provisioning");
        _bed.Ask(Get(Ietf.PktcMtaDevProvConfigKey.InstanceId(0)), "public").VarBinds.Single().Value.Bytes.Length.Should().Be(0);
    }

    [Theory]
    [InlineData(ProvisioningFlow.Basic)]
    [InlineData(null)]
    public void Outside_SNMP_enrollment_the_URL_and_hash_are_the_devices_and_a_SET_is_inconsistentValue(ProvisioningFlow? flow)
    {
        _bed.Flow = flow;
        _bed.Eue.Provisioning.SetFromDevice("tftp://10.0.0.69/basic.cfg", Hash);
        foreach (var vb in new[] { V(Ietf.PktcMtaDevConfigFile, SnmpValue.OctetString("tftp://x/y")), V(Ietf.PktcMtaDevProvConfigHash, SnmpValue.OctetString(new byte[20])) })
            _bed.Ask(Set(vb)).ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentValue);
        _bed.Ask(Get(Ietf.PktcMtaDevConfigFile.InstanceId(0), Ietf.PktcMtaDevProvConfigHash.InstanceId(0)), "public").VarBinds.Select(v => v.Value)
            .Should().Equal(SnmpValue.OctetString("tftp://10.0.0.69/basic.cfg"), SnmpValue.OctetString(Hash));
    }

    [Fact]
    public void The_hash_and_key_sizes_of_RFC_4682_are_checked_before_the_flow()
    {
        _bed.Ask(Set(V(Ietf.PktcMtaDevProvConfigHash, SnmpValue.OctetString(new byte[16])))).ErrorStatus.Should().Be(SnmpErrorStatus.WrongLength);
        _bed.Ask(Set(V(Ietf.PktcMtaDevProvConfigKey, SnmpValue.OctetString(new byte[8])))).ErrorStatus.Should().Be(SnmpErrorStatus.WrongLength);
        _bed.Ask(Set(V(Ietf.PktcMtaDevProvisioningState, SnmpValue.Integer(1)))).ErrorStatus.Should().Be(SnmpErrorStatus.NotWritable);
    }

    [Fact]
    public void A_realm_row_created_with_name_and_organization_gets_the_DEFVALs_and_one_without_the_organization_is_refused()
    {
        var name = V(Ietf.PktcMtaDevRealmName, SnmpValue.OctetString("PCLAB.EXAMPLE.COM"), 1);
        _bed.Ask(Set(name, V(Ietf.PktcMtaDevRealmStatus, SnmpValue.Integer((int)RowStatus.CreateAndGo), 1)))
            .ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentValue, "EUE-PROV 6.4.2.1: name and organization name in the same row");
        _bed.Ask(Set(name, V(Ietf.PktcMtaDevRealmOrgName, SnmpValue.OctetString("Example Cable"), 1), V(Ietf.PktcMtaDevRealmStatus, SnmpValue.Integer((int)RowStatus.CreateAndGo), 1)))
            .ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        var row = _bed.Eue.Provisioning.Realms.Row(1)!;
        (row[Ietf.PktcMtaDevRealmPkinitGracePeriod], row[Ietf.PktcMtaDevRealmTgsGracePeriod], row[Ietf.PktcMtaDevRealmUnsolicitedKeyMaxTimeout],
            row[Ietf.PktcMtaDevRealmUnsolicitedKeyNomTimeout], row[Ietf.PktcMtaDevRealmUnsolicitedKeyMaxRetries], row.Status)
            .Should().Be((SnmpValue.Unsigned32(15), SnmpValue.Unsigned32(10), SnmpValue.Unsigned32(100), SnmpValue.Unsigned32(3000), SnmpValue.Unsigned32(5), RowStatus.Active));
    }

    [Fact]
    public void An_eUE_without_createAndWait_answers_wrongValue_for_it()
    {
        var bed = new EueAgentMibBed(supportsCreateAndWait: false);
        var r = bed.Ask(Set(V(Ietf.PktcMtaDevRealmStatus, SnmpValue.Integer((int)RowStatus.CreateAndWait), 2)));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.WrongValue, 1));
        _bed.Ask(Set(V(Ietf.PktcMtaDevRealmStatus, SnmpValue.Integer((int)RowStatus.CreateAndWait), 2))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.Provisioning.Realms.Row(2)!.Status.Should().Be(RowStatus.NotReady);
    }

    [Fact]
    public void Error_OIDs_are_the_devices_rows_read_only_to_managers()
    {
        _bed.Eue.Provisioning.ReportError(1, "1.3.6.1.2.1.140.1.3.6.1.9.1", "5", "createAndWait is not supported");
        var r = _bed.Ask(Get(Ietf.PktcMtaDevErrorOid.InstanceId(1), Ietf.PktcMtaDevErrorValue.InstanceId(1), Ietf.PktcMtaDevErrorReason.InstanceId(1)), "public");
        r.VarBinds.Select(v => v.Value.ToText()).Should().Equal("1.3.6.1.2.1.140.1.3.6.1.9.1", "5", "createAndWait is not supported");
        _bed.Ask(Set(V(Ietf.PktcMtaDevErrorReason, SnmpValue.OctetString("x"), 1))).ErrorStatus.Should().Be(SnmpErrorStatus.NotWritable);
    }

    // ------------------------------------------------------------ notification receivers

    static uint[] Named(string name) => MibIndex.OfString(name, implied: true);

    VarBind[] Receiver(string name, IPEndPoint endPoint, string tag, string parameters, int mpModel, int securityModel, string securityName, int level, int notifyType)
    {
        var (domain, address) = NotificationReceiverTables.TransportOf(endPoint);
        return
        [
            V(Target.SnmpTargetAddrTDomain, domain, Named(name)), V(Target.SnmpTargetAddrTAddress, address, Named(name)),
            V(Target.SnmpTargetAddrTagList, SnmpValue.OctetString(tag), Named(name)), V(Target.SnmpTargetAddrParams, SnmpValue.OctetString(parameters), Named(name)),
            V(Target.SnmpTargetAddrRowStatus, SnmpValue.Integer(4), Named(name)),
            V(Target.SnmpTargetParamsMPModel, SnmpValue.Integer(mpModel), Named(parameters)), V(Target.SnmpTargetParamsSecurityModel, SnmpValue.Integer(securityModel), Named(parameters)),
            V(Target.SnmpTargetParamsSecurityName, SnmpValue.OctetString(securityName), Named(parameters)), V(Target.SnmpTargetParamsSecurityLevel, SnmpValue.Integer(level), Named(parameters)),
            V(Target.SnmpTargetParamsRowStatus, SnmpValue.Integer(4), Named(parameters)),
            V(Notify.SnmpNotifyTag, SnmpValue.OctetString(tag), Named(name)), V(Notify.SnmpNotifyType, SnmpValue.Integer(notifyType), Named(name)),
            V(Notify.SnmpNotifyRowStatus, SnmpValue.Integer(4), Named(name)),
        ];
    }

    [Fact]
    public void Receivers_written_as_TLV_38_would_be_are_selected_by_tag_with_RFC_3413_defaults()
    {
        var v4 = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 162);
        var v6 = new IPEndPoint(IPAddress.Parse("2001:db8::162"), 10162);
        _bed.Ask(Set(Receiver("nms1", v4, "nms1", "v2c-public", 1, 2, "public", 1, 1))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Ask(Set(Receiver("nms2", v6, "nms2", "v3-prov", 3, 3, "provserver", 3, 2))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);

        var targets = _bed.Eue.NotificationReceivers.Targets();
        targets.Should().HaveCount(2);
        targets[0].Should().Be(new ManagementTarget("nms1", "nms1", v4, false, TimeSpan.FromSeconds(15), 3, SnmpVersion.V2c, "public", EUeConformance.Protocols.Snmp.Usm.UsmSecurityLevel.NoAuthNoPriv));
        targets[1].Should().Be(new ManagementTarget("nms2", "nms2", v6, true, TimeSpan.FromSeconds(15), 3, SnmpVersion.V3, "provserver", EUeConformance.Protocols.Snmp.Usm.UsmSecurityLevel.AuthPriv));

        var address = _bed.Eue.NotificationReceivers.Addresses.Row(Named("nms2"))!;
        address[Target.SnmpTargetAddrTDomain].Should().Be(SnmpValue.ObjectIdentifier(NotificationReceiverTables.TransportDomainUdpIpv6));
        address[Target.SnmpTargetAddrTAddress]!.Bytes.Length.Should().Be(18, "RFC 3419 TransportAddressIPv6: 16 octets of address, 2 of port");
        address[Target.SnmpTargetAddrStorageType].Should().Be(SnmpValue.Integer(3));
    }

    [Fact]
    public void A_receiver_whose_tag_params_or_row_status_do_not_line_up_is_not_selected()
    {
        var to = new IPEndPoint(IPAddress.Parse("10.0.0.1"), 162);
        _bed.Ask(Set(Receiver("a", to, "a", "pa", 1, 2, "public", 1, 1))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.NotificationReceivers.Targets().Should().ContainSingle();
        // The notify row's tag no longer matches the address row's tag list: nothing is selected.
        _bed.Ask(Set(V(Notify.SnmpNotifyTag, SnmpValue.OctetString("b"), Named("a")))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.NotificationReceivers.Targets().Should().BeEmpty();
        // A tag list of several tags selects on any of them.
        _bed.Ask(Set(V(Target.SnmpTargetAddrTagList, SnmpValue.OctetString("x b\ty"), Named("a")))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.NotificationReceivers.Targets().Should().ContainSingle();
        // Parameters taken out of service: the target is not used.
        _bed.Ask(Set(V(Target.SnmpTargetParamsRowStatus, SnmpValue.Integer(2), Named("pa")))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.NotificationReceivers.Targets().Should().BeEmpty();
        // An address row needs its TDomain, TAddress and parameters name before it can be active.
        _bed.Ask(Set(V(Target.SnmpTargetAddrTagList, SnmpValue.OctetString("c"), Named("c")), V(Target.SnmpTargetAddrRowStatus, SnmpValue.Integer(4), Named("c"))))
            .ErrorStatus.Should().Be(SnmpErrorStatus.InconsistentValue);
    }

    // ------------------------------------------------------------ management events

    static readonly ObjectIdentifier AddressType0 = Ev.PktcDevEvSyslogAddressType.InstanceId(0), Address0 = Ev.PktcDevEvSyslogAddress.InstanceId(0), Port0 = Ev.PktcDevEvSyslogUdpPort.InstanceId(0);

    [Fact]
    public void The_syslog_destination_follows_type_address_and_port_and_0_0_0_0_inhibits_it()
    {
        _bed.Eue.Events.Control.SyslogDestination.Should().BeNull("no server yet");
        _bed.Ask(Get(Port0, Ev.PktcDevEvControl.InstanceId(0), Ev.PktcDevEvThrottleAdminStatus.InstanceId(0), Ev.PktcDevEvThrottleThreshold.InstanceId(0), Ev.PktcDevEvThrottleInterval.InstanceId(0)), "public")
            .VarBinds.Select(v => v.Value).Should().Equal(SnmpValue.Unsigned32(514), SnmpValue.OctetString([0]), SnmpValue.Integer(1), SnmpValue.Unsigned32(2), SnmpValue.Unsigned32(1));
        _bed.Ask(Set(new VarBind(AddressType0, SnmpValue.Integer(2)), new VarBind(Address0, SnmpValue.OctetString(IPAddress.Parse("2001:db8::514").GetAddressBytes())),
            new VarBind(Port0, SnmpValue.Unsigned32(1514)))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.Events.Control.SyslogDestination.Should().Be(new IPEndPoint(IPAddress.Parse("2001:db8::514"), 1514));
        _bed.Ask(Set(new VarBind(AddressType0, SnmpValue.Integer(1)), new VarBind(Address0, SnmpValue.OctetString([255, 255, 255, 255])))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.Events.Control.SyslogDestination.Should().BeNull("255.255.255.255 inhibits syslog");
    }

    [Fact]
    public void An_address_that_does_not_fit_its_type_is_inconsistentValue_in_either_order()
    {
        var r = _bed.Ask(Set(new VarBind(Address0, SnmpValue.OctetString(IPAddress.Parse("2001:db8::514").GetAddressBytes()))));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.InconsistentValue, 1), "the type is still ipv4");
        r = _bed.Ask(Set(new VarBind(Port0, SnmpValue.Unsigned32(514)), new VarBind(AddressType0, SnmpValue.Integer(2))));
        (r.ErrorStatus, r.ErrorIndex).Should().Be((SnmpErrorStatus.InconsistentValue, 2), "the address is still 4 octets");
        _bed.Ask(Get(AddressType0), "public").VarBinds.Single().Value.Should().Be(SnmpValue.Integer(1), "nothing changed");
    }

    [Fact]
    public void Event_descriptions_default_their_reporting_by_level_can_be_changed_and_reset_and_the_log_cleared()
    {
        // Illustrative event IDs (PKT-EUE-DATA's real ones are not in shared/reference).
        _bed.Eue.Events.Describe(new EventDescription(4000950905, 4491, 3, "Provisioning complete with errors"));
        _bed.Eue.Events.Describe(new EventDescription(4000950906, 4491, 5, "Provisioning complete"));
        _bed.Eue.Events.Reporting(4000950905, 4491).Should().Be(0xD0, "error level: local, syslog, snmpInform");
        _bed.Eue.Events.Reporting(4000950906, 4491).Should().Be(0xC0, "notice level: local, syslog");
        _bed.Ask(Set(V(Ev.PktcDevEventDescrReporting, SnmpValue.OctetString([0x20]), 4000950906, 4491))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.Events.Reporting(4000950906, 4491).Should().Be(0x20, "snmpTrap only");
        _bed.Ask(Set(V(Ev.PktcDevEventDescrLevel, SnmpValue.Integer(2), 1, 4491))).ErrorStatus.Should().Be(SnmpErrorStatus.NoCreation, "an event the device does not describe");

        _bed.Eue.Events.Record([0x07, 0xDA, 5, 27, 12, 0, 0, 0], 4491, 4000950906, "Provisioning complete", "eue-0001.voice.example.net/10.0.0.2", 4711, 0x40)
            .Should().Be(1);
        _bed.Ask(Get(Ev.PktcDevEvLogText.InstanceId(1)), "public").VarBinds.Single().Value.ToText().Should().Be("Provisioning complete");
        // pktcDevEvInform carries the log entry's columns and the MAC (ifPhysAddress.1).
        _bed.Eue.Provisioning.ObjectsOf(Ev.PktcDevEvInform, 1).Select(v => MibNames.Describe(v.Name)).Should().Equal(
            "PKTC-EVENT-MIB::pktcDevEvLogIndex.1", "PKTC-EVENT-MIB::pktcDevEvLogTime.1", "PKTC-EVENT-MIB::pktcDevEvLogEnterprise.1", "PKTC-EVENT-MIB::pktcDevEvLogId.1",
            "PKTC-EVENT-MIB::pktcDevEvLogEndpointName.1", "PKTC-EVENT-MIB::pktcDevEvLogCorrelationId.1", "IF-MIB::ifPhysAddress.1");
        _bed.Eue.Provisioning.ObjectsOf(Ev.PktcDevEvInform, 1)[3].Value.Should().Be(SnmpValue.Unsigned32(4000950906));
        _bed.Ask(Set(V(Ev.PktcDevEvControl, SnmpValue.OctetString([0xC0])))).ErrorStatus.Should().Be(SnmpErrorStatus.NoError);
        _bed.Eue.Events.Log.Rows.Should().BeEmpty("resetEventLogTable(0)");
        _bed.Eue.Events.Reporting(4000950906, 4491).Should().Be(0xC0, "resetEventDescrTable(1) restored the factory default");
        _bed.Ask(Get(Ev.PktcDevEvControl.InstanceId(0)), "public").VarBinds.Single().Value.Should().Be(SnmpValue.OctetString([0]), "it always reads '00'");
    }

    [Fact]
    public void Every_object_the_flows_touch_is_served_under_its_OID_from_the_MIB_table()
    {
        MibObject[] touched =
        [
            Ietf.PktcMtaDevConfigFile, Ietf.PktcMtaDevProvConfigHash, Ietf.PktcMtaDevProvConfigKey, Ietf.PktcMtaDevProvConfigEncryptAlg,
            Ietf.PktcMtaDevProvisioningState, Ietf.PktcMtaDevProvisioningTimer, Ietf.PktcMtaDevSwCurrentVers, Ietf.PktcMtaDevTypeIdentifier,
            Ietf.PktcMtaDevCorrelationId, Ietf.PktcMtaDevSerialNumber, Ev.PktcDevEvControl, Ev.PktcDevEvSyslogAddressType, Ev.PktcDevEvSyslogAddress,
            Ev.PktcDevEvSyslogUdpPort, Ev.PktcDevEvThrottleAdminStatus, Ev.PktcDevEvTransmissionStatus,
        ];
        var r = _bed.Ask(Get([.. touched.Select(o => o.InstanceId(0))]), "public");
        for (int i = 0; i < touched.Length; i++)
        {
            r.VarBinds[i].Value.IsException.Should().BeFalse($"{touched[i]} is served");
            touched[i].Type!.BaseType.Should().Be(r.VarBinds[i].Value.Type, $"{touched[i]} is {touched[i].Syntax}");
            MibNames.Describe(r.VarBinds[i].Name).Should().Be($"{touched[i]}.0");
        }
        foreach (var table in new[] { Ietf.PktcMtaDevRealmTable, Ietf.PktcMtaDevErrorOidsTable, Target.SnmpTargetAddrTable, Target.SnmpTargetParamsTable,
                     Notify.SnmpNotifyTable, Notify.SnmpNotifyFilterProfileTable, Notify.SnmpNotifyFilterTable, Ev.PktcDevEventDescrTable, Ev.PktcDevEventLogTable })
            _bed.Mib.Find(table.EntryId.Append(1)).Should().BeOfType<MibTableHandler>().Which.Definition.Should().Be(table);
    }
}
