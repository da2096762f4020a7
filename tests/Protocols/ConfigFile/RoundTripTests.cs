using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Tests.Support;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>decode(encode(m)) == m for generated files, and encode(decode(bytes)) == bytes for every sample.</summary>
public class RoundTripTests
{
    static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    [Fact]
    public void Generated_files_decode_to_what_was_encoded()
    {
        Prop.ForAll(ConfigFileGenerators.File.ToArbitrary(), file =>
        {
            var bytes = file.Encode();
            var result = EueConfigFile.Parse(bytes);
            return result.IsValid && result.File.Equals(file) && EueConfigFile.Decode(bytes).Encode().AsSpan().SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Generated_varbinds_round_trip_through_BER()
    {
        Prop.ForAll(ConfigFileGenerators.VarBind.ToArbitrary(), vb => VarBind.Decode(vb.Encode()).Equals(vb)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Generated_notification_receivers_and_vendor_TLVs_round_trip()
    {
        Prop.ForAll(ConfigFileGenerators.Receiver.ToArbitrary(), r => NotificationReceiver.Decode(r.EncodeValue()).Equals(r)).QuickCheckThrowOnFailure();
        Prop.ForAll(ConfigFileGenerators.Vendor.ToArbitrary(), v => VendorSpecific.Decode(v.EncodeValue()).Equals(v)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Builder_files_keep_their_values_through_decode()
    {
        var file = EueConfigFile.Decode(ConfigFileSamples.SecureFlow().Encode());
        file.Find(MibNames.IetfMta.PktcMtaDevRealmName.Instance(1))!.Value.Should().Be(SnmpValue.OctetString("PCLAB.EXAMPLE.COM"));
        file.Find(MibNames.IetfMta.PktcMtaDevRealmOrgName.Instance(1))!.Value.Should().Be(SnmpValue.OctetString("Example Cable Operator"));
        file.Find(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0))!.Value.Should().Be(SnmpValue.Integer(1));
        file.NotificationReceivers.Select(r => r.AddressFor(System.Net.Sockets.AddressFamily.InterNetwork)).Should().Equal(ConfigFileSamples.SnmpManager, null);
        file.NotificationReceivers.Last().Ipv6Address.Should().Be(ConfigFileSamples.SnmpManagerV6);
        file.VendorSpecifics.Single().VendorId.ToArray().Should().Equal(ConfigFileSamples.VendorOui);

        var all = EueConfigFile.Decode(ConfigFileSamples.AllSmiTypes().Encode()).VarBinds.Select(v => v.Value.Type).ToList();
        all.Should().Equal(SnmpType.Integer, SnmpType.OctetString, SnmpType.Null, SnmpType.ObjectIdentifier, SnmpType.IpAddress,
            SnmpType.Counter32, SnmpType.Gauge32, SnmpType.TimeTicks, SnmpType.Opaque, SnmpType.Counter64, SnmpType.OctetString);
    }

    [Fact]
    public void Every_sample_re_encodes_byte_for_byte()
    {
        foreach (var sample in ConfigFileSamples.All())
        {
            var bytes = sample.Encode();
            EueConfigFile.Decode(bytes).Encode().Should().Equal(bytes);
            EueConfigFile.Parse(bytes).Problems.Where(p => p.Severity == ConfigFileProblemSeverity.Error).Should().BeEmpty();
        }
    }

    [Fact]
    public void Captured_looking_files_from_other_encoders_re_encode_byte_for_byte()
    {
        // Non-minimal BER (long-form lengths), a TLV 64 with a short VarBind and an unknown TLV: not what
        // our encoder writes, but legal input; the raw bytes must survive.
        const string enabledOid = "060B2B0601020181 0C01010600";   // 1.3.6.1.2.1.140.1.1.6.0
        byte[][] samples =
        [
            Hex("FE0101 0B13 308110" + enabledOid + "020101 FE01FF"),   // long-form SEQUENCE length
            Hex("FE0101 400012 3010" + enabledOid + "020101 FE01FF"),   // TLV 64 for 18 bytes
            Hex("FE0101 630004DEADBEEF FE01FF"),                           // unknown TLV, 2-byte length
        ];
        foreach (var s in samples) EueConfigFile.Parse(s).IsValid.Should().BeTrue();
        foreach (var s in samples)
            EueConfigFile.Parse(s).File.Encode().Should().Equal(s);
    }

    [Fact]
    public void Any_bytes_at_all_re_encode_exactly_from_a_tolerant_parse()
    {
        var seeds = ConfigFileSamples.All().Select(f => f.Encode()).ToArray();
        var random = new Random(38);
        for (int i = 0; i < 20_000; i++)
        {
            var input = Fuzzer.Mutate(seeds[random.Next(seeds.Length)], random);
            if (!EueConfigFile.Parse(input).File.Encode().AsSpan().SequenceEqual(input))
                Assert.Fail($"re-encoding changed {Convert.ToHexString(input)}");
        }
    }
}
