using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dns;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Headend.Database;

/// <summary>The provisioning database in YAML: the sample loads whole; mistakes name file, line and fix.</summary>
public sealed class ProvisioningDatabaseYamlTests
{
    static readonly string Sample = Path.Combine(Repo.Root, "harness/Headend/Samples/lab-network.yaml");

    [Fact]
    public void The_sample_lab_network_loads_with_every_section()
    {
        var db = ProvisioningDatabaseYaml.Load(Sample);
        db.Network.Ipv4!.SubnetMask.Should().Be(IPAddress.Parse("255.255.255.0"));
        db.Network.Ipv6!.PrefixLength.Should().Be(64);
        db.EueServers.Select(s => s.DssId).Should().Equal(DssId.FromAscii("PRIMARY-DSS"), DssId.FromAscii("SECONDARY-DSS"));
        db.EueServers[1].Duid.Type.Should().Be(DuidType.En);
        var ecm = db.FindEcm(System.Net.NetworkInformation.PhysicalAddress.Parse("00-10-95-00-00-01"))!;
        ecm.EueDssIdSecondary.Should().Be(DssId.FromAscii("SECONDARY-DSS"));
        ecm.EueIpPreference.Should().Be(IpPreference.Ipv6);
        ecm.TimeOffset.Should().Be(-18000);
        var eue = db.FindEue(System.Net.NetworkInformation.PhysicalAddress.Parse("00-10-95-00-00-02"))!;
        eue.Flow.Should().Be(ProvisioningFlow.Secure);
        eue.Ipv6Addresses.Should().HaveCount(2);
        eue.AsReqBackoff.Should().Be(new KerberosBackoff(1000, 30, 5));
        db.FindFile("eue1.cfg")!.Model!.Find("1.3.6.1.2.1.140.1.1.6.0").Should().NotBeNull();
        db.FindFile("/eue1.cfg").Should().NotBeNull("a TFTP or HTTP path's leading slash is dropped");
        var zone = db.Zones.Single();
        zone.Records.Should().Contain(r => r.Type == DnsType.Srv && r.Name.EqualsIgnoreCase(DnsName.Parse("_kerberos._udp.example.net")));
        zone.Records.Single(r => r.Type == DnsType.Naptr).Name.Should().Be(DnsName.Parse("example.net"));
        db.Provisioning.NotificationCommunities.Should().Equal("public");
        db.Provisioning.Community.Should().Be("private");
        db.Provisioning.Users.Single().Should().Match<UsmUserSettings>(u => u.Name == "eue" && u.Auth == EUeConformance.Protocols.Snmp.Usm.UsmAuthProtocol.HmacSha
            && u.Priv == EUeConformance.Protocols.Snmp.Usm.UsmPrivProtocol.AesCfb128 && u.PrivPassword == "privpass1");
        db.Provisioning.Timeout.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_provisioning_user_with_privacy_but_no_authentication_or_a_short_password_is_refused()
    {
        var text = "provisioning:\n  users:\n    - { name: a, priv: des, priv-password: longenough }\n    - { name: b, auth: md5, auth-password: short }\n  query: [not-an-oid]\n";
        var errors = Assert.Throws<DatabaseInputErrors>(() => ProvisioningDatabaseYaml.Parse(text, "lab.yaml")).Errors;
        errors.Select(e => e.Line).Should().Equal(3, 4, 5);
        errors[0].Problem.Should().Contain("privacy without authentication");
        errors[1].Problem.Should().Contain("8 characters");
        errors[2].Problem.Should().Contain("OID");
    }

    [Fact]
    public void A_misspelt_key_is_reported_with_its_line_and_the_key_meant()
    {
        var text = "devices:\n  - eue:\n      mac: 00:10:95:00:00:02\n      flwo: basic\n";
        var error = Assert.Throws<DatabaseInputError>(() => ProvisioningDatabaseYaml.Parse(text, "lab.yaml"));
        error.Line.Should().Be(4);
        error.Message.Should().StartWith("lab.yaml:4:7: unknown key 'flwo'");
        error.Fix.Should().Contain("did you mean 'flow'?");
    }

    [Fact]
    public void Every_mistake_of_a_file_is_reported_at_once()
    {
        var text = "network:\n  ipv4: { prefix-length: 40 }\ndevices:\n  - ecm: { mac: not-a-mac }\n    eue: { mac: 00:10:95:00:00:02, flow: secure }\n";
        var errors = Assert.Throws<DatabaseInputErrors>(() => ProvisioningDatabaseYaml.Parse(text, "lab.yaml")).Errors;
        errors.Select(e => e.Line).Should().Equal(2, 4, 5);
        errors[0].Problem.Should().Contain("prefix length");
        errors[1].Problem.Should().Contain("MAC");
        errors[2].Problem.Should().Contain("realm");
    }

    [Fact]
    public void An_overlong_DSS_ID_is_refused_6_4_1_4()
    {
        var text = $"servers:\n  eue:\n    - {{ name: a, dss-id: {new string('D', 33)} }}\n";
        Assert.Throws<DatabaseInputError>(() => ProvisioningDatabaseYaml.Parse(text, "x.yaml")).Problem.Should().Contain("32");
    }

    [Fact]
    public void The_reserved_DSS_IDs_are_written_in_hex()
    {
        var text = "devices:\n  - ecm: { mac: 00:10:95:00:00:01, eue-dss-ids: [\"hex:00000000\"] }\n";
        ProvisioningDatabaseYaml.Parse(text).Ecms.Single().EueDssIdPrimary!.Value.IsDoNotProvision.Should().BeTrue();
    }

    [Fact]
    public void Broken_YAML_names_the_place()
    {
        var error = Assert.Throws<DatabaseInputError>(() => ProvisioningDatabaseYaml.Parse("network: [unclosed\n", "bad.yaml"));
        error.File.Should().Be("bad.yaml");
        error.Line.Should().BeGreaterThan(0);
    }
}
