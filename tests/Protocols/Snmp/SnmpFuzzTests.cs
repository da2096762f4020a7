using System.Diagnostics;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Manager;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// 100,000 mutated messages for each entry point: the codec raises nothing but ParseError (and,
/// in the strict profile, whatever it accepts re-encodes to exactly its input); the agent and the
/// notification receiver, fed the same garbage through their whole path (USM verification and
/// decryption included), raise nothing at all.
/// </summary>
public class SnmpFuzzTests(ITestOutputHelper output)
{
    const int Iterations = 100_000;

    static readonly ObjectIdentifier SysDescr0 = MibNames.Snmpv2.SysDescr.InstanceId(0);

    static byte[] V3(UsmUser? user, UsmSecurityLevel level, Pdu pdu, int boots = 3, int time = 0) =>
        SnmpV3Processor.Encode(new SnmpV3Outgoing(77, 65507, true, level, user?.UserName ?? [], user, UsmTestData.EngineId, boots, time,
            new ScopedPdu(UsmTestData.EngineId, [], pdu)), new UsmSaltCounter(9));

    static byte[][] Seeds()
    {
        // Fixed seeds (the fuzzer is deterministic for its seed, so a finding reproduces): every value type, every PDU shape.
        var types = SnmpTsharkTests.AllTypes;
        var plain = types.Where(v => !v.Value.IsException).ToArray();
        byte[][] shapes =
        [
            new CommunityMessage(SnmpVersion.V2c, "public", new Pdu(PduType.Response, 9, SnmpErrorStatus.NoError, 0, types)).Encode(),
            new CommunityMessage(SnmpVersion.V1, "public", new Pdu(PduType.Response, 9, SnmpErrorStatus.NoSuchName, 2, plain.Where(v => v.Value.Type != SnmpType.Counter64).ToArray())).Encode(),
            new CommunityMessage(SnmpVersion.V2c, "public", new Pdu(PduType.InformRequest, 10, SnmpErrorStatus.NoError, 0, plain)).Encode(),
            new CommunityMessage(SnmpVersion.V2c, "public", new Pdu(PduType.SnmpV2Trap, 11, SnmpErrorStatus.NoError, 0, plain)).Encode(),
            new CommunityMessage(SnmpVersion.V2c, "public", Pdu.GetBulk(12, 1, 40, [new(SysDescr0, SnmpValue.Null()), new("1.3.6.1.2.1.2", SnmpValue.Null())])).Encode(),
            SnmpV3Message.Plaintext(13, 1472, 0x05, 3, [0x30, 0x00], new ScopedPdu([1, 2, 3, 4, 5], "ctx"u8, new Pdu(PduType.Response, 13, SnmpErrorStatus.NoError, 0, types))).Encode(),
            SnmpV3Message.Encrypted(14, 484, 0x07, 3, [0x04, 0x00], [.. Enumerable.Range(0, 64).Select(i => (byte)i)]).Encode(),
        ];
        var set = new Pdu(PduType.SetRequest, 5, SnmpErrorStatus.NoError, 0,
            [new(MibNames.IetfMta.PktcMtaDevConfigFile.InstanceId(0), SnmpValue.OctetString("tftp://10.0.0.1/eue.cfg"))]);
        return
        [
            .. NetSnmpVectors.All, .. shapes,
            new CommunityMessage(SnmpVersion.V2c, "private", set).Encode(),
            V3(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, Pdu.Request(PduType.GetRequest, 1, SysDescr0)),
            V3(UsmTestData.Md5DesUser, UsmSecurityLevel.AuthPriv, set),
            V3(UsmTestData.ShaOnlyUser, UsmSecurityLevel.AuthNoPriv, Pdu.GetBulk(2, 0, 5, [new(SysDescr0, SnmpValue.Null())])),
            V3(UsmTestData.ShaAesUser, UsmSecurityLevel.AuthPriv, new Pdu(PduType.InformRequest, 3, SnmpErrorStatus.NoError, 0, [new(SysDescr0, SnmpValue.Null())])),
        ];
    }

