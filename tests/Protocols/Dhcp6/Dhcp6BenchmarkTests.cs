using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>
/// Issue 3's performance target: encoding and decoding a typical eUE SOLICIT and its ADVERTISE cost
/// under 5 µs each. Measured as this thread's CPU time (<see cref="CpuTime"/>: a shared machine's
/// waiting for a core does not count), warm-up then 3 rounds of 100,000, best round; wall time is
/// printed beside it. In an optimised (Release) build, the one CI runs, the 5 µs target itself is
/// asserted; a Debug build only prints. Figures: 'dotnet test -c Release --filter Dhcp6BenchmarkTests
/// --logger "console;verbosity=detailed"'.
/// </summary>
[Collection(nameof(Dhcp4.BenchmarkCollection))]
public class Dhcp6BenchmarkTests(ITestOutputHelper output)
{
    const int Iterations = 100_000;
    const double TargetMicroseconds = 5;

    [Fact]
    public void Encode_and_decode_of_the_eUE_SOLICIT_and_ADVERTISE_stay_under_5_microseconds_each()
    {
        var solicit = Dhcp6Samples.Solicit();
        var advertise = Dhcp6Samples.Advertise();
        byte[] solicitBytes = solicit.Encode();
        byte[] advertiseBytes = advertise.Encode();
        Dhcp6Message.Decode(solicitBytes).Encode().Should().Equal(solicitBytes, "the measured decode reads the whole message");
        Dhcp6Message.Decode(advertiseBytes).Encode().Should().Equal(advertiseBytes);

        var targets = new (string Name, CpuTime.Figure Figure)[]
        {
            ("encode SOLICIT", CpuTime.PerOperation(() => solicit.Encode().Length, Iterations)),
            ("decode SOLICIT", CpuTime.PerOperation(() => Dhcp6Message.Decode(solicitBytes).Options.Count, Iterations)),
            ("encode ADVERTISE", CpuTime.PerOperation(() => advertise.Encode().Length, Iterations)),
            ("decode ADVERTISE", CpuTime.PerOperation(() => Dhcp6Message.Decode(advertiseBytes).Options.Count, Iterations)),
        };
        // Not part of the target: decoding plus reading back every Table 5 value through the typed accessors.
        var readBack = CpuTime.PerOperation(() => ReadBack(Dhcp6Message.Decode(solicitBytes)), Iterations);

        bool optimized = CpuTime.Optimized(typeof(Dhcp6Message));
        output.WriteLine($"SOLICIT {solicitBytes.Length} octets, ADVERTISE {advertiseBytes.Length} octets; best of 3 rounds of {Iterations:N0}; {(optimized ? "Release" : "Debug: figures only")}");
        foreach (var (name, f) in targets.Append(("decode SOLICIT + typed read", readBack)))
            output.WriteLine($"{name,-30} {f.CpuMicroseconds,7:F3} µs CPU {f.WallMicroseconds,7:F3} µs wall {(f.CpuMicroseconds < TargetMicroseconds ? "(under 5 µs)" : "(OVER 5 µs)")}");

        if (optimized)
            foreach (var (name, f) in targets)
                f.CpuMicroseconds.Should().BeLessThan(TargetMicroseconds, $"{name} is over issue 3's 5 µs target");
    }

    static int ReadBack(Dhcp6Message m)
    {
        var cl = m.CableLabs!;
        return m.ClientId!.Bytes.Length + (int)m.IaNa!.Iaid + (m.ClientFqdn!.S ? 1 : 0) + m.OptionRequest!.Count
            + m.VendorClass!.Data.Count + cl.DeviceType!.Length + cl.DeviceSerialNumber!.Length + cl.HardwareVersionNumber!.Length
            + cl.SoftwareVersionNumber!.Length + cl.BootRomVersion!.Length + cl.VendorOui!.Value.Length + cl.ModelNumber!.Length
            + cl.VendorName!.Length + cl.ModemCapabilities!.Capabilities.Count + cl.DeviceId!.Value.Length + cl.OptionRequest!.Count;
    }
}
