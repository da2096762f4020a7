using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>
/// RFC 3414 Appendix A.3 "Password to Key Sample Results": password "maplesyrup", snmpEngineID
/// '00 00 00 00 00 00 00 00 00 00 00 02'H. The hex below is the RFC's, as printed in A.3.1 (MD5) and
/// A.3.2 (SHA); the appendix text is unchanged from RFC 2574 A.3 (read through the search tools in a
/// public repository that quotes it verbatim), and the same values appear as "RFC 3414 A.3.1/A.3.2"
/// in independent SNMP libraries' tests (hat-drivers, an Elixir SNMP library, a PHP SNMP library).
/// </summary>
public class KeyVectorTests
{
    static readonly byte[] Rfc3414EngineId = Convert.FromHexString("000000000000000000000002");

    [Fact]
    public void A_3_1_MD5_Ku_and_localized_key()
    {
        byte[] ku = UsmAuthProtocol.HmacMd5.PasswordToKey("maplesyrup");
        Convert.ToHexString(ku).Should().Be("9FAF3283884E92834EBC9847D8EDD963");
        byte[] kul = UsmAuthProtocol.HmacMd5.LocalizeKey(ku, Rfc3414EngineId);
        Convert.ToHexString(kul).Should().Be("526F5EED9FCCE26F8964C2930787D82B");
    }

    [Fact]
    public void A_3_2_SHA_Ku_and_localized_key()
    {
        byte[] ku = UsmAuthProtocol.HmacSha.PasswordToKey("maplesyrup");
        Convert.ToHexString(ku).Should().Be("9FB5CC0381497B3793528939FF788D5D79145211");
        byte[] kul = UsmAuthProtocol.HmacSha.LocalizeKey(ku, Rfc3414EngineId);
        Convert.ToHexString(kul).Should().Be("6695FEBC9288E36282235FC7151F128497B38F3F");
    }

    /// <summary>
    /// RFC 3414 A.5.1/A.5.2 (key change samples) give the keys of "newsyrup" localized for the same
    /// engine; values as quoted by hat-drivers' test ("example from rfc3414 A.5.1 / A.5.2").
    /// </summary>
    [Theory]
    [InlineData("MD5", "87021D7BD9D101BA05EA6E3BF9D9BD4A")]
    [InlineData("SHA", "78E2DCCE79D59403B58C1BBAA5BFF46391F1CD25")]
    public void A_5_newsyrup_localized_keys(string digest, string expected)
    {
        var protocol = digest == "MD5" ? UsmAuthProtocol.HmacMd5 : UsmAuthProtocol.HmacSha;
        Convert.ToHexString(protocol.LocalizedKeyFromPassword("newsyrup", Rfc3414EngineId)).Should().Be(expected);
    }

    [Fact]
    public void Users_from_passwords_master_keys_and_localized_keys_agree()
    {
        var engine = UsmTestData.EngineId;
        var fromPasswords = UsmUser.FromPasswords("u", engine, UsmAuthProtocol.HmacSha, "maplesyrup", UsmPrivProtocol.AesCfb128, "maplesyrup2");
        var fromMaster = UsmUser.FromMasterKeys("u", engine, UsmAuthProtocol.HmacSha, UsmAuthProtocol.HmacSha.PasswordToKey("maplesyrup"),
            UsmPrivProtocol.AesCfb128, UsmAuthProtocol.HmacSha.PasswordToKey("maplesyrup2"));
        var direct = UsmUser.FromLocalizedKeys("u", engine, UsmAuthProtocol.HmacSha, fromPasswords.AuthKey, UsmPrivProtocol.AesCfb128, fromPasswords.PrivKey);

        fromMaster.AuthKey.Should().Equal(fromPasswords.AuthKey);
        fromMaster.PrivKey.Should().Equal(fromPasswords.PrivKey);
        direct.AuthKey.Should().Equal(fromPasswords.AuthKey);
        fromPasswords.AuthKey.Should().HaveCount(20);
        // The privacy key is localized with the authentication digest (RFC 3414 §2.6): 20 octets for SHA, of which AES uses 16.
        fromPasswords.PrivKey.Should().HaveCount(20);
        fromPasswords.ToString().Should().NotContain(Convert.ToHexString(fromPasswords.AuthKey)).And.NotContain(Convert.ToHexString(fromPasswords.AuthKey).ToLowerInvariant());
    }

