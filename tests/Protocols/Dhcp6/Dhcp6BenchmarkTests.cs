using System.Diagnostics;
using EUeConformance.Protocols.Dhcp6;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>
/// Issue 3's performance requirement: encoding and decoding a typical eUE SOLICIT and its ADVERTISE
/// should take under 5 µs each. A Stopwatch loop (warm-up, then 3 rounds of 100,000 iterations; the
/// best round counts, as the 2-core machine is shared with parallel builds) prints the figures; the
/// assertion is a loose regression bound (50 µs) so that a busy CI machine does not fail it.
/// </summary>
public class Dhcp6BenchmarkTests(ITestOutputHelper output)
{
    const int WarmUp = 20_000;
    const int Iterations = 100_000;
    const int Rounds = 3;
    const double RegressionBoundMicroseconds = 50;

    [Fact]
    public void Encode_and_decode_of_the_eUE_SOLICIT_and_ADVERTISE_stay_in_the_microseconds()
    {
        var solicit = Dhcp6Samples.Solicit();
        var advertise = Dhcp6Samples.Advertise();
        byte[] solicitBytes = solicit.Encode();
        byte[] advertiseBytes = advertise.Encode();

        var figures = new (string Name, double Microseconds)[]
        {
            ("encode SOLICIT", Measure(() => solicit.Encode().Length)),
            ("decode SOLICIT", Measure(() => Dhcp6Message.Decode(solicitBytes).Options.Count)),
            ("encode ADVERTISE", Measure(() => advertise.Encode().Length)),
            ("decode ADVERTISE", Measure(() => Dhcp6Message.Decode(advertiseBytes).Options.Count)),
            // Not part of the target: decoding plus reading back every Table 5 value through the typed accessors.
            ("decode SOLICIT + typed read", Measure(() => ReadBack(Dhcp6Message.Decode(solicitBytes)))),
        };

        output.WriteLine($"SOLICIT {solicitBytes.Length} octets, ADVERTISE {advertiseBytes.Length} octets; best of {Rounds} rounds of {Iterations:N0} iterations");
        foreach (var (name, us) in figures)
            output.WriteLine($"{name,-30} {us,8:F3} µs/op {(us < 5 ? "(under the 5 µs target)" : "(OVER the 5 µs target)")}");

        foreach (var (name, us) in figures)
            us.Should().BeLessThan(RegressionBoundMicroseconds, $"{name} regressed far beyond the 5 µs target");
    }

    static int ReadBack(Dhcp6Message m)
    {
        var cl = m.CableLabs!;
        return m.ClientId!.Bytes.Length + (int)m.IaNa!.Iaid + (m.ClientFqdn!.S ? 1 : 0) + m.OptionRequest!.Count
            + m.VendorClass!.Data.Count + cl.DeviceType!.Length + cl.DeviceSerialNumber!.Length + cl.HardwareVersionNumber!.Length
            + cl.SoftwareVersionNumber!.Length + cl.BootRomVersion!.Length + cl.VendorOui!.Value.Length + cl.ModelNumber!.Length
            + cl.VendorName!.Length + cl.ModemCapabilities!.Capabilities.Count + cl.DeviceId!.Value.Length + cl.OptionRequest!.Count;
    }

    static double Measure(Func<int> operation)
    {
        int sink = 0;
        for (int i = 0; i < WarmUp; i++) sink += operation();
        double best = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < Iterations; i++) sink += operation();
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalMicroseconds / Iterations);
        }
        GC.KeepAlive(sink);
        return best;
    }
}
