namespace EUeConformance.Protocols.Syslog;

/// <summary>
/// The TAG of an RFC 3164 MSG (§4.1.3): up to 32 alphanumeric characters, ended by the first character that
/// is not; the rest is CONTENT. Conventionally the TAG is a program name and is followed by "[pid]" and ":".
/// <see cref="Bracket"/> is the text inside such brackets, when present, without any meaning given to it.
/// </summary>
public sealed record SyslogTag(string Name, string? Bracket, string Content)
{
    public const int MaxLength = 32;

    /// <summary>
    /// The TAG at the start of <paramref name="msg"/>, or null when the MSG does not start with one: no
    /// alphanumeric run, a run longer than 32, or a run ended by something other than "[" or ":" (RFC 3164 §5.4
    /// example 2, "Use the BFG!", has no TAG: its first word ends with a space).
    /// </summary>
    public static SyslogTag? TryParse(string msg)
    {
        int i = 0;
        while (i < msg.Length && char.IsAsciiLetterOrDigit(msg[i])) i++;
        if (i == 0 || i > MaxLength || i == msg.Length) return null;
        string name = msg[..i];
        string? bracket = null;
        int rest = i;
        if (msg[i] == '[')
        {
            int close = msg.IndexOf(']', i + 1);
            if (close < 0) return null;
            bracket = msg[(i + 1)..close];
            rest = close + 1;
        }
        else if (msg[i] != ':') return null;
        // CONTENT in RFC 3164's sense starts right after the TAG; the usual ":" and one space are skipped here.
        if (rest < msg.Length && msg[rest] == ':') rest++;
        if (rest < msg.Length && msg[rest] == ' ') rest++;
        return new SyslogTag(name, bracket, msg[rest..]);
    }
}
