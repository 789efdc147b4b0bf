using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TinyTorch.Kernels;

/// <summary>
/// The one loop every element-wise kernel runs through: picks the widest accelerated vector width,
/// unrolls by four, and finishes the remainder with one overlapping vector instead of a scalar tail.
/// </summary>
/// <remarks>
/// The overlapping-last-vector trick: for n = 21 floats and 8-float vectors, blocks start at 0 and 8,
/// and the last vector starts at 21 − 8 = 13, recomputing elements 13–15. Recomputing is harmless because
/// the operator is a pure function of its input — provided that input is still the original one. In place
/// (x and y the same memory) elements 13–15 have already been overwritten by then, so the last vector is
/// <em>loaded before anything is stored</em> and stored after the loop. The head gets the same treatment:
/// the loop starts at the first destination element on a vector boundary, and the elements before it are
/// covered by a first vector, also loaded up front. .NET arrays are only 8-byte aligned, so without this
/// every 64-byte store would straddle two cache lines and cost two (measured on Zen 5, docs/performance.md:
/// aligning the destination made ReLU in cache 13–18 % faster and the heavy operators 3–10 %); streaming
/// stores must be aligned anyway.
/// <para>
/// Store strategy (measured, docs/performance.md): regular stores, except out of place when the output is
/// at least <see cref="NonTemporalMinBytes"/>, where streaming (non-temporal) stores skip the read-for-ownership
/// of each destination line and leave the caches to the input. Below that the output still fits in the last-level
/// cache and is likely read next, so streaming it out to memory is slower (by 15–95 % at 1 MiB of output). In place the
/// destination line has just been read and is in the cache anyway: streaming only evicts it. All of this is for
/// light operators (ReLU, the simple backward passes), which run at memory speed; heavy ones always store normally
/// (ElementwiseLoop.Heavy.cs says why).
/// </para>
/// Callers validate lengths and overlap first (<see cref="SpanChecks"/>).
/// </remarks>
internal static unsafe partial class ElementwiseLoop
{
    /// <summary>
    /// The output size, per thread, from which out-of-place loops use streaming stores: 16 MiB (4M floats), where input
    /// and output together fill the 32 MiB L3 of the machine measured. On one thread streaming won at 4M floats and
    /// above and lost at 1M and below; 2M was a draw. Two threads writing 8 MiB each (4M floats in all) are faster
    /// with regular stores (docs/performance.md).
    /// </summary>
    internal const long NonTemporalMinBytes = 16L << 20;

    /// <summary>Whether a loop writing <paramref name="length"/> floats should stream its stores.</summary>
    /// <param name="length">The number of floats each thread writes (the whole call's on one thread: see ParallelRunner.Unary).</param>
    /// <param name="inPlace">Whether the output is (one of) the input(s).</param>
    /// <param name="light">Whether the operator is light (unrolled); heavy operators never stream (ElementwiseLoop.Heavy.cs).</param>
    /// <returns>True to use non-temporal stores.</returns>
    internal static bool UseNonTemporal(long length, bool inPlace, bool light) =>
        light && !inPlace && length * sizeof(float) >= NonTemporalMinBytes;

    /// <summary>y[i] = TOp(x[i]) for a stateless operator (one whose every instance is the same).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unary<TOp>(ReadOnlySpan<float> x, Span<float> y)
        where TOp : struct, IUnaryOperator => Unary(default(TOp), x, y);

    /// <summary>z[i] = TOp(a[i], b[i]) for a stateless operator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Binary<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : struct, IBinaryOperator => Binary(default(TOp), a, b, z);

    /// <summary>y[i] = op(x[i]) for every i; x and y have equal length and may be the same memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unary<TOp>(in TOp op, ReadOnlySpan<float> x, Span<float> y)
        where TOp : struct, IUnaryOperator =>
        Unary<TOp>(in op, x, y, UseNonTemporal(x.Length, SameStart(x, y), TOp.Unroll));

    /// <summary>y[i] = TOp(x[i]) for every i, with the store strategy chosen by the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unary<TOp>(in TOp op, ReadOnlySpan<float> x, Span<float> y, bool nonTemporal)
        where TOp : struct, IUnaryOperator
    {
        if (TOp.Vectorizable)
        {
            if (Width512.IsAccelerated && x.Length >= Width512.Count)
            {
                Unary<TOp, Vector512<float>, Width512>(in op, x, y, nonTemporal);
                return;
            }

            if (Width256.IsAccelerated && x.Length >= Width256.Count)
            {
                Unary<TOp, Vector256<float>, Width256>(in op, x, y, nonTemporal);
                return;
            }

            if (Width128.IsAccelerated && x.Length >= Width128.Count)
            {
                Unary<TOp, Vector128<float>, Width128>(in op, x, y, nonTemporal);
                return;
            }
        }

        UnaryScalar<TOp>(in op, x, y);
    }

