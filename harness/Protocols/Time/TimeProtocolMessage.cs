using System.Buffers;
using System.Buffers.Binary;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Time;

/// <summary>
/// The Time Protocol reply (RFC 868): one 32-bit big-endian count of seconds since 1900-01-01T00:00:00Z,
/// over UDP or TCP port 37. Wireshark: time.time.
///
/// The count wraps 2^32 seconds after the epoch, at 2036-02-07T06:28:16Z (RFC 868: "this base will serve until
/// the year 2036"). The wire value alone does not say which 136-year era it is in, so conversion is explicit:
/// <list type="bullet">
/// <item><see cref="ToDateTimeOffset()"/> uses the rule RFC 4330 §3 gives for the same 1900-based seconds in
/// NTP: with the top bit set the value counts from 1900 (1968-01-20T03:14:08Z to 2036-02-07T06:28:15Z), with
/// it clear it counts from 2036-02-07T06:28:16Z (up to 2104-02-26T09:42:23Z).</item>
/// <item><see cref="ToDateTimeOffset(int)"/> takes the era as given: era 0 from 1900, era 1 from 2036, era −1
/// from 1763-11-24T17:31:44Z (RFC 868's own example −1,297,728,000 for 1858-11-17 is era −1).</item>
/// <item><see cref="ToDateTimeOffsetNear"/> takes the era that lands within 2^31 seconds of a reference clock.</item>
/// </list>
/// <see cref="FromDateTimeOffset"/> sends any instant as its seconds since 1900 modulo 2^32, which is what a
/// server running after 2036 puts on the wire.
/// </summary>
public readonly record struct TimeProtocolMessage(uint Seconds)
{
    public const string Protocol = "time";
    public const int Port = 37;
    public const int Length = 4;
    /// <summary>Seconds from 1900-01-01 to 1970-01-01 (RFC 868: "the time 2,208,988,800 corresponds to 00:00 1 Jan 1970 GMT").</summary>
    public const long SecondsFrom1900To1970 = 2_208_988_800;
    public const long SecondsPerEra = 1L << 32;

    public static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Exactly four bytes; anything shorter or longer is a ParseError (field time.time).</summary>
    public static TimeProtocolMessage Decode(ReadOnlySpan<byte> datagram)
    {
        var r = new WireReader(datagram, Protocol);
        uint seconds = r.ReadUInt32("time.time");
        if (r.HasData) throw r.Error("time.time", $"{r.Remaining} byte(s) after the 32-bit time (RFC 868 sends exactly 4)");
        return new TimeProtocolMessage(seconds);
    }

    public byte[] Encode()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Seconds);
        return bytes;
    }

    public void Encode(IBufferWriter<byte> output) => output.Write(Encode());

    /// <summary>The instant, whole seconds dropped toward the past, as seconds since 1900 modulo 2^32.</summary>
    public static TimeProtocolMessage FromDateTimeOffset(DateTimeOffset instant)
    {
        return new TimeProtocolMessage((uint)(SecondsSince1900(instant) & 0xFFFF_FFFF));
    }

    /// <summary>The RFC 4330 §3 window: top bit set, era 0 (1968–2036); top bit clear, era 1 (2036–2104).</summary>
    public DateTimeOffset ToDateTimeOffset() => ToDateTimeOffset((Seconds & 0x8000_0000) != 0 ? 0 : 1);

    /// <summary>The instant in the given era: 1900-01-01T00:00:00Z + era × 2^32 s + <see cref="Seconds"/>.</summary>
    public DateTimeOffset ToDateTimeOffset(int era) => Epoch.AddTicks((era * SecondsPerEra + Seconds) * TimeSpan.TicksPerSecond);

    /// <summary>The era's instant nearest to <paramref name="reference"/> (within 2^31 s), e.g. the receiver's own clock.</summary>
    public DateTimeOffset ToDateTimeOffsetNear(DateTimeOffset reference)
    {
        long referenceSeconds = SecondsSince1900(reference);
        long delta = (long)Seconds - (referenceSeconds & 0xFFFF_FFFF);
        if (delta >= 1L << 31) delta -= SecondsPerEra;
        else if (delta < -(1L << 31)) delta += SecondsPerEra;
        return Epoch.AddTicks((referenceSeconds + delta) * TimeSpan.TicksPerSecond);
    }

    /// <summary>Whole seconds since 1900, rounded toward the past (also before 1900).</summary>
    static long SecondsSince1900(DateTimeOffset instant) => (long)Math.Floor((decimal)(instant - Epoch).Ticks / TimeSpan.TicksPerSecond);

    /// <summary>Unix time of the era-0 reading (RFC 868 value − 2,208,988,800), negative before 1970.</summary>
    public long ToUnixSecondsEra0() => Seconds - SecondsFrom1900To1970;
}
