using System.Diagnostics;
using EUeConformance.Protocols.Dhcp4;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Protocols.Dhcp4;

[CollectionDefinition(nameof(BenchmarkCollection), DisableParallelization = true)]
public sealed class BenchmarkCollection;

/// <summary>
/// Cost per encode/decode of the typical flow messages: reported, with only a loose regression
/// bound asserted. 100,000 iterations after a warm-up, in 5 rounds; the best round is judged so
/// that a busy CI machine does not fail it, and the mean is reported too.
/// </summary>
[Collection(nameof(BenchmarkCollection))]
public class BenchmarkTests(ITestOutputHelper output)
{
    const int Iterations = 100_000, Rounds = 5, WarmUp = 10_000;

    static (double Best, double Mean) MicrosecondsPerOperation(Action operation)
    {
        for (int i = 0; i < WarmUp; i++) operation();
        var rounds = new double[Rounds];
        for (int r = 0; r < Rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < Iterations / Rounds; i++) operation();
            rounds[r] = watch.Elapsed.TotalMicroseconds / (Iterations / Rounds);
        }
        return (rounds.Min(), rounds.Average());
    }

    [Fact]
    public void Encoding_and_decoding_a_DISCOVER_and_an_OFFER_takes_microseconds()
    {
        var discover = Samples.EueDiscover();
        var offer = Samples.EcmReply(DhcpMessageType.Offer);
        var discoverBytes = discover.Encode();
        var offerBytes = offer.Encode();
        var decodedOffer = DhcpMessage.Decode(offerBytes);

        var results = new (string Name, (double Best, double Mean) Us)[]
        {
            ($"encode eUE DISCOVER ({discoverBytes.Length} bytes)", MicrosecondsPerOperation(() => discover.Encode())),
            ($"decode eUE DISCOVER ({discoverBytes.Length} bytes)", MicrosecondsPerOperation(() => DhcpMessage.Decode(discoverBytes))),
            ($"encode eCM OFFER ({offerBytes.Length} bytes)", MicrosecondsPerOperation(() => offer.Encode())),
            ($"decode eCM OFFER ({offerBytes.Length} bytes)", MicrosecondsPerOperation(() => DhcpMessage.Decode(offerBytes))),
            ("re-encode the decoded OFFER (layout replay)", MicrosecondsPerOperation(() => decodedOffer.Encode())),
        };
        foreach (var (name, (best, mean)) in results) output.WriteLine($"{name}: {best:F2} µs/op best round, {mean:F2} µs/op mean");
        results.Should().OnlyContain(r => r.Us.Best < 50, "a DHCP message is a few hundred bytes; tens of microseconds would be a regression");
    }
}
