using System.Text;
using EUeConformance.Protocols.Syslog;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Syslog;

/// <summary>Round trips: decode(encode(m)) == m for generated messages; encode(decode(b)) == b for any packet at all.</summary>
public class SyslogPropertyTests
{
    static readonly Gen<Rfc3164Timestamp> Timestamp =
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(2012, month))
        from hour in Gen.Choose(0, 23)
        from minute in Gen.Choose(0, 59)
        from second in Gen.Choose(0, 59)
        select new Rfc3164Timestamp(month, day, hour, minute, second);

    static readonly Gen<string> Hostname =
        Gen.OneOf(
            Gen.Elements("eue1", "10.0.0.99", "2001:db8::2", "mymachine", "E-UE.example"),
            Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0x21, 0x7E).Select(c => (char)c), n)).Select(cs => new string(cs)));

    static readonly Gen<byte[]> MsgBytes = Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    static readonly Gen<SyslogMessage> Complete =
        from pri in Gen.Choose(0, SyslogPriority.MaxValue)
        from ts in Timestamp
        from host in Hostname
        from msg in MsgBytes
        select new SyslogMessage(SyslogPriority.FromValue(pri), ts, host, msg);

    [Fact]
    public void A_complete_message_decodes_to_itself()
    {
        Prop.ForAll(Complete.ToArbitrary(), m => SyslogMessage.Decode(m.Encode()).Equals(m)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_packet_of_1_to_1024_bytes_re_encodes_to_itself_whatever_layout_it_has()
    {
        // Mostly syslog-looking packets, some random bytes: every §4.3 case must survive byte for byte.
        var looking = from m in Complete
                      from cut in Gen.Choose(0, 40)
                      from noise in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 3)
                      from at in Gen.Choose(0, 30)
                      select Perturb(m.Encode(), cut, noise, at);
        var packets = Gen.OneOf(looking, Gen.Choose(1, 1024).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)));
        Prop.ForAll(packets.ToArbitrary(), p => SyslogMessage.Decode(p).Encode().AsSpan().SequenceEqual(p)).QuickCheckThrowOnFailure();
    }

    // Drop a prefix or overwrite a few bytes of the header, so that PRI, TIMESTAMP and HOSTNAME each go missing or invalid.
    static byte[] Perturb(byte[] packet, int cut, byte[] noise, int at)
    {
        var p = packet.AsSpan(Math.Min(cut % 5 == 0 ? cut / 5 : 0, packet.Length - 1)).ToArray();
        if (cut % 3 == 0 && at < p.Length) p[at] = noise[0];
        if (cut % 7 == 0 && at + 1 < p.Length) p[at + 1] = cut % 2 == 0 ? (byte)' ' : noise[1];
        return p.Length == 0 ? Encoding.ASCII.GetBytes("x") : p;
    }
}
