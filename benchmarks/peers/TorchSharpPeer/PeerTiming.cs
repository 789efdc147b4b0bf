using System.Diagnostics;

namespace TorchSharpPeer;

/// <summary>The probes' timing: each side's fastest round, per element, the sides timed one after the other.</summary>
internal static class PeerTiming
{
    /// <summary>
    /// Each side's fastest ns per element over <paramref name="rounds"/> rounds, each side's rounds back to back after a
    /// pause (and, with <paramref name="warmUp"/>, a quarter of a second of untimed calls first).
    /// </summary>
    /// <remarks>
    /// NOTE: not alternated call by call. libtorch's OpenMP threads spin for up to 200 ms after each parallel region
    /// (waiting for the next), so right after a TorchSharp call the other core is taken by a spinning thread and our pool
    /// thread waits for it: alternated, our two-thread times were those of a machine with one core (SiLU at 262 144:
    /// 0.42-0.49 ns/element alternated, 0.24 alone). The pause lets those threads go to sleep, and each library runs in
    /// its own steady state. Each round repeats its call until it has run ~2 ms, so that small sizes are timed above the
    /// clock's resolution.
    /// </remarks>
    public static double[] FastestPerElement(int n, int rounds, bool warmUp, params Action[] sides)
    {
        int reps = Math.Max(1, 2_000_000 / Math.Max(1, n));
        double[] best = [.. sides.Select(_ => double.MaxValue)];
        for (int s = 0; s < sides.Length; s++)
        {
            Thread.Sleep(300);
            if (warmUp)
            {
                // NOTE: a quarter of a second of calls, not a few rounds: tiered compilation promotes a method only after
                // 30 calls and a quiet 100 ms, so a short warm-up timed the first size of each activation (and
                // TensorPrimitives' compositions) partly in unoptimized code (LogSigmoid at 4 096: 1.81 ns/element, 0.99
                // once settled).
                long until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 4);
                while (Stopwatch.GetTimestamp() < until)
                {
                    Time(sides[s], reps);
                }
            }

            for (int round = 0; round < rounds; round++)
            {
                best[s] = Math.Min(best[s], Time(sides[s], reps) / n);
            }
        }

        return best;
    }

    private static double Time(Action action, int reps)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < reps; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / reps;
    }
}
