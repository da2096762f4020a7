using EUeConformance.Protocols.Wire;

namespace EUeConformance.Tests.Support;

/// <summary>
/// Mutation fuzzing of a decoder: from valid seed messages, a seeded generator flips bits, sets
/// bytes to boundary values, inserts, deletes, duplicates and truncates, and raises length-like
/// bytes; the decoder may accept or throw <see cref="ParseError"/>, and nothing else. Deterministic
/// for a seed, so a finding reproduces.
/// </summary>
public static class Fuzzer
{
    public sealed record Finding(byte[] Input, Exception Exception);

    public static IReadOnlyList<Finding> Run(IReadOnlyList<byte[]> seeds, Action<byte[]> decode, int iterations = 100_000, int seed = 4491)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed message", nameof(seeds));
        var random = new Random(seed);
        var findings = new List<Finding>();
        for (int i = 0; i < iterations && findings.Count < 10; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            try { decode(input); }
            catch (ParseError) { }
            catch (Exception e) { findings.Add(new Finding(input, e)); }
        }
        return findings;
    }

    static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, 0x20, 0x40];

    public static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        int rounds = 1 + random.Next(4);
        for (int r = 0; r < rounds; r++)
        {
            if (data.Count == 0) { data.Add((byte)random.Next(256)); continue; }
            int at = random.Next(data.Count);
            switch (random.Next(8))
            {
                case 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: data[at] = Interesting[random.Next(Interesting.Length)]; break;
                case 2: data.Insert(at, (byte)random.Next(256)); break;
                case 3: data.RemoveAt(at); break;
                case 4: data.RemoveRange(at, data.Count - at); break;
                case 5:
                    int len = Math.Min(random.Next(1, 16), data.Count - at);
                    data.InsertRange(at, data.GetRange(at, len));
                    break;
                case 6: data[at] = (byte)(data[at] + random.Next(1, 5)); break; // nudge a length up
                default: data[at] = (byte)random.Next(256); break;
            }
        }
        return [.. data];
    }
}
