using EUeConformance.Protocols.Tftp;
using EUeConformance.Tests.Support;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Tftp;

/// <summary>Round trips: decode(encode(p)) == p for generated packets, encode(decode(b)) == b for every datagram that decodes.</summary>
public class TftpPropertyTests
{
    static Gen<string> Text(int min, int max, Gen<char> chars) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(chars, n)).Select(cs => new string(cs));

    // Printable ASCII plus Latin-1 letters: a device may send any non-NUL byte, and each must survive.
    static readonly Gen<char> AnyChar = Gen.Frequency((8, Gen.Choose(0x20, 0x7E).Select(c => (char)c)), (1, Gen.Choose(0xA0, 0xFF).Select(c => (char)c)));
    static readonly Gen<char> Alnum = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".ToCharArray());

    static readonly Gen<TftpOption> Option =
        Gen.OneOf(
            Gen.Elements("blksize", "BLKSIZE", "tsize", "timeout", "windowsize"),
            Text(1, 12, Alnum))
        .SelectMany(name => Gen.OneOf(Gen.Choose(0, 70000).Select(n => n.ToString()), Text(0, 10, AnyChar)).Select(value => new TftpOption(name, value)));

    static readonly Gen<TftpOption[]> Options = Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Option, n));

    static readonly Gen<TftpPacket> Request =
        from file in Text(1, 60, AnyChar)
        from mode in Gen.Elements("netascii", "octet", "mail", "OCTET", "NetAscii", "MAIL")
        from options in Options
        from write in Gen.Elements(true, false)
        select write ? (TftpPacket)new TftpWriteRequest(file, mode, options) : new TftpReadRequest(file, mode, options);

    static readonly Gen<TftpPacket> Packet = Gen.OneOf(
        Request,
        from block in Gen.Choose(0, 65535)
        from payload in Gen.Choose(0, 1500).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
        select (TftpPacket)new TftpData((ushort)block, payload),
        Gen.Choose(0, 65535).Select(b => (TftpPacket)new TftpAck((ushort)b)),
        from code in Gen.Choose(0, 65535)
        from message in Text(0, 40, AnyChar)
        select (TftpPacket)new TftpError((TftpErrorCode)code, message),
        Options.Select(o => (TftpPacket)new TftpOptionAck(o)));

    [Fact]
    public void Decoding_an_encoded_packet_gives_the_packet_back()
    {
        // Requests stay under RFC 2347's 512 octets: 60 + 5 × (12 + 10) + the mode.
        Prop.ForAll(Packet.ToArbitrary(),
                p => TftpPacket.Decode(p.Encode()).Equals(p))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_mutated_datagram_that_decodes_re_encodes_to_the_same_bytes()
    {
        var seeds = TftpSamples.All;
        var random = new Random(868);
        int decoded = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var bytes = Fuzzer.Mutate(seeds[random.Next(seeds.Count)], random);
            TftpPacket packet;
            try { packet = TftpPacket.Decode(bytes); }
            catch (EUeConformance.Protocols.Wire.ParseError) { continue; }
            decoded++;
            packet.Encode().Should().Equal(bytes, $"{packet} re-encodes as it came");
        }
        decoded.Should().BeGreaterThan(1_000, "the mutations must also produce valid packets, or the check proves little");
    }
}
