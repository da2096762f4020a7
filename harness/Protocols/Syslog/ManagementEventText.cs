using System.Globalization;

namespace EUeConformance.Protocols.Syslog;

/// <summary>
/// The optional structure of a management event's syslog MSG, parsed only as far as public sources settle it.
///
/// What is settled: PacketCable events use facility local0 and the syslog severities as levels
/// (PKTC-EVENT-MIB, pktcDevEventDescrFacility/Level); an event is identified by pktcDevEventDescrId (Unsigned32)
/// with an enterprise number (pktcDevEventDescrEnterprise, 4491 for CableLabs-defined events), and its text is
/// at most 127 characters (pktcDevEventDescrText). The DOCSIS analogue puts the event id in angle brackets after
/// the TAG: "&lt;level&gt;CABLEMODEM[vendor]: &lt;eventId&gt; text" (DOCSIS OSSI; seen in RDK-B's self-heal scripts,
/// e.g. "CABLEMODEM[$vendor]:&lt;99000007&gt;…").
///
/// What is not: the exact PacketCable MSG layout of PKT-SP-MEM1.5 (tag name, field order, where the enterprise
/// number and endpoint name go) could not be read from a public source here. So this parser recognises only
/// the structure both share — TAG, an optional "[...]", ":", and an optional "&lt;decimal&gt;" event id — and gives
/// no meaning to the bracket or to the rest of the text. When the MSG does not have that shape, it returns null
/// and the MSG stays plain text.
/// </summary>
public sealed record ManagementEventText(string Tag, string? Bracket, uint? EventId, string Text)
{
    public static ManagementEventText? TryParse(string msg)
    {
        var tag = SyslogTag.TryParse(msg);
        if (tag is null) return null;
        string content = tag.Content.TrimStart(' ');
        if (content.Length > 0 && content[0] == '<')
        {
            int close = content.IndexOf('>');
            if (close > 1 && uint.TryParse(content.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out uint id))
                return new ManagementEventText(tag.Name, tag.Bracket, id, content[(close + 1)..].TrimStart(' '));
        }
        return new ManagementEventText(tag.Name, tag.Bracket, null, tag.Content);
    }

    public static ManagementEventText? TryParse(SyslogMessage message) => TryParse(message.MsgText);
}
