using EUeConformance.Protocols.Tftp;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Tftp;

public class TftpFuzzTests
{
    [Fact]
    public void A_hundred_thousand_mutated_datagrams_raise_nothing_but_ParseError()
    {
        var policy = new TftpServerPolicy { MaxBlockSize = 1024 };
        var findings = Fuzzer.Run(TftpSamples.All, bytes =>
        {
            var packet = TftpPacket.Decode(bytes, maxDataLength: 1428);
            // What the headend does next with a request or an OACK must not throw either.
            if (packet is TftpRequest request)
            {
                var answer = TftpNegotiation.Answer(request, policy, fileSize: 2000);
                if (answer.OptionAck is { } oack) TftpNegotiation.CheckOptionAck(request, oack);
            }
            else if (packet is TftpOptionAck oack) TftpNegotiation.CheckOptionAck(new TftpReadRequest("f", "octet", oack.Options), oack);
        }, iterations: 100_000);
        findings.Should().BeEmpty(string.Join("\n", findings.Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }
}