    [Fact]
    public void Keys_localized_for_one_engine_differ_from_another_engines()
    {
        UsmAuthProtocol.HmacMd5.LocalizedKeyFromPassword("maplesyrup", UsmTestData.EngineId)
            .Should().NotEqual(UsmAuthProtocol.HmacMd5.LocalizedKeyFromPassword("maplesyrup", UsmTestData.OtherEngineId));
    }

    [Fact]
    public void Bad_keys_and_users_are_refused_at_construction()
    {
        var engine = UsmTestData.EngineId;
        FluentActions.Invoking(() => UsmUser.FromLocalizedKeys("u", engine, UsmAuthProtocol.HmacSha, new byte[16]))
            .Should().Throw<ArgumentException>().WithMessage("*20-octet*");
        FluentActions.Invoking(() => UsmUser.FromLocalizedKeys("u", engine, UsmAuthProtocol.HmacMd5, new byte[16], UsmPrivProtocol.Des, new byte[8]))
            .Should().Throw<ArgumentException>().WithMessage("*at least 16*");
        FluentActions.Invoking(() => UsmUser.FromLocalizedKeys("u", engine, UsmAuthProtocol.None, [], UsmPrivProtocol.AesCfb128, new byte[16]))
            .Should().Throw<ArgumentException>().WithMessage("*needs an authentication protocol*");
        FluentActions.Invoking(() => UsmUser.FromLocalizedKeys(new string('x', 33), engine, UsmAuthProtocol.HmacMd5, new byte[16]))
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => UsmUser.FromLocalizedKeys("u", new byte[4], UsmAuthProtocol.HmacMd5, new byte[16]))
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => UsmAuthProtocol.HmacMd5.PasswordToKey(""))
            .Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Protocol_tables_carry_the_MIB_object_identifiers()
    {
        // SNMP-FRAMEWORK-MIB snmpAuthProtocols 1.3.6.1.6.3.10.1.1 and snmpPrivProtocols 1.3.6.1.6.3.10.1.2;
        // RFC 3414 §5 (usmNoAuthProtocol .1.1, usmHMACMD5AuthProtocol .1.2, usmHMACSHAAuthProtocol .1.3,
        // usmNoPrivProtocol .2.1, usmDESPrivProtocol .2.2), RFC 3826 §4 (usmAesCfb128Protocol .2.4).
        UsmAuthProtocol.FromOid("1.3.6.1.6.3.10.1.1.2").Should().BeSameAs(UsmAuthProtocol.HmacMd5);
        UsmAuthProtocol.FromOid("1.3.6.1.6.3.10.1.1.3").Should().BeSameAs(UsmAuthProtocol.HmacSha);
        UsmAuthProtocol.FromName("usmNoAuthProtocol")!.Oid.Should().Be("1.3.6.1.6.3.10.1.1.1");
        UsmPrivProtocol.FromOid("1.3.6.1.6.3.10.1.2.2").Should().BeSameAs(UsmPrivProtocol.Des);
        UsmPrivProtocol.FromOid("1.3.6.1.6.3.10.1.2.4").Should().BeSameAs(UsmPrivProtocol.AesCfb128);
        UsmPrivProtocol.FromName("usmNoPrivProtocol")!.Oid.Should().Be("1.3.6.1.6.3.10.1.2.1");
        UsmAuthProtocol.All.Select(p => p.MacLength).Should().Equal(0, 12, 12);
        UsmStatsCounters.All.Select(c => c.Oid).Should().Equal(
            "1.3.6.1.6.3.15.1.1.1.0", "1.3.6.1.6.3.15.1.1.2.0", "1.3.6.1.6.3.15.1.1.3.0",
            "1.3.6.1.6.3.15.1.1.4.0", "1.3.6.1.6.3.15.1.1.5.0", "1.3.6.1.6.3.15.1.1.6.0");
        UsmStatsCounters.FromOid(".1.3.6.1.6.3.15.1.1.4.0").Should().BeSameAs(UsmStatsCounters.UnknownEngineIds);
        UsmStatsCounters.FromOid("1.3.6.1.6.3.15.1.1.2").Should().BeSameAs(UsmStatsCounters.NotInTimeWindows);
    }
}
