using System.Diagnostics;
using System.Globalization;

namespace TinyTorch.Benchmarks.Experiments;

/// <summary>
/// A plain stopwatch harness for the A/B experiments, used next to BenchmarkDotNet because it
/// <em>interleaves</em> the variants: round after round, each variant is timed once, so a burst of load
/// from other processes on this shared 2-core machine hits all variants alike instead of whichever case
/// BenchmarkDotNet happened to be running. Reports the median and the minimum over the rounds.
/// </summary>
internal static class Probe
{
    /// <summary>Times each variant over <paramref name="rounds"/> interleaved rounds and prints one line per variant.</summary>
    /// <param name="title">The heading of this group.</param>
    /// <param name="elements">Elements one invocation processes, for ns/element.</param>
    /// <param name="variants">The name and body of each variant.</param>
    /// <param name="rounds">How many rounds.</param>
    public static void Compare(string title, long elements, IReadOnlyList<(string Name, Action Body)> variants, int rounds = 31)
    {
        // Enough invocations per sample for about 2 ms, so the stopwatch's resolution does not matter.
        int[] repeats = new int[variants.Count];
        for (int v = 0; v < variants.Count; v++)
        {
            // NOTE: warm up past tiered compilation: a method is recompiled optimized only after 30 calls and
            // a background delay, and timing tier-0 code made the first small sizes look 10× slower.
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < 64 || warm.ElapsedMilliseconds < 100; i++)
            {
                variants[v].Body();
            }
        }

        Thread.Sleep(300);   // let the background tier-1 compilations land
        for (int v = 0; v < variants.Count; v++)
        {
            var once = Stopwatch.StartNew();
            variants[v].Body();
            variants[v].Body();
            repeats[v] = (int)Math.Clamp(2e-3 / Math.Max(once.Elapsed.TotalSeconds / 2, 1e-9), 1, 100_000);
        }

        var samples = new double[variants.Count][];
        for (int v = 0; v < variants.Count; v++)
        {
            samples[v] = new double[rounds];
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int k = 0; k < variants.Count; k++)
            {
                int v = (k + r) % variants.Count;   // rotate the order so no variant always runs first
                Action body = variants[v].Body;
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < repeats[v]; i++)
                {
                    body();
                }

                samples[v][r] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / repeats[v] / elements;
            }
        }

        Console.WriteLine($"### {title}");
        Console.WriteLine("| variant | median ns/elem | min ns/elem |");
        Console.WriteLine("|---|---:|---:|");
        for (int v = 0; v < variants.Count; v++)
        {
            Array.Sort(samples[v]);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {variants[v].Name} | {samples[v][rounds / 2]:0.0000} | {samples[v][0]:0.0000} |"));
        }

        Console.WriteLine();
    }
}
