using System.Globalization;

namespace EUeConformance.Protocols.Syslog;

/// <summary>
/// The RFC 3164 §4.1.2 TIMESTAMP, "Mmm dd hh:mm:ss": English month abbreviation with a capital first letter,
/// the day padded with a space (not a zero) below 10, 24-hour time; local time, with neither year nor zone.
/// </summary>
public readonly record struct Rfc3164Timestamp
{
    /// <summary>The field is always 15 characters long.</summary>
    public const int Length = 15;

    static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // Without a year, 29 February is possible.
    static readonly int[] DaysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public Rfc3164Timestamp(int month, int day, int hour, int minute, int second)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        if (day < 1 || day > DaysIn[month - 1]) throw new ArgumentOutOfRangeException(nameof(day));
        if (hour is < 0 or > 23) throw new ArgumentOutOfRangeException(nameof(hour));
        if (minute is < 0 or > 59) throw new ArgumentOutOfRangeException(nameof(minute));
        if (second is < 0 or > 59) throw new ArgumentOutOfRangeException(nameof(second));
        (Month, Day, Hour, Minute, Second) = (month, day, hour, minute, second);
    }

    public int Month { get; }
    public int Day { get; }
    public int Hour { get; }
    public int Minute { get; }
    public int Second { get; }

    /// <summary>The clock reading of <paramref name="localTime"/> (sub-seconds dropped).</summary>
    public static Rfc3164Timestamp From(DateTime localTime) =>
        new(localTime.Month, localTime.Day, localTime.Hour, localTime.Minute, localTime.Second);

    /// <summary>The timestamp in a year the reader supplies (the field has none); null for 29 February of a common year.</summary>
    public DateTime? InYear(int year) =>
        Day <= DateTime.DaysInMonth(year, Month) ? new DateTime(year, Month, Day, Hour, Minute, Second, DateTimeKind.Unspecified) : null;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Months[Month - 1]} {Day,2} {Hour:00}:{Minute:00}:{Second:00}");

    /// <summary>Reads exactly 15 characters in the RFC 3164 form; anything else (e.g. "Feb 05", "feb", "24:00:00") is not a TIMESTAMP.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Rfc3164Timestamp timestamp)
    {
        timestamp = default;
        if (text.Length != Length || text[3] != ' ' || text[6] != ' ' || text[9] != ':' || text[12] != ':') return false;
        int month = Array.IndexOf(Months, text[..3].ToString()) + 1;
        if (month == 0) return false;
        int day;
        if (text[4] == ' ') { if (!Digit(text[5], out day) || day == 0) return false; }
        else if (!Two(text[4..6], out day) || day < 10) return false;
        if (!Two(text[7..9], out int hour) || !Two(text[10..12], out int minute) || !Two(text[13..15], out int second)) return false;
        if (day > DaysIn[month - 1] || hour > 23 || minute > 59 || second > 59) return false;
        timestamp = new Rfc3164Timestamp(month, day, hour, minute, second);
        return true;
    }

    static bool Digit(char c, out int value)
    {
        value = c - '0';
        return c is >= '0' and <= '9';
    }

    static bool Two(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (!Digit(s[0], out int a) || !Digit(s[1], out int b)) return false;
        value = a * 10 + b;
        return true;
    }
}
