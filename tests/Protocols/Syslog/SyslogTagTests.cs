using EUeConformance.Protocols.Syslog;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Syslog;

/// <summary>TAG and CONTENT (RFC 3164 §4.1.3), and the management-event shape parsed only as far as it is settled.</summary>
public class SyslogTagTests
{
    [Theory]
    [InlineData("su: 'su root' failed", "su", null, "'su root' failed")]
    [InlineData("myproc[10]: %% It's time", "myproc", "10", "%% It's time")]
    [InlineData("sched[0]: That's All Folks!", "sched", "0", "That's All Folks!")]
    [InlineData("CABLEMODEM[Vendor Inc]:<99000007>text", "CABLEMODEM", "Vendor Inc", "<99000007>text")]
    [InlineData("a:", "a", null, "")]
    public void A_tag_is_up_to_32_alphanumerics_ended_by_a_bracket_or_a_colon(string msg, string name, string? bracket, string content) =>
        SyslogTag.TryParse(msg).Should().Be(new SyslogTag(name, bracket, content));

    [Theory]
    [InlineData("Use the BFG!")]
    [InlineData("1987 mymachine myproc[10]: %%")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456: more than 32")]
    [InlineData("unclosed[bracket: x")]
    [InlineData(": no tag")]
    [InlineData("")]
    public void A_MSG_without_a_tag_has_none(string msg) => SyslogTag.TryParse(msg).Should().BeNull();

    [Fact]
    public void An_angle_bracketed_decimal_after_the_tag_is_read_as_an_event_id_and_nothing_more_is_assumed()
    {
        // The DOCSIS analogue "<level>CABLEMODEM[vendor]:<eventId>…" (RDK-B scripts); the values below are illustrative.
        ManagementEventText.TryParse("CABLEMODEM[Vendor]:<99000007><2010-05-27> RM PsmSsp process died")
            .Should().Be(new ManagementEventText("CABLEMODEM", "Vendor", 99000007, "<2010-05-27> RM PsmSsp process died"));
        ManagementEventText.TryParse("MTA[4491]: <4000950500> Provisioning complete")
            .Should().Be(new ManagementEventText("MTA", "4491", 4000950500, "Provisioning complete"));
    }

    [Theory]
    [InlineData("MTA: provisioning complete", "MTA", null, "provisioning complete")]
    [InlineData("MTA[x]: <99999999999> too big for Unsigned32", "MTA", "x", "<99999999999> too big for Unsigned32")]
    [InlineData("MTA: <12a> not decimal", "MTA", null, "<12a> not decimal")]
    public void Without_a_valid_event_id_the_text_stays_whole(string msg, string tag, string? bracket, string text) =>
        ManagementEventText.TryParse(msg).Should().Be(new ManagementEventText(tag, bracket, null, text));

    [Fact]
    public void A_MSG_without_a_tag_has_no_event_structure() =>
        ManagementEventText.TryParse("Use the BFG!").Should().BeNull();
}