    /// <summary>z[i] = TOp(a[i], b[i]) for every i; all three have equal length, z may be a or b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Binary<TOp>(in TOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : struct, IBinaryOperator =>
        Binary<TOp>(in op, a, b, z, UseNonTemporal(a.Length, SameStart(a, z) || SameStart(b, z), TOp.Unroll));

    /// <summary>z[i] = TOp(a[i], b[i]) for every i, with the store strategy chosen by the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Binary<TOp>(in TOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z, bool nonTemporal)
        where TOp : struct, IBinaryOperator
    {
        if (TOp.Vectorizable)
        {
            if (Width512.IsAccelerated && a.Length >= Width512.Count)
            {
                Binary<TOp, Vector512<float>, Width512>(in op, a, b, z, nonTemporal);
                return;
            }

            if (Width256.IsAccelerated && a.Length >= Width256.Count)
            {
                Binary<TOp, Vector256<float>, Width256>(in op, a, b, z, nonTemporal);
                return;
            }

            if (Width128.IsAccelerated && a.Length >= Width128.Count)
            {
                Binary<TOp, Vector128<float>, Width128>(in op, a, b, z, nonTemporal);
                return;
            }
        }

        BinaryScalar<TOp>(in op, a, b, z);
    }

    /// <summary>Whether two spans start at the same element (the only overlap callers allow).</summary>
    internal static bool SameStart(ReadOnlySpan<float> x, ReadOnlySpan<float> y) =>
        Unsafe.AreSame(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y));

    // NOTE: AggressiveOptimization skips tiered compilation. A large call runs this loop once for millions of
    // elements, so the method may never be called the 30 times that promote it from its first (OSR) version
    // to the fully optimized one: measured 4.8 vs 2.4 ns/element for sigmoid at 2M–4M floats on one thread.

    /// <summary>The unary loop at one width; any length (shorter than a vector falls back to scalar).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Unary<TOp, TVec, TW>(in TOp op, ReadOnlySpan<float> x, Span<float> y, bool nonTemporal = false)
        where TOp : struct, IUnaryOperator
        where TVec : struct
        where TW : ISimdWidth<TVec>
    {
        nuint n = (nuint)x.Length, w = (nuint)TW.Count;
        if (n < w)
        {
            UnaryScalar<TOp>(in op, x, y);
            return;
        }

        if (!TOp.Unroll)
        {
            UnaryHeavy<TOp, TVec, TW>(in op, x, y, nonTemporal);
            return;
        }

        ref readonly float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);

        // Both edge vectors are read before any store: see the remarks on in-place.
        TVec first = TW.Load(in xs, 0);
        TVec last = TW.Load(in xs, n - w);

        // Aligned stores: the loop starts at the first vector-aligned destination element, and the head vector,
        // loaded up front, covers the elements before it. Unpinned, the address may move before the loop: that costs
        // only speed, but streaming stores fault when unaligned, so they take the gap again once pinned.
        bool aligned = FloatAligned(ref ys);
        bool streamed = nonTemporal && TW.CanStoreNonTemporal && aligned;
        nuint i = aligned ? AlignmentGap((nuint)Unsafe.AsPointer(ref ys), w) : 0;
        nuint head = i;
        if (streamed)
        {
            fixed (float* py = &ys)
            {
                i = head = AlignmentGap((nuint)py, w);
                for (; i + (4 * w) <= n; i += 4 * w)
                {
                    TVec v0 = TW.Load(in xs, i);
                    TVec v1 = TW.Load(in xs, i + w);
                    TVec v2 = TW.Load(in xs, i + (2 * w));
                    TVec v3 = TW.Load(in xs, i + (3 * w));
                    TW.StoreNonTemporal(TW.Apply(in op, v0), py + i);
                    TW.StoreNonTemporal(TW.Apply(in op, v1), py + i + w);
                    TW.StoreNonTemporal(TW.Apply(in op, v2), py + i + (2 * w));
                    TW.StoreNonTemporal(TW.Apply(in op, v3), py + i + (3 * w));
                }

                FenceStreamingStores();
            }
        }
        else
        {
            for (; i + (4 * w) <= n; i += 4 * w)
            {
                TVec v0 = TW.Load(in xs, i);
                TVec v1 = TW.Load(in xs, i + w);
                TVec v2 = TW.Load(in xs, i + (2 * w));
                TVec v3 = TW.Load(in xs, i + (3 * w));
                TW.Store(TW.Apply(in op, v0), ref ys, i);
                TW.Store(TW.Apply(in op, v1), ref ys, i + w);
                TW.Store(TW.Apply(in op, v2), ref ys, i + (2 * w));
                TW.Store(TW.Apply(in op, v3), ref ys, i + (3 * w));
            }
        }

        for (; i + w <= n; i += w)
        {
            TW.Store(TW.Apply(in op, TW.Load(in xs, i)), ref ys, i);
        }

        // NOTE: the head vector is stored only now, after every load: in place, storing it earlier would
        // overwrite inputs the vector loop above still reads (elements gap … w − 1).
        if (head != 0)
        {
            TW.Store(TW.Apply(in op, first), ref ys, 0);
        }

        TW.Store(TW.Apply(in op, last), ref ys, n - w);
    }

    // NOTE: AggressiveOptimization for the same reason as the unary loop.

    /// <summary>The binary loop at one width; any length (shorter than a vector falls back to scalar).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Binary<TOp, TVec, TW>(in TOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z, bool nonTemporal = false)
        where TOp : struct, IBinaryOperator
        where TVec : struct
        where TW : ISimdWidth<TVec>
    {
        nuint n = (nuint)a.Length, w = (nuint)TW.Count;
        if (n < w)
        {
            BinaryScalar<TOp>(in op, a, b, z);
            return;
        }

        if (!TOp.Unroll)
        {
            BinaryHeavy<TOp, TVec, TW>(in op, a, b, z, nonTemporal);
            return;
        }

        ref readonly float as_ = ref MemoryMarshal.GetReference(a);
        ref readonly float bs = ref MemoryMarshal.GetReference(b);
        ref float zs = ref MemoryMarshal.GetReference(z);

        TVec firstA = TW.Load(in as_, 0), firstB = TW.Load(in bs, 0);
        TVec lastA = TW.Load(in as_, n - w), lastB = TW.Load(in bs, n - w);

        // Aligned stores: the loop starts at the first vector-aligned destination element, and the head vector,
        // loaded up front, covers the elements before it. Unpinned, the address may move before the loop: that costs
        // only speed, but streaming stores fault when unaligned, so they take the gap again once pinned.
        bool aligned = FloatAligned(ref zs);
        bool streamed = nonTemporal && TW.CanStoreNonTemporal && aligned;
        nuint i = aligned ? AlignmentGap((nuint)Unsafe.AsPointer(ref zs), w) : 0;
        nuint head = i;
        if (streamed)
        {
            fixed (float* pz = &zs)
            {
                i = head = AlignmentGap((nuint)pz, w);
                for (; i + (2 * w) <= n; i += 2 * w)
                {
                    TVec a0 = TW.Load(in as_, i), b0 = TW.Load(in bs, i);
                    TVec a1 = TW.Load(in as_, i + w), b1 = TW.Load(in bs, i + w);
                    TW.StoreNonTemporal(TW.Apply(in op, a0, b0), pz + i);
                    TW.StoreNonTemporal(TW.Apply(in op, a1, b1), pz + i + w);
                }

                FenceStreamingStores();
            }
        }
        else
        {
            for (; i + (2 * w) <= n; i += 2 * w)
            {
                TVec a0 = TW.Load(in as_, i), b0 = TW.Load(in bs, i);
                TVec a1 = TW.Load(in as_, i + w), b1 = TW.Load(in bs, i + w);
                TW.Store(TW.Apply(in op, a0, b0), ref zs, i);
                TW.Store(TW.Apply(in op, a1, b1), ref zs, i + w);
            }
        }

        for (; i + w <= n; i += w)
        {
            TW.Store(TW.Apply(in op, TW.Load(in as_, i), TW.Load(in bs, i)), ref zs, i);
        }

        if (head != 0)
        {
            TW.Store(TW.Apply(in op, firstA, firstB), ref zs, 0);   // after every load, as in the unary loop
        }

        TW.Store(TW.Apply(in op, lastA, lastB), ref zs, n - w);
    }

    /// <summary>
    /// How many floats from the float-aligned <paramref name="address"/> to the next address aligned to a whole
    /// vector of <paramref name="w"/> floats: always less than <paramref name="w"/>, so the first vector covers them.
    /// </summary>
    internal static nuint AlignmentGap(nuint address, nuint w)
    {
        nuint bytes = w * sizeof(float);
        return ((bytes - (address & (bytes - 1))) & (bytes - 1)) / sizeof(float);
    }

    /// <summary>Whether a streaming loop can reach vector alignment from this destination by whole floats.</summary>
    // NOTE: a span cast from bytes may start at an address that is not a multiple of 4; no whole number of
    // floats makes it vector-aligned, and an aligned streaming store there would fault. Such calls store normally. Reading the address
    // unpinned is safe here: the GC moves objects by multiples of 8 bytes, so these two low bits survive a move.
    internal static bool FloatAligned(ref float destination) => ((nuint)Unsafe.AsPointer(ref destination) & (sizeof(float) - 1)) == 0;

    internal static void FenceStreamingStores()
    {
        // Streaming stores are weakly ordered: without the fence another core (the thread that joins this
        // chunk, or the next kernel) could read the old contents of a line still in a write-combining buffer.
        if (Sse.IsSupported)
        {
            Sse.StoreFence();
        }
    }

    private static void UnaryScalar<TOp>(in TOp op, ReadOnlySpan<float> x, Span<float> y)
        where TOp : struct, IUnaryOperator
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = op.Invoke(x[i]);
        }
    }

    private static void BinaryScalar<TOp>(in TOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : struct, IBinaryOperator
    {
        for (int i = 0; i < a.Length; i++)
        {
            z[i] = op.Invoke(a[i], b[i]);
        }
    }
}
