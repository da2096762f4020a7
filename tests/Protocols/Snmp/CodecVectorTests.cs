using System.Net;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// The codec reads what net-snmp wrote (tools and snmpd, see <see cref="NetSnmpVectors"/>) to the
/// values net-snmp was given, and writes each message back to the same bytes.
/// </summary>
public class CodecVectorTests
{
    static T Decode<T>(byte[] bytes) where T : SnmpMessage
    {
        var message = SnmpMessage.Decode(bytes);
        message.Encode().Should().Equal(bytes, "the codec writes net-snmp's message back byte for byte");
        return message.Should().BeOfType<T>().Subject;
    }

    [Fact]
    public void An_SNMPv1_Get_and_snmpd_GetResponse_read_to_sysDescr()
    {
        var get = Decode<CommunityMessage>(NetSnmpVectors.V1Get);
        (get.Version, get.CommunityText).Should().Be((SnmpVersion.V1, "public"));
        var pdu = (Pdu)get.Pdu;
        (pdu.Type, pdu.RequestId, pdu.ErrorStatus, pdu.ErrorIndex).Should().Be((PduType.GetRequest, 0x4e998bed, SnmpErrorStatus.NoError, 0));
        pdu.VarBinds.Should().ContainSingle().Which.Should().Be(new VarBind("1.3.6.1.2.1.1.1.0", SnmpValue.Null()));

        var response = (Pdu)Decode<CommunityMessage>(NetSnmpVectors.V1GetResponse).Pdu;
        (response.Type, response.RequestId).Should().Be((PduType.Response, 0x4e998bed));
        response.VarBinds.Single().Value.ToText().Should().Be("EUeConformance reference snmpd");
        response.VarBinds.Single().ToString().Should().Be("SNMPv2-MIB::sysDescr.0 = STRING: \"EUeConformance reference snmpd\"");
    }

    [Fact]
    public void A_v2c_GetNext_and_its_Response()
    {
        var next = (Pdu)Decode<CommunityMessage>(NetSnmpVectors.V2cGetNext).Pdu;
        (next.Type, next.RequestId).Should().Be((PduType.GetNextRequest, 0x0adb2072));
        next.VarBinds.Single().Oid.Should().Be("1.3.6.1.2.1.1");
        var response = (Pdu)Decode<CommunityMessage>(NetSnmpVectors.V2cGetNextResponse).Pdu;
        response.VarBinds.Single().Oid.Should().Be("1.3.6.1.2.1.1.1.0");
    }

    [Fact]
    public void A_GetBulk_carries_non_repeaters_and_max_repetitions_and_snmpd_answers_with_a_long_form_length()
    {
        var bulk = (Pdu)Decode<CommunityMessage>(NetSnmpVectors.V2cGetBulk).Pdu;
        (bulk.Type, bulk.NonRepeaters, bulk.MaxRepetitions).Should().Be((PduType.GetBulkRequest, 1, 5));
        bulk.VarBinds.Select(v => v.Oid).Should().Equal("1.3.6.1.2.1.1.1", "1.3.6.1.2.1.2");

        NetSnmpVectors.V2cGetBulkResponse[1].Should().Be(0x81, "the vector exercises the long length form");
        var response = (Pdu)Decode<CommunityMessage>(NetSnmpVectors.V2cGetBulkResponse).Pdu;
        response.VarBinds.Select(v => v.Oid).Should().Equal("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.2.1.0",
            "1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.1.2", "1.3.6.1.2.1.2.2.1.1.3", "1.3.6.1.2.1.2.2.1.1.4");
        response.VarBinds[1].Value.Should().Be(SnmpValue.Integer(4));
    }

    [Fact]
    public void A_Set_of_the_eUE_configuration_file_URL_and_provisioning_timer()
    {
        var set = Decode<CommunityMessage>(NetSnmpVectors.V2cSet);
        set.CommunityText.Should().Be("private");
        var pdu = (Pdu)set.Pdu;
        pdu.Type.Should().Be(PduType.SetRequest);
        pdu.VarBinds.Should().Equal(
            new VarBind(MibNames.IetfMta.PktcMtaDevConfigFile.InstanceId(0), SnmpValue.OctetString("tftp://10.0.0.1/eue.cfg")),
            new VarBind(MibNames.IetfMta.PktcMtaDevProvisioningTimer.InstanceId(0), SnmpValue.Gauge32(10)));
        pdu.VarBinds[0].ToString().Should().Be("PKTC-IETF-MTA-MIB::pktcMtaDevConfigFile.0 = STRING: \"tftp://10.0.0.1/eue.cfg\"");
    }

