using System.Diagnostics;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>100,000 mutations of the samples: the decoder raises nothing but ParseError, and whatever it accepts re-encodes to a message that decodes the same.</summary>
public class DnsFuzzTests
{
    [Fact]
    public void Mutated_messages_raise_only_ParseError_and_what_decodes_round_trips()
    {
        var seeds = DnsSamples.All.Select(s => s.Bytes).ToList();
        var clock = Stopwatch.StartNew();
        var findings = Fuzzer.Run(seeds, bytes =>
        {
            var m = DnsMessage.Decode(bytes);
            _ = m.ToString(); // the views and presentation must not throw on anything the decoder accepts
            foreach (var r in m.Answers.Concat(m.Authorities).Concat(m.Additionals)) _ = (r.Address, r.SrvData, r.NaptrData, r.SoaData, r.Edns, r.TextStrings);
            DnsMessage again;
            try { again = DnsMessage.Decode(m.Encode()); }
            catch (ParseError e) { throw new InvalidOperationException("the encoder produced octets its decoder refuses", e); }
            if (!again.Equals(m)) throw new InvalidOperationException("decode(encode(decode(x))) differs from decode(x)");
        }, iterations: 100_000);
        findings.Should().BeEmpty(string.Join("\n", findings.Take(3).Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }
}
