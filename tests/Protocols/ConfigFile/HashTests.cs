using System.Security.Cryptography;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp.Mibs;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>The configuration file hash: SHA-1 (PKT-PROV1.5 §9.1, H-MTA-19; RFC 4682 pktcMtaDevProvConfigHash SIZE(20)).</summary>
public class HashTests
{
    [Fact]
    public void The_hash_sent_by_SNMP_is_the_SHA1_of_the_bytes_served()
    {
        var bytes = ConfigFileSamples.SecureFlow().Encode();
        ConfigFileHash.Compute(bytes).Should().Equal(SHA1.HashData(bytes));
        ConfigFileHash.Compute(bytes).Should().HaveCount(ConfigFileHash.Length);
    }

    [Fact]
    public void A_basic_flow_file_verifies_and_the_hash_TLV_sits_just_before_the_end()
    {
        var file = EueConfigFile.Decode(ConfigFileSamples.BasicFlowWithHash().Encode());
        file.Tlvs[^2].GetVarBind().Oid.Should().Be(ConfigFileHash.ClabProvConfigHashInstance);
        file.Tlvs[^1].IsEndOfFile.Should().BeTrue();
        var check = ConfigFileHash.VerifyBasicFlowHash(file);
        check.Present.Should().BeTrue();
        check.Matches.Should().BeTrue();
        check.HashTlvOffset.Should().Be(file.Tlvs[^2].Offset);
    }

    [Fact]
    public void The_IETF_hash_OID_is_accepted_too()
    {
        var plain = new ConfigFileBuilder().StartOfFile().SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), true).EndOfFile().Build();
        var hashed = ConfigFileHash.AddBasicFlowHash(plain, ConfigFileHash.IetfProvConfigHashInstance);
        hashed.Tlvs[^2].GetVarBind().Oid.Should().Be("1.3.6.1.2.1.140.1.2.11.0");
        ConfigFileHash.VerifyBasicFlowHash(EueConfigFile.Decode(hashed.Encode())).Matches.Should().BeTrue();
    }

    [Fact]
    public void Changing_any_TLV_breaks_the_basic_flow_hash()
    {
        var bytes = ConfigFileSamples.BasicFlowWithHash().Encode();
        bytes[^46] ^= 0x01; // last byte of the OrgName value, just before the hash TLV (42 bytes) and the end (3)
        var file = EueConfigFile.Parse(bytes).File;
        var check = ConfigFileHash.VerifyBasicFlowHash(file);
        check.Present.Should().BeTrue();
        check.Matches.Should().BeFalse();
    }

    [Fact]
    public void A_file_without_the_hash_TLV_reports_it_absent()
    {
        // PKT-PROV1.5 §9.1 step 3: absent → reject, failOtherReason.
        var check = ConfigFileHash.VerifyBasicFlowHash(ConfigFileSamples.SecureFlow());
        check.Present.Should().BeFalse();
        check.Matches.Should().BeFalse();
    }

    [Fact]
    public void The_hash_of_an_encrypted_file_covers_the_ciphertext()
    {
        // PKT-SEC1.5 §7.1.1.2.2 step 2: "If the file was encrypted, the hash is taken over the encrypted file."
        var plain = ConfigFileSamples.SecureFlow().Encode();
        byte[] key = Convert.FromHexString("0123456789ABCDEF");
        var cipher = ConfigFileEncryption.Encrypt(plain, ConfigFileCiphers.Des, key);
        ConfigFileHash.Compute(cipher).Should().Equal(SHA1.HashData(cipher)).And.NotEqual(SHA1.HashData(plain));
    }
}