    [Fact]
    public void Notifications_start_with_sysUpTime_and_snmpTrapOID()
    {
        var trap = (Pdu)Decode<CommunityMessage>(NetSnmpVectors.V2cTrap).Pdu;
        trap.Type.Should().Be(PduType.SnmpV2Trap);
        trap.VarBinds.Should().Equal(
            new VarBind("1.3.6.1.2.1.1.3.0", SnmpValue.TimeTicks(12345)),
            new VarBind("1.3.6.1.6.3.1.1.4.1.0", SnmpValue.ObjectIdentifier(MibNames.IetfMta.PktcMtaDevProvisioningEnrollment.Id)),
            new VarBind(MibNames.IetfMta.PktcMtaDevCorrelationId.InstanceId(0), SnmpValue.Gauge32(4711)));

        var inform = (Pdu)Decode<CommunityMessage>(NetSnmpVectors.V2cInform).Pdu;
        inform.Type.Should().Be(PduType.InformRequest);
        inform.VarBinds[1].Value.ObjectIdentifierValue.Should().Be(MibNames.IetfMta.PktcMtaDevProvisioningStatus.Id);
        inform.VarBinds[2].Should().Be(new VarBind(MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0), SnmpValue.Integer(1)));
    }

    [Fact]
    public void An_SNMPv1_Trap_PDU_reads_to_its_six_fields_and_translates_to_an_SNMPv2_trap_OID()
    {
        var message = Decode<CommunityMessage>(NetSnmpVectors.V1Trap);
        var trap = message.Pdu.Should().BeOfType<TrapV1Pdu>().Subject;
        trap.Enterprise.Should().Be(ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.1"));
        trap.AgentAddress.Should().Be(IPAddress.Parse("10.0.0.2"));
        (trap.GenericTrap, trap.SpecificTrap, trap.TimeStamp).Should().Be((GenericTrap.EnterpriseSpecific, 1, 12345u));
        trap.SnmpTrapOid.Should().Be(ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.1.0.1"), "RFC 3584 §3.1: enterprise.0.specific");
        trap.VarBinds.Single().Should().Be(new VarBind(MibNames.IetfMta.PktcMtaDevProvisioningState.InstanceId(0), SnmpValue.Integer(1)));
    }

    [Fact]
    public void An_SNMPv3_discovery_probe_and_snmpd_Report()
    {
        var probe = Decode<SnmpV3Message>(NetSnmpVectors.V3Probe);
        (probe.MessageId, probe.MaxSize, probe.Flags, probe.SecurityModel).Should().Be((0x29a134ce, 65507, (byte)0x04, 3));
        probe.SecurityLevel.Should().Be(UsmSecurityLevel.NoAuthNoPriv);
        UsmDiscovery.IsProbe(UsmSecurityParameters.Decode(probe.SecurityParameters)).Should().BeTrue();
        probe.ScopedPdu!.ContextEngineId.Should().BeEmpty();
        probe.ScopedPdu.Pdu.VarBinds.Should().BeEmpty();
        probe.Layout.SecurityParametersOffset.Should().Be(26, "after 30 3e, 02 01 03, HeaderData 30 11 and its 17 octets, and 04 10");

        var report = Decode<SnmpV3Message>(NetSnmpVectors.V3ProbeReport);
        report.MessageId.Should().Be(probe.MessageId, "a Report carries the request's msgID (RFC 3412 §7.1)");
        report.IsReportable.Should().BeFalse();
        var usm = UsmSecurityParameters.Decode(report.SecurityParameters);
        (usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime).Should().Be((1, 12));
        Convert.ToHexString(usm.AuthoritativeEngineId).Should().Be("80001F88807AF4DF246455026B00000000");
        var pdu = (Pdu)report.ScopedPdu!.Pdu;
        pdu.Type.Should().Be(PduType.Report);
        pdu.RequestId.Should().Be(((Pdu)probe.ScopedPdu.Pdu).RequestId, "snmpd answers with the probe's request-id, as ours does");
        pdu.VarBinds.Single().Should().Be(new VarBind(UsmStatsCounters.UnknownEngineIds.Oid, SnmpValue.Counter32(1)));
        pdu.VarBinds.Single().ToString().Should().Be("SNMP-USER-BASED-SM-MIB::usmStatsUnknownEngineIDs.0 = Counter32: 1");
    }
}
