using System.Text;
using EUeConformance.Protocols.Syslog;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Syslog;

public class SyslogFuzzTests
{
    [Fact]
    public void A_hundred_thousand_mutated_packets_raise_nothing_but_ParseError_and_each_re_encodes_exactly()
    {
        var seeds = Rfc3164Examples.All.Append("<133>Feb  5 17:32:18 10.0.0.2 MTA[4491]: <4000950500> Provisioning complete")
            .Select(Encoding.ASCII.GetBytes).ToList();
        var findings = Fuzzer.Run(seeds, bytes =>
        {
            var m = SyslogMessage.Decode(bytes);
            ManagementEventText.TryParse(m);
            _ = m.Layout;
            if (!m.Encode().AsSpan().SequenceEqual(bytes)) throw new InvalidOperationException("re-encoding changed the packet");
        }, iterations: 100_000);
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }
}
