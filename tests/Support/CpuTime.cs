using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EUeConformance.Tests.Support;

/// <summary>
/// Cost per operation as CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID), so that a
/// figure does not include time spent waiting for a core on a shared machine, as a wall clock would.
/// Warm-up by count and by time (tiered JIT), then rounds; the best round counts, wall time beside it.
/// </summary>
public static class CpuTime
{
    [StructLayout(LayoutKind.Sequential)]
    struct Timespec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out Timespec value);

    const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>This thread's CPU time so far, in microseconds.</summary>
    public static double ThreadMicroseconds()
    {
        if (ClockGetTime(ClockThreadCpuTime, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return t.Seconds * 1e6 + t.Nanoseconds / 1e3;
    }

    public readonly record struct Figure(double CpuMicroseconds, double WallMicroseconds);

    /// <summary>Best round's CPU and wall time per call of <paramref name="operation"/> (its result is kept alive so it is not optimised away).</summary>
    public static Figure PerOperation(Func<int> operation, int iterations, int rounds = 3, int warmUp = 5_000, TimeSpan? warmUpTime = null)
    {
        int sink = 0;
        var warm = Stopwatch.StartNew();
        var minimum = warmUpTime ?? TimeSpan.FromMilliseconds(400);
        for (int i = 0; i < warmUp || warm.Elapsed < minimum; i++) sink += operation();
        double bestCpu = double.MaxValue, bestWall = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            double cpu0 = ThreadMicroseconds();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) sink += operation();
            sw.Stop();
            double cpu = ThreadMicroseconds() - cpu0;
            bestCpu = Math.Min(bestCpu, cpu / iterations);
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalMicroseconds / iterations);
        }
        GC.KeepAlive(sink);
        return new Figure(bestCpu, bestWall);
    }

    /// <summary>Whether the code under test was compiled with optimisations (Release): figures of a Debug build say nothing about the targets.</summary>
    public static bool Optimized(Type typeInAssembly) =>
        typeInAssembly.Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().All(d => !d.IsJITOptimizerDisabled);
}
