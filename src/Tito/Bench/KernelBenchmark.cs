using System.Diagnostics;
using TinyTorch.Catalog;
using TinyTorch.Kernels;

namespace Tito.Bench;

/// <summary>
/// Times each activation kernel over preallocated spans (no allocation inside the timed region) and a plain
/// memory copy of the same size, which is the bandwidth limit an element-wise function cannot beat.
/// </summary>
internal static class KernelBenchmark
{
    /// <summary>
    /// The functions measured, in table order: every element-wise form of the catalog, then each form along a dim over rows,
    /// then the gated units over rows (timed per input element, two per output); the course's five carry TinyTorch's
    /// quoted relative cost.
    /// </summary>
    public static IReadOnlyList<(string Name, string Quoted, Action<float[], float[], int> Kernel)> Functions { get; } =
    [
        .. ActivationCatalog.All.SelectMany(a => a.Variants.Where(v => v.IsElementwise).Select(v =>
            (v.Label, ActivationCatalog.Course.Contains(a) ? Quoted(a.Cost) : "", (Action<float[], float[], int>)((x, y, _) => v.Forward!(x, y))))),
        .. ActivationCatalog.All.SelectMany(a => a.Variants.Where(v => v.AlongDim is not null).Select(v =>
            ($"{v.Label} (rows)", ActivationCatalog.Course.Contains(a) ? Quoted(a.Cost) : "", (Action<float[], float[], int>)((x, y, row) => v.AlongDim!.Forward(x, y, row, 1))))),
        .. ActivationCatalog.Variants.Where(v => v.IsGated).Select(v =>
            ($"{v.Label} (rows, per input)", "", (Action<float[], float[], int>)((x, y, row) => Gated(v.Gate!, x, y, row)))),
    ];

    /// <summary>A gated unit over rows of the row length made even (it halves each row), writing half as many outputs.</summary>
    private static void Gated(GatedForm gate, float[] x, float[] y, int row)
    {
        int even = Math.Max(2, row & ~1);
        gate.Forward(x.AsSpan(0, x.Length / even * even), y, even);
    }

    /// <summary>TinyTorch's quoted cost relative to ReLU for a kind of activation.</summary>
    private static string Quoted(ActivationCost cost) => cost switch
    {
        ActivationCost.PiecewiseLinear => "1× (baseline)",
        ActivationCost.Exponential => "3–4×",
        ActivationCost.Transcendental => "4–5×",
        _ => "5×+",
    };

    /// <summary>The memory-copy row's name.</summary>
    public const string CopyName = "memory copy (bandwidth limit)";

    /// <summary>
    /// Runs the copy and every function, reporting each finished step through <paramref name="progress"/>.
    /// KernelOptions.MaxDegreeOfParallelism is set for the run and restored after it.
    /// The two buffers come from <paramref name="memory"/>, which refuses sizes the machine cannot hold.
    /// </summary>
    public static IReadOnlyList<BenchResult> Run(BenchSettings s, BenchMemory memory, Action<string> progress)
    {
        int size = Elements(s);
        memory.EnsureFits(size);
        var random = new Random(42);
        float[] x = memory.Buffer(size);
        for (int i = 0; i < size; i++)
        {
            x[i] = (float)((random.NextDouble() * 10) - 5);   // [−5, 5]: where the curves bend, no early-outs
        }

        float[] y = memory.Buffer(size);
        int saved = KernelOptions.MaxDegreeOfParallelism;
        KernelOptions.MaxDegreeOfParallelism = s.Threads;
        try
        {
            var results = new List<BenchResult>
            {
                new(CopyName, "", Median(() => ParallelCopy(x, y, s.Threads), s), size),
            };
            progress(CopyName);
            foreach ((string name, string quoted, Action<float[], float[], int> kernel) in Functions)
            {
                results.Add(new BenchResult(name, quoted, Median(() => kernel(x, y, s.RowLength), s), size));
                progress(name);
            }

            return results;
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = saved;
        }
    }

    /// <summary>Elements per call: the requested size rounded down to whole softmax rows, at least one row.</summary>
    public static int Elements(BenchSettings s) => Math.Max(s.RowLength, s.Size / s.RowLength * s.RowLength);

    private static double Median(Action call, BenchSettings s)
    {
        for (int i = 0; i < s.Warmups; i++)
        {
            call();
        }

        double[] times = new double[s.Repeats];
        for (int i = 0; i < times.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        // NOTE: the median, not the mean: one descheduled run on a shared machine would drag a mean far off.
        Array.Sort(times);
        return times[times.Length / 2];
    }

    /// <summary>The same copy split into as many chunks as the kernels may use threads, so both sides get the same cores.</summary>
    private static void ParallelCopy(float[] source, float[] destination, int threads)
    {
        int chunks = Math.Max(1, Math.Min(threads, source.Length / (1 << 16)));
        if (chunks == 1)
        {
            source.AsSpan().CopyTo(destination);
            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            int start = (int)((long)source.Length * c / chunks);
            int end = (int)((long)source.Length * (c + 1) / chunks);
            source.AsSpan(start, end - start).CopyTo(destination.AsSpan(start, end - start));
        });
    }
}
