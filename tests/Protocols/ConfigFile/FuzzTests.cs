using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Wire;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>100,000 mutated inputs per decoder: nothing but ParseError (and nothing at all from the tolerant parse).</summary>
public class FuzzTests
{
    static readonly byte[][] Files = [.. ConfigFileSamples.All().Select(f => f.Encode()),
        Convert.FromHexString("FE0101" + "630004DEADBEEF" + "26040801FFFF" + "2B0508030010950B00" + "FE01FF")];

    static IEnumerable<ConfigTlv> Tlvs(byte type) => ConfigFileSamples.All().SelectMany(f => f.Tlvs).Where(t => t.Type == type);

    [Fact]
    public void Strict_decode_raises_only_ParseError()
    {
        Fuzzer.Run(Files, bytes =>
        {
            var file = EueConfigFile.Decode(bytes);
            _ = file.VarBinds.Count() + file.NotificationReceivers.Count() + file.VendorSpecifics.Count();
        }).Should().BeEmpty();
    }

    [Fact]
    public void Tolerant_parse_raises_nothing_and_every_problem_lies_inside_the_input()
    {
        Fuzzer.Run(Files, bytes =>
        {
            ConfigFileParseResult result;
            try { result = EueConfigFile.Parse(bytes); }
            catch (ParseError e) { throw new InvalidOperationException("the tolerant parse must not throw", e); }
            foreach (var p in result.Problems)
                if (p.Offset < 0 || p.Offset > bytes.Length) throw new InvalidOperationException($"offset {p.Offset} outside {bytes.Length} bytes: {p}");
            _ = result.File.VarBinds.Count() + result.File.NotificationReceivers.Count() + result.File.VendorSpecifics.Count();
        }).Should().BeEmpty();
    }

    [Fact]
    public void Evidence_text_and_hash_check_of_any_parse_raise_nothing()
    {
        Fuzzer.Run(Files, bytes =>
        {
            var file = EueConfigFile.Parse(bytes).File;
            _ = file.ToString();
            _ = ConfigFileHash.VerifyBasicFlowHash(file);
        }, iterations: 10_000).Should().BeEmpty();
    }

    [Fact]
    public void VarBind_decode_raises_only_ParseError()
    {
        var seeds = Tlvs(ConfigTlvType.SnmpMibObject).Concat(Tlvs(ConfigTlvType.SnmpMibObjectLong)).Select(t => t.Value.ToArray()).ToArray();
        Fuzzer.Run(seeds, bytes => _ = VarBind.Decode(bytes).ToString()).Should().BeEmpty();
    }

    [Fact]
    public void Notification_receiver_decode_raises_only_ParseError()
    {
        var seeds = Tlvs(ConfigTlvType.NotificationReceiver).Select(t => t.Value.ToArray())
            .Append(Convert.FromHexString("01040a0001fd0202ddd603020002040201f4050200030707326164666c6136060506032b0601")).ToArray();
        Fuzzer.Run(seeds, bytes => _ = NotificationReceiver.Decode(bytes).EncodeValue()).Should().BeEmpty();
    }

    [Fact]
    public void Vendor_specific_decode_raises_only_ParseError()
    {
        var seeds = Tlvs(ConfigTlvType.VendorSpecific).Select(t => t.Value.ToArray()).ToArray();
        Fuzzer.Run(seeds, bytes => _ = VendorSpecific.Decode(bytes).EncodeValue()).Should().BeEmpty();
    }

    [Fact]
    public void Decrypt_and_parse_raises_only_ParseError()
    {
        byte[] key = Convert.FromHexString("0123456789ABCDEF");
        var seeds = Files.Select(f => ConfigFileEncryption.Encrypt(f, ConfigFileCiphers.Des, key, new byte[8], new byte[ConfigFileEncryption.PaddingLength(f.Length, 8)])).ToArray();
        Fuzzer.Run(seeds, bytes => _ = ConfigFileEncryption.DecryptAndParse(bytes, ConfigFileCiphers.Des, key).ThrowIfInvalid()).Should().BeEmpty();
    }
}