    void Report(string what, Stopwatch watch) =>
        output.WriteLine($"{what}: {Iterations:N0} mutated messages in {watch.Elapsed.TotalSeconds:F2} s ({watch.Elapsed.TotalMicroseconds / Iterations:F1} µs each)");

    [Fact]
    public void The_codec_raises_only_ParseError_and_the_strict_profile_accepts_only_what_it_writes_back_exactly()
    {
        int accepted = 0;
        var watch = Stopwatch.StartNew();
        var findings = Fuzzer.Run(Seeds(), bytes =>
        {
            var message = SnmpMessage.Decode(bytes);
            accepted++;
            if (!message.Encode().AsSpan().SequenceEqual(bytes))
                throw new InvalidOperationException($"accepted but re-encoded differently: {Convert.ToHexString(bytes)}");
            _ = message.ToString();
        }, Iterations);
        Report("SnmpMessage.Decode (strict)", watch);
        output.WriteLine($"accepted {accepted:N0} of them, each re-encoded byte for byte");
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
        accepted.Should().BeGreaterThan(1000, "mutations that stay well-formed exercise the re-encoding check");
    }

    [Fact]
    public void The_RFC_3417_profile_and_the_ScopedPDU_decoder_raise_only_ParseError()
    {
        var seeds = Seeds();
        var watch = Stopwatch.StartNew();
        Fuzzer.Run(seeds, bytes => _ = SnmpMessage.Decode(bytes, SnmpDecodeOptions.Rfc3417).ToString(), Iterations, seed: 3417).Should().BeEmpty();
        Report("SnmpMessage.Decode (RFC 3417)", watch);
        var scoped = seeds.Select(s => SnmpMessage.Decode(s)).OfType<SnmpV3Message>().Where(m => m.ScopedPdu is not null).Select(m => m.ScopedPdu!.Encode()).ToArray();
        watch.Restart();
        Fuzzer.Run(scoped, bytes => _ = ScopedPdu.Decode(bytes, allowPadding: true).ToString(), Iterations, seed: 3412).Should().BeEmpty();
        Report("ScopedPdu.Decode", watch);
    }

    [Fact]
    public void The_agent_raises_nothing_whatever_arrives()
    {
        var bed = new SnmpTestBed();
        var watch = Stopwatch.StartNew();
        int replies = 0;
        // Not a decoder's allocation bound: the agent builds answers, and a second run of an input would count it twice.
        var findings = Fuzzer.Run(Seeds(), bytes => { if (bed.Agent.Handle(bytes, SnmpTestBed.ManagerEndPoint) is not null) replies++; }, Iterations, checkAllocations: false);
        Report("SnmpAgent.Handle", watch);
        output.WriteLine($"{replies:N0} replies (Responses and Reports); counters: parse errors {bed.Engine.Counters[SnmpCounter.SnmpInASNParseErrs]:N0}, wrong digests {bed.Engine.Counters[SnmpCounter.UsmStatsWrongDigests]:N0}");
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
        bed.Engine.Counters[SnmpCounter.SnmpInPkts].Should().Be(Iterations);
    }

    [Fact]
    public void The_notification_receiver_raises_nothing_whatever_arrives()
    {
        var clock = new EUeConformance.Network.Time.VirtualClock();
        var engine = new SnmpEngine(UsmTestData.EngineId, 3, clock, [UsmTestData.ShaAesUser, UsmTestData.Md5DesUser, UsmTestData.ShaOnlyUser]);
        var receiver = new SnmpNotificationReceiver(engine, new SnmpNotificationReceiverOptions { Communities = new HashSet<string> { "public" } });
        var watch = Stopwatch.StartNew();
        // Not a decoder's allocation bound: the receiver records what it accepts, and a second run would record it twice.
        var findings = Fuzzer.Run(Seeds(), bytes => receiver.Handle(bytes, SnmpTestBed.ManagerEndPoint), Iterations, seed: 162, checkAllocations: false);
        Report("SnmpNotificationReceiver.Handle", watch);
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }
}
