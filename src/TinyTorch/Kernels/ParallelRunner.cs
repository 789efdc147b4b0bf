using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace TinyTorch.Kernels;

/// <summary>
/// Splits a large element-wise kernel call across cores. Small calls never pay for threads: below
/// <see cref="MinElementsPerThread"/> elements of work per thread (heavy elements count more: <see cref="HeavyElementWeight"/>)
/// the work stays on the calling thread.
/// </summary>
/// <remarks>
/// The calling thread always works: it runs the first chunk, then it and up to threads − 1 pool work items claim
/// the others one at a time, so on a busy machine the caller does whatever no helper has started yet instead of
/// waiting for a free core. This
/// costs one queued work item per extra thread, measured cheaper than <c>Parallel.For</c> (docs/performance.md).
/// Chunk boundaries fall on 64-byte boundaries of the destination's address, so no two threads write the same
/// cache line. Every element is computed by the same code whichever chunk it falls in (the vector bodies
/// are lane-wise, and every chunk is far longer than a vector), so results do not depend on the thread count.
/// </remarks>
internal static unsafe class ParallelRunner
{
    /// <summary>
    /// The fewest elements of work worth handing to one more thread, chosen by measurement (docs/performance.md): two
    /// threads from 196 608 light elements. Memory-bound ReLU, the cheapest operator, broke even around 131 072 elements
    /// on Zen 3 (won in two quiet runs, lost in a third) and won at 196 608 and, in every quieter run, at 262 144; on
    /// Zen 5 it broke even at ~128 000. Heavy operators reach this much work with fewer elements (the weights below).
    /// </summary>
    internal const int MinElementsPerThread = 98_304;

    /// <summary>
    /// How many light elements one element of a heavy element-wise operator (<see cref="IUnaryOperator.Unroll"/> false:
    /// an exponential or a division per element) counts as when deciding to split. Splitting pays once a thread's
    /// share outweighs the fixed cost of handing work to another thread, so the threshold in elements falls as the
    /// cost per element rises. Measured on Zen 5 (docs/performance.md): sigmoid, the cheapest heavy operator
    /// (0.30 ns/element against ReLU's 0.05 in cache), breaks even at 28 000–36 000 elements, so 6 (two threads from
    /// 32 768 elements).
    /// </summary>
    internal const int HeavyElementWeight = 6;

    /// <summary>The same for softmax (about twice sigmoid's cost per element): it breaks even at about 24 000 elements.</summary>
    internal const int SoftmaxElementWeight = 8;

    /// <summary>Chunk boundaries are multiples of this many bytes from the start of a cache line.</summary>
    internal const int ChunkAlignmentBytes = 64;

    private const int ChunkAlignment = ChunkAlignmentBytes / sizeof(float);

    /// <summary>How many threads a call over <paramref name="work"/> light elements (or their equivalent) should use.</summary>
    internal static int ThreadsFor(long work)
    {
        long byWork = work / MinElementsPerThread;
        return (int)Math.Clamp(byWork, 1, KernelOptions.MaxDegreeOfParallelism);
    }

    /// <summary>The work of <paramref name="length"/> elements of a light (or heavy) operator, in light elements.</summary>
    internal static long Work(long length, bool light) => light ? length : length * HeavyElementWeight;

    /// <summary>
    /// The [start, start + count) range of chunk <paramref name="index"/> of <paramref name="chunks"/> over
    /// [0, <paramref name="length"/>). Every boundary between chunks is <paramref name="lead"/> plus a multiple of
    /// 16 floats: pass the distance from the destination to its next 64-byte boundary (<see cref="LeadOf"/>)
    /// and the boundaries are cache-line aligned in memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (int Start, int Count) Chunk(int length, int chunks, int index, int lead = 0)
    {
        int per = (int)((((long)length / chunks) + ChunkAlignment - 1) / ChunkAlignment * ChunkAlignment);
        int start = index == 0 ? 0 : (int)Math.Min(length, lead + ((long)per * index));
        int end = index == chunks - 1 ? length : (int)Math.Min(length, lead + ((long)per * (index + 1)));
        return (start, end - start);
    }

    /// <summary>How many floats from the destination at <paramref name="address"/> to the next 64-byte boundary (0–15).</summary>
    internal static int LeadOf(nuint address) =>
        (int)(((ChunkAlignmentBytes - (address & (ChunkAlignmentBytes - 1))) & (ChunkAlignmentBytes - 1)) / sizeof(float));

    /// <summary>
    /// Runs <paramref name="body"/>(start, end) over [0, <paramref name="itemCount"/>) split into contiguous
    /// ranges [start, end), one per thread, when the total work (<paramref name="itemCount"/> × <paramref name="elementsPerItem"/>)
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

