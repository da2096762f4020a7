using System.Net;
using EUeConformance.Device.Eue.Config;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Device;

/// <summary>EUE-PROV 6.4.2 (Table 6, row creation), 6.4.2.1 and 6.5 (TLV 38) as the eUE applies its file.</summary>
public sealed class ConfigFileProcessorTests
{
    static readonly MibTable Realm = MibNames.IetfMta.PktcMtaDevRealmTable;

    static (ConfigFileOutcome Outcome, EueMib Mib) Process(Action<ConfigFileBuilder> body, bool createAndWait = true, IpAddressingMode mode = IpAddressingMode.Ipv6, bool secure = false)
    {
        var builder = new ConfigFileBuilder().StartOfFile();
        body(builder);
        var bytes = builder.EndOfFile().BuildUnchecked().Encode();
        var mib = new EueMib();
        var outcome = new ConfigFileProcessor(mib, new ConfigFileRules(), new DeviceIcs { CreateAndWait = createAndWait })
            .Process(EueConfigFile.Parse(bytes), mode, secure);
        return (outcome, mib);
    }

    static string Column(string name, uint row) => Realm.Column(name).Instance(row);

    [Fact] // 6.4.2-04
    public void A_row_created_with_createAndGo_is_active_and_the_status_is_pass()
    {
        var (outcome, mib) = Process(b => b
            .SetMib(Column("pktcMtaDevRealmName", 1), "EXAMPLE.COM")
            .SetMib(Column("pktcMtaDevRealmStatus", 1), 4));
        outcome.Status.Should().Be(ProvisioningStatus.Pass);
        mib.Get(Column("pktcMtaDevRealmStatus", 1))!.ToInt32().Should().Be(1);
        mib.Get(Column("pktcMtaDevRealmName", 1))!.ToText().Should().Be("EXAMPLE.COM");
    }

    [Fact] // 6.4.2-06
    public void CreateAndWait_without_support_is_failConfigFileError_and_listed()
    {
        var (outcome, mib) = Process(b => b.SetMib(Column("pktcMtaDevRealmName", 1), "EXAMPLE.COM").SetMib(Column("pktcMtaDevRealmStatus", 1), 5), createAndWait: false);
        outcome.Status.Should().Be(ProvisioningStatus.FailConfigFileError);
        outcome.Errors.Should().ContainSingle(e => e.Oid == Column("pktcMtaDevRealmStatus", 1));
        mib.Get(MibNames.IetfMta.PktcMtaDevErrorOidsTable.Columns[1].Instance(1))!.ToText().Should().Be(Column("pktcMtaDevRealmStatus", 1));
    }

    [Fact] // 6.4.2-05
    public void CreateAndWait_with_support_leaves_the_row_notInService()
    {
        var (outcome, mib) = Process(b => b.SetMib(Column("pktcMtaDevRealmName", 1), "EXAMPLE.COM").SetMib(Column("pktcMtaDevRealmStatus", 1), 5));
        outcome.Status.Should().Be(ProvisioningStatus.Pass);
        mib.Get(Column("pktcMtaDevRealmStatus", 1))!.ToInt32().Should().Be(2);
    }

    [Fact] // 6.4.2-07a/b/c
    public void A_row_without_its_RowStatus_is_rejected_reported_and_listed()
    {
        var (outcome, mib) = Process(b => b.SetMib(Column("pktcMtaDevRealmName", 2), "EXAMPLE.COM"));
        mib.Get(Column("pktcMtaDevRealmName", 2)).Should().BeNull();
        outcome.Status.Should().NotBe(ProvisioningStatus.Pass);
        outcome.Errors.Should().Contain(e => e.Oid == Column("pktcMtaDevRealmName", 2));
    }

    [Fact] // PKT-PROV1.5 via Table 6 TLV 11: an unknown OID is ignored with a warning
    public void An_unknown_OID_gives_passWithWarnings() =>
        Process(b => b.SetMib("1.3.6.1.4.1.99999.1.0", 1)).Outcome.Status.Should().Be(ProvisioningStatus.PassWithWarnings);

    [Fact] // 6.4.2.1-03
    public void In_the_Secure_flow_a_file_without_realm_name_and_org_name_in_one_row_fails() =>
        Process(b => b.SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true), secure: true).Outcome.Status.Should().Be(ProvisioningStatus.FailConfigFileError);

    [Theory] // 6.5-05/06
    [InlineData(IpAddressingMode.Ipv6, "2001:db8::9")]
    [InlineData(IpAddressingMode.Ipv4, "10.0.0.9")]
    public void A_TLV_38_receiver_is_taken_by_the_address_of_the_mode(IpAddressingMode mode, string expected)
    {
        var (outcome, _) = Process(b => b.NotificationReceiver(new NotificationReceiver
        {
            Ipv4Address = IPAddress.Parse("10.0.0.9"), Ipv6Address = IPAddress.Parse("2001:db8::9"), Type = NotificationReceiverType.SnmpV2cInform,
        }), mode: mode);
        outcome.NotificationReceivers.Should().ContainSingle().Which.Address.Should().Be(IPAddress.Parse(expected));
    }

    [Fact] // Table 6 TLV 254
    public void A_file_without_its_end_marker_is_failConfigFileError()
    {
        var bytes = new ConfigFileBuilder().StartOfFile().SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true).BuildUnchecked().Encode();
        new ConfigFileProcessor(new EueMib(), new ConfigFileRules(), new DeviceIcs()).Process(EueConfigFile.Parse(bytes), IpAddressingMode.Ipv6, false)
            .Status.Should().Be(ProvisioningStatus.FailConfigFileError);
    }
}
