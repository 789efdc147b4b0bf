using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// Splits a baseline (TensorPrimitives, the scalar loop, the copy) over threads the way the kernels split
/// themselves, so the baselines' two-thread numbers are the fair "chunked" peers of issue 4: above the same
/// per-thread minimum and with the same weights (ParallelRunner's own constants), contiguous 64-byte aligned chunks,
/// the calling thread taking the first.
/// </summary>
internal static class Split
{
    /// <summary>Floats in one aligned chunk step: ParallelRunner's chunk alignment.</summary>
    private const int ChunkFloats = ParallelRunner.ChunkAlignmentBytes / sizeof(float);

    /// <summary>Runs <paramref name="body"/>(start, count) over [0, <paramref name="length"/>) on up to <paramref name="threads"/> threads.</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="threads">The most threads to use.</param>
    /// <param name="body">The work on one chunk.</param>
    public static void Run(int length, int threads, Action<int, int> body) => Run(length, 1, ChunkFloats, threads, body);

    /// <summary>As <see cref="Run(int, int, Action{int, int})"/> for a heavy function (an exponential per element): splits from fewer elements, as the kernels do.</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="threads">The most threads to use.</param>
    /// <param name="body">The work on one chunk.</param>
    public static void RunHeavy(int length, int threads, Action<int, int> body) => Run(length, ParallelRunner.HeavyElementWeight, ChunkFloats, threads, body);

    /// <summary>Runs <paramref name="body"/>(start, count) over [0, <paramref name="items"/>) items of <paramref name="elementsPerItem"/> elements each.</summary>
    /// <param name="items">The number of items (elements, rows, columns).</param>
    /// <param name="elementsPerItem">The elements of work in one item.</param>
    /// <param name="alignment">Chunk starts are multiples of this many items.</param>
    /// <param name="threads">The most threads to use.</param>
    /// <param name="body">The work on one chunk.</param>
    public static void Run(int items, long elementsPerItem, int alignment, int threads, Action<int, int> body)
    {
        int length = items;
        long work = items * elementsPerItem;
        int use = (int)Math.Clamp(work / ParallelRunner.MinElementsPerThread, 1, Math.Min(threads, Math.Max(items, 1)));
        if (use == 1)
        {
            body(0, length);
            return;
        }

        int per = (((length / use) + alignment - 1) / alignment) * alignment;
        var others = new Task[use - 1];
        for (int t = 1; t < use; t++)
        {
            int start = Math.Min(length, per * t);
            int end = t == use - 1 ? length : Math.Min(length, start + per);
            others[t - 1] = Task.Run(() => body(start, end - start));
        }

        body(0, Math.Min(length, per));
        Task.WaitAll(others);
    }
}