        OnThreads(threads, t =>
        {
            int start = (int)((long)itemCount * t / threads);
            int end = (int)((long)itemCount * (t + 1) / threads);
            body(start, end);
        });
    }

    /// <summary>A stateless operator (one whose every instance is the same) over x, spread over threads when large.</summary>
    public static void Unary<TOp>(ReadOnlySpan<float> x, Span<float> y)
        where TOp : struct, IUnaryOperator => Unary(default(TOp), x, y);

    /// <summary>A stateless binary operator, spread over threads when large.</summary>
    public static void Binary<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : struct, IBinaryOperator => Binary(default(TOp), a, b, z);

    /// <summary><see cref="ElementwiseLoop.Unary{TOp}(in TOp, ReadOnlySpan{float}, Span{float})"/>, spread over threads when large.</summary>
    /// <remarks>The operator is passed by value to each thread: its fields (an activation's parameters) are read-only.</remarks>
    public static void Unary<TOp>(in TOp op, ReadOnlySpan<float> x, Span<float> y)
        where TOp : struct, IUnaryOperator
    {
        // NOTE: each thread's share, not the whole call, decides the store strategy (the same for every chunk). At 4M
        // floats (16 MiB of output) one thread is faster streaming (0.114–0.119 ns/element against 0.126–0.158), but two
        // threads writing 8 MiB each run at cache speed with regular stores (0.05–0.07 against 0.084–0.09 streaming):
        // BenchmarkDotNet, StoreStrategyBenchmarks, Zen 5 (docs/performance.md).
        int threads = ThreadsFor(Work(x.Length, TOp.Unroll));
        bool nonTemporal = ElementwiseLoop.UseNonTemporal(x.Length / threads, ElementwiseLoop.SameStart(x, y), TOp.Unroll);
        if (threads == 1)
        {
            ElementwiseLoop.Unary<TOp>(in op, x, y, nonTemporal);
            return;
        }

        UnaryOnThreads<TOp>(in op, x, y, threads, nonTemporal);
    }

    // NOTE: the threaded halves live in their own methods: a lambda capturing a method's locals makes the compiler
    // allocate the closure at the start of that method, so a single-threaded call paid 48 bytes of garbage.
    private static void UnaryOnThreads<TOp>(in TOp op, ReadOnlySpan<float> x, Span<float> y, int threads, bool nonTemporal)
        where TOp : struct, IUnaryOperator
    {
        fixed (float* px = x, py = y)
        {
            nint xs = (nint)px, ys = (nint)py;
            int n = x.Length, lead = LeadOf((nuint)py);
            TOp body = op;   // an in parameter cannot be captured
            OnThreads(threads, t =>
            {
                (int start, int count) = Chunk(n, threads, t, lead);
                ElementwiseLoop.Unary<TOp>(in body,
                    new ReadOnlySpan<float>((float*)xs + start, count), new Span<float>((float*)ys + start, count), nonTemporal);
            });
        }
    }

    /// <summary><see cref="ElementwiseLoop.Binary{TOp}(in TOp, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>, spread over threads when large.</summary>
    public static void Binary<TOp>(in TOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : struct, IBinaryOperator
    {
        int threads = ThreadsFor(Work(a.Length, TOp.Unroll));
        bool nonTemporal = ElementwiseLoop.UseNonTemporal(
            a.Length / threads, ElementwiseLoop.SameStart(a, z) || ElementwiseLoop.SameStart(b, z), TOp.Unroll);
        if (threads == 1)
        {
            ElementwiseLoop.Binary<TOp>(in op, a, b, z, nonTemporal);
            return;
        }

        BinaryOnThreads<TOp>(in op, a, b, z, threads, nonTemporal);
    }

    private static void BinaryOnThreads<TOp>(in TOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z, int threads, bool nonTemporal)
        where TOp : struct, IBinaryOperator
    {
        fixed (float* pa = a, pb = b, pz = z)
        {
            nint aa = (nint)pa, bb = (nint)pb, zz = (nint)pz;
            int n = a.Length, lead = LeadOf((nuint)pz);
            TOp body = op;   // an in parameter cannot be captured
            OnThreads(threads, t =>
            {
                (int start, int count) = Chunk(n, threads, t, lead);
                ElementwiseLoop.Binary<TOp>(in body,
                    new ReadOnlySpan<float>((float*)aa + start, count),
                    new ReadOnlySpan<float>((float*)bb + start, count),
                    new Span<float>((float*)zz + start, count),
                    nonTemporal);
            });
        }
    }

    /// <summary>
    /// Runs body(0) … body(threads − 1), each exactly once: body(0) always on this thread, the rest on whichever of
    /// this thread and up to threads − 1 pool threads claims them first.
    /// </summary>
    private static void OnThreads(int threads, Action<int> body)
    {
        var chunks = new SharedChunks(threads, body);
        for (int t = 1; t < threads; t++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static c => c.Work(), chunks, preferLocal: false);
        }

        chunks.Run(0);
        chunks.Work();
        chunks.WaitForAll();
    }

    /// <summary>
    /// Chunks 1 … count − 1 go to whoever claims them first, one at a time (chunk 0 is the caller's). The caller
    /// claims too, so when the pool is slow to start a helper (a busy machine) it simply does more chunks itself
    /// instead of waiting idle; a helper that starts after everything is claimed finds nothing and returns. The
    /// caller waits only for chunks that were claimed and are still running.
    /// </summary>
    private sealed class SharedChunks(int count, Action<int> body)
    {
        private readonly ManualResetEventSlim _finished = new(false);
        private int _next;   // the last chunk claimed; chunk 0 is never claimed, the caller runs it
        private int _done;
        private Exception? _error;

        public void Work()
        {
            int index;
            while ((index = Interlocked.Increment(ref _next)) < count)
            {
                Run(index);
            }
        }

        public void Run(int index)
        {
            try
            {
                body(index);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, e, null);   // NOTE: a pool thread must not throw: keep it for the caller
            }
            finally
            {
                if (Interlocked.Increment(ref _done) == count)
                {
                    _finished.Set();
                }
            }
        }

        public void WaitForAll()
        {
            _finished.Wait();
            if (_error is not null)
            {
                ExceptionDispatchInfo.Throw(_error);
            }
        }
    }
}
