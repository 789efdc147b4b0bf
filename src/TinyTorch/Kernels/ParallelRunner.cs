using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels;

/// <summary>
/// Splits a large element-wise kernel call across cores. Small calls never pay for threads: below
/// <see cref="MinElementsPerThread"/> per thread the work stays on the calling thread.
/// </summary>
/// <remarks>
/// Chunks start on 16-float (64-byte) boundaries so no two threads write the same cache line. Every
/// element is computed by the same code whichever chunk it falls in, so results do not depend on the
/// thread count.
/// </remarks>
internal static unsafe class ParallelRunner
{
    /// <summary>The fewest elements worth handing to one more thread.</summary>
    internal const int MinElementsPerThread = 1 << 17;

    private const int ChunkAlignment = 16;

    /// <summary>How many threads a call over <paramref name="length"/> elements should use.</summary>
    internal static int ThreadsFor(long length)
    {
        long byWork = length / MinElementsPerThread;
        return (int)Math.Clamp(byWork, 1, KernelOptions.MaxDegreeOfParallelism);
    }

    /// <summary>The [start, start + count) range of chunk <paramref name="index"/> of <paramref name="chunks"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (int Start, int Count) Chunk(int length, int chunks, int index)
    {
        int per = (int)((((long)length / chunks) + ChunkAlignment - 1) / ChunkAlignment * ChunkAlignment);
        int start = Math.Min(length, per * index);
        int end = index == chunks - 1 ? length : Math.Min(length, start + per);
        return (start, end - start);
    }

    /// <summary>
    /// Runs <paramref name="body"/> over [0, <paramref name="itemCount"/>) split into contiguous ranges, one
    /// per thread, when the total work (<paramref name="itemCount"/> × <paramref name="elementsPerItem"/>)
    /// is worth it; otherwise calls it once on the whole range on this thread. For kernels whose unit of
    /// work is not one element, such as a softmax row.
    /// </summary>
    public static void ForRanges(int itemCount, long elementsPerItem, Action<int, int> body)
    {
        int threads = Math.Min(ThreadsFor(itemCount * elementsPerItem), Math.Max(itemCount, 1));
        if (threads <= 1)
        {
            body(0, itemCount);
            return;
        }

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            int start = (int)((long)itemCount * t / threads);
            int end = (int)((long)itemCount * (t + 1) / threads);
            body(start, end);
        });
    }

    /// <summary><see cref="ElementwiseLoop.Unary{TOp}"/>, spread over threads when large.</summary>
    public static void Unary<TOp>(ReadOnlySpan<float> x, Span<float> y)
        where TOp : IUnaryOperator
    {
        int threads = ThreadsFor(x.Length);
        if (threads == 1)
        {
            ElementwiseLoop.Unary<TOp>(x, y);
            return;
        }

        fixed (float* px = x, py = y)
        {
            nint xs = (nint)px, ys = (nint)py;
            int n = x.Length;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                (int start, int count) = Chunk(n, threads, t);
                ElementwiseLoop.Unary<TOp>(new ReadOnlySpan<float>((float*)xs + start, count), new Span<float>((float*)ys + start, count));
            });
        }
    }

    /// <summary><see cref="ElementwiseLoop.Binary{TOp}"/>, spread over threads when large.</summary>
    public static void Binary<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : IBinaryOperator
    {
        int threads = ThreadsFor(a.Length);
        if (threads == 1)
        {
            ElementwiseLoop.Binary<TOp>(a, b, z);
            return;
        }

        fixed (float* pa = a, pb = b, pz = z)
        {
            nint aa = (nint)pa, bb = (nint)pb, zz = (nint)pz;
            int n = a.Length;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                (int start, int count) = Chunk(n, threads, t);
                ElementwiseLoop.Binary<TOp>(
                    new ReadOnlySpan<float>((float*)aa + start, count),
                    new ReadOnlySpan<float>((float*)bb + start, count),
                    new Span<float>((float*)zz + start, count));
            });
        }
    }
}
