namespace EUeConformance.Tests.Protocols.Syslog;

/// <summary>
/// The packets of RFC 3164 §5.4 ("Examples"), as the RFC prints them (the same text appears in the test suites
/// of several independent parsers, e.g. flume's SyslogParserTest and syslog2irc's tests).
/// </summary>
static class Rfc3164Examples
{
    public const string Example1 = "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8";
    /// <summary>Example 2 as the device sent it: no PRI, no HEADER.</summary>
    public const string Example2Original = "Use the BFG!";
    /// <summary>Example 2 after the relay at 10.0.0.99 received it (§4.3.3).</summary>
    public const string Example2Relayed = "<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!";
    public const string Example3 = "<165>Aug 24 05:34:00 CST 1987 mymachine myproc[10]: %% It's time to make the do-nuts.  %%  Ingredients: Mix=OK, Jelly=OK # Devices: Mixer=OK, Jelly_Injector=OK, Frier=OK # Transport: Conveyer1=OK, Conveyer2=OK # %%";
    /// <summary>Example 4 as the device sent it: a PRI, but a TIMESTAMP in no RFC 3164 form.</summary>
    public const string Example4Original = "<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!";
    /// <summary>Example 4 after the relay "scapegoat" received it (§4.3.2).</summary>
    public const string Example4Relayed = "<0>Oct 22 10:52:12 scapegoat 1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!";

    public static readonly string[] All = [Example1, Example2Original, Example2Relayed, Example3, Example4Original, Example4Relayed];
}
