using EUeConformance.Protocols.Wire;

namespace EUeConformance.Tests.Support;

/// <summary>
/// Mutation fuzzing of a decoder: from valid seed messages, a seeded generator flips bits, sets
/// bytes to boundary values, inserts, deletes, duplicates and truncates, and raises length-like
/// bytes; the decoder may accept or throw <see cref="ParseError"/>, and nothing else. It must also
/// not allocate in proportion to what a length or count field claims: each input's allocations
/// (this thread's, all of them) stay within <see cref="DecoderAllocationBound"/> of its size.
/// Deterministic for a seed, so a finding reproduces.
/// </summary>
public static class Fuzzer
{
    public sealed record Finding(byte[] Input, Exception Exception);

    /// <summary>A decode allocated more than the bound for its input's size.</summary>
    public sealed class AllocationBeyondInput(int inputLength, long allocated, long bound)
        : Exception($"{allocated:N0} bytes allocated for a {inputLength}-byte input, over the bound of {bound:N0} (a length or count field drove an allocation)");

    /// <summary>
    /// What decoding (and reading back, printing, re-encoding) one input may allocate: 32 KiB for the
    /// fixed costs (a ParseError's message and stack trace, the typed objects of a small message)
    /// plus 16 bytes per input byte. An allocation sized by a 16-bit length (64 KiB) or a count of
    /// references is over it for any input below 2 KiB, as are the seeds here.
    /// </summary>
    public static long DecoderAllocationBound(int inputLength) => 32 * 1024 + 16L * inputLength;

    /// <param name="allocationBound">The most one input may allocate, by its length (null: not checked, for callers that are more than a decoder, e.g. an agent answering).</param>
    public static IReadOnlyList<Finding> Run(IReadOnlyList<byte[]> seeds, Action<byte[]> decode, int iterations = 100_000, int seed = 4491,
        Func<int, long>? allocationBound = null, bool checkAllocations = true)
    {
        if (seeds.Count == 0) throw new ArgumentException("at least one seed message", nameof(seeds));
        allocationBound ??= DecoderAllocationBound;
        var random = new Random(seed);
        var findings = new List<Finding>();
        for (int i = 0; i < iterations && findings.Count < 10; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            long allocated = Decode(input, decode, findings);
            if (!checkAllocations || allocated <= allocationBound(input.Length)) continue;
            // Over the bound: once more, so that one-time costs (a type's first use, a first-seen path) do not count.
            allocated = Decode(input, decode, null);
            if (allocated > allocationBound(input.Length))
                findings.Add(new Finding(input, new AllocationBeyondInput(input.Length, allocated, allocationBound(input.Length))));
        }
        return findings;
    }

    static long Decode(byte[] input, Action<byte[]> decode, List<Finding>? findings)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try { decode(input); }
        catch (ParseError) { }
        catch (Exception e) { findings?.Add(new Finding(input, e)); }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Bytes this thread allocates running <paramref name="action"/> (its second run: the first pays for one-time costs).</summary>
    public static long AllocatedBy(Action action)
    {
        try { action(); } catch (ParseError) { }
        long before = GC.GetAllocatedBytesForCurrentThread();
        try { action(); } catch (ParseError) { }
        return GC.GetAllocatedBytesForCurrentThread() - before;
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
