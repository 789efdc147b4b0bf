using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>The loops for heavy operators (<see cref="IUnaryOperator.Unroll"/> or <see cref="IBinaryOperator.Unroll"/> false).</summary>
/// <remarks>
/// NOTE: a heavy body (an exp, a division and error-compensated float pairs: 60–120 instructions) must be inlined
/// to run well: as a call, each vector pays for passing vectors through memory and re-loading ~20 constants, and the
/// core cannot overlap one call's long dependency chain with the next (measured: sigmoid 0.72 vs 0.43 ns/element in
/// cache). But the JIT inlines within a budget per compiled method, and the ordinary loop holds four or five copies of
/// the body (the loop, the remainder and both edge vectors): past the budget it silently stops inlining, and the
/// leftover calls start life unoptimized (measured: GELU 6–25 ns/element at 4K–256K). So here the body appears
/// exactly once, in a `Run` method compiled on its own with a budget of its own; the edge vectors go through it
/// too, via a small scratch buffer.
/// <para>
/// Operators that say <see cref="IUnaryOperator.Paired"/> (or <see cref="IBinaryOperator.Paired"/>) run at 512 bits two
/// vectors per step (<see cref="RunPaired{TOp}(in TOp, ref readonly float, float*, nuint)"/>,
/// <see cref="VectorMath.FloatLanes512Pair"/>): one vector's body is a long dependency chain (sigmoid: ~45 cycles
/// through an exponential, a division and its correction), and the one-vector loop was
/// measured to be bound by how many waiting instructions the core holds, not by its execution units; alternating two
/// vectors' instructions was ~10 % faster at 4K–256K floats on Zen 5 (sigmoid), 2–12 % for tanh and the GELU forms.
/// (Plain unrolling by 2, the two bodies one after the other, gained nothing.)
/// </para>
/// <para>
/// The kernels never ask these loops to stream (<see cref="UseNonTemporal"/>): a heavy body produces its output slowly
/// enough that the read-for-ownership of each destination line is hidden, while streaming stores measured 15–30 %
/// slower at 4M–16M floats, on one thread and on two (sigmoid at 16M: 0.53 vs 0.69 ns/element on one thread, 0.27 vs
/// 0.35 on two; docs/performance.md). The streaming path stays so that <c>--probe store</c> can repeat that measurement.
/// </para>
/// </remarks>
internal static unsafe partial class ElementwiseLoop
{
    /// <summary>y = TOp(x) for n ≥ one vector, with the body inlined once (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnaryHeavy<TOp, TVec, TW>(in TOp op, ReadOnlySpan<float> x, Span<float> y, bool nonTemporal)
        where TOp : struct, IUnaryOperator
        where TVec : struct
        where TW : ISimdWidth<TVec>
    {
        nuint n = (nuint)x.Length, w = (nuint)TW.Count;
        ref readonly float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);

        // The head and the overlapping last vector, copied before anything is stored (in place: see the class remarks).
        float* edges = stackalloc float[32];
        TW.Store(TW.Load(in xs, 0), ref *edges, 0);
        TW.Store(TW.Load(in xs, n - w), ref *edges, w);

        bool aligned = FloatAligned(ref ys);
        bool streamed = nonTemporal && TW.CanStoreNonTemporal && aligned;
        nuint start = 0;
        fixed (float* py = &ys)
        {
            if (aligned)
            {
                start = AlignmentGap((nuint)py, w);
            }

            nuint whole = (n - start) / w * w;
            if (Pairs<TOp, TVec>(streamed))
            {
                RunPaired<TOp>(in op, in Unsafe.Add(ref Unsafe.AsRef(in xs), start), py + start, whole);
            }
            else
            {
                Run<TOp, TVec, TW>(in op, in Unsafe.Add(ref Unsafe.AsRef(in xs), start), py + start, whole, streamed);
            }

            if (streamed)
            {
                FenceStreamingStores();
            }
        }

        // The head is needed only where the aligned loop began past element 0.
        nuint first = start == 0 ? w : 0;
        if (Pairs<TOp, TVec>(streaming: false))
        {
            RunPaired<TOp>(in op, in edges[first], edges + first, (2 * w) - first);
        }
        else
        {
            Run<TOp, TVec, TW>(in op, in edges[first], edges + first, (2 * w) - first, streaming: false);
        }

        if (start != 0)
        {
            TW.Store(TW.Load(in *edges, 0), ref ys, 0);
        }

        TW.Store(TW.Load(in *edges, w), ref ys, n - w);
    }

    /// <summary>Whether <see cref="RunPaired{TOp}(in TOp, ref readonly float, float*, nuint)"/> replaces the one-vector loop: the operator asks for it, the width is 512 bits, no streaming.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Pairs<TOp, TVec>(bool streaming)
        where TOp : struct, IUnaryOperator
        where TVec : struct =>
        TOp.Paired && typeof(TVec) == typeof(Vector512<float>) && !streaming;

    /// <summary>
    /// y[i] = TOp(x[i]) for count floats, a whole number of 16-float vectors, two vectors per step through
    /// <see cref="IUnaryOperator.Invoke(Vector512Pair)"/>; an odd last vector is paired with itself.
    /// </summary>
    /// <remarks>
    /// NOTE: the pair body is the only copy of the operator in this method (the odd vector goes through it too, rather
    /// than through a one-vector body after the loop): two heavy bodies would run into the inlining budget (class remarks).
    /// Both vectors are loaded before either is stored, so in place is safe.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void RunPaired<TOp>(in TOp op, ref readonly float x, float* y, nuint count)
        where TOp : struct, IUnaryOperator
    {
        const nuint W = 16;
        for (nuint i = 0; i < count; i += 2 * W)
        {
            nuint second = Math.Min(i + W, count - W);
            Vector512Pair result = op.Invoke(new Vector512Pair(Vector512.LoadUnsafe(in x, i), Vector512.LoadUnsafe(in x, second)));
            result.First.Store(y + i);
            result.Second.Store(y + second);
        }
    }

    /// <summary>y[i] = TOp(x[i]) for count floats, a whole number of vectors; streaming stores need y vector-aligned.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Run<TOp, TVec, TW>(in TOp op, ref readonly float x, float* y, nuint count, bool streaming)
        where TOp : struct, IUnaryOperator
        where TVec : struct
        where TW : ISimdWidth<TVec>
    {
        nuint w = (nuint)TW.Count;
        for (nuint i = 0; i < count; i += w)
        {
            TVec result = TW.Apply(in op, TW.Load(in x, i));
            if (streaming)
            {
                TW.StoreNonTemporal(result, y + i);
            }
            else
            {
                TW.Store(result, ref *(y + i), 0);
            }
        }
    }

    /// <summary>z = TOp(a, b) for n ≥ one vector, with the body inlined once (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BinaryHeavy<TOp, TVec, TW>(in TOp op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z, bool nonTemporal)
        where TOp : struct, IBinaryOperator
        where TVec : struct
        where TW : ISimdWidth<TVec>
    {
        nuint n = (nuint)a.Length, w = (nuint)TW.Count;
        ref readonly float as_ = ref MemoryMarshal.GetReference(a);
        ref readonly float bs = ref MemoryMarshal.GetReference(b);
        ref float zs = ref MemoryMarshal.GetReference(z);

        // Heads and overlapping last vectors of both inputs, copied before anything is stored: a[0..2w) and b[0..2w).
        float* edges = stackalloc float[64];
        TW.Store(TW.Load(in as_, 0), ref *edges, 0);
        TW.Store(TW.Load(in as_, n - w), ref *edges, w);
        TW.Store(TW.Load(in bs, 0), ref *edges, 2 * w);
        TW.Store(TW.Load(in bs, n - w), ref *edges, 3 * w);

        bool aligned = FloatAligned(ref zs);
        bool streamed = nonTemporal && TW.CanStoreNonTemporal && aligned;
        nuint start = 0;
        fixed (float* pz = &zs)
        {
            if (aligned)
            {
                start = AlignmentGap((nuint)pz, w);
            }

            nuint whole = (n - start) / w * w;
            if (PairsBinary<TOp, TVec>(streamed))
            {
                RunPaired<TOp>(in op, in Unsafe.Add(ref Unsafe.AsRef(in as_), start), in Unsafe.Add(ref Unsafe.AsRef(in bs), start), pz + start, whole);
            }
            else
            {
                Run<TOp, TVec, TW>(in op, in Unsafe.Add(ref Unsafe.AsRef(in as_), start), in Unsafe.Add(ref Unsafe.AsRef(in bs), start), pz + start, whole, streamed);
            }

            if (streamed)
            {
                FenceStreamingStores();
            }
        }

        // Results land in edges[0..2w): head (needed only where the aligned loop began past element 0), then tail.
        nuint first = start == 0 ? w : 0;
        if (PairsBinary<TOp, TVec>(streaming: false))
        {
            RunPaired<TOp>(in op, in edges[first], in edges[(2 * w) + first], edges + first, (2 * w) - first);
        }
        else
        {
            Run<TOp, TVec, TW>(in op, in edges[first], in edges[(2 * w) + first], edges + first, (2 * w) - first, streaming: false);
        }

        if (start != 0)
        {
            TW.Store(TW.Load(in *edges, 0), ref zs, 0);
        }

        TW.Store(TW.Load(in *edges, w), ref zs, n - w);
    }

    /// <summary>As <see cref="Pairs{TOp, TVec}"/>, for a binary operator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool PairsBinary<TOp, TVec>(bool streaming)
        where TOp : struct, IBinaryOperator
        where TVec : struct =>
        TOp.Paired && typeof(TVec) == typeof(Vector512<float>) && !streaming;

    /// <summary>
    /// z[i] = TOp(a[i], b[i]) for count floats, a whole number of 16-float vectors, two vectors per step (as the unary
    /// <see cref="RunPaired{TOp}(in TOp, ref readonly float, float*, nuint)"/>); all four inputs are loaded before either store.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void RunPaired<TOp>(in TOp op, ref readonly float a, ref readonly float b, float* z, nuint count)
        where TOp : struct, IBinaryOperator
    {
        const nuint W = 16;
        for (nuint i = 0; i < count; i += 2 * W)
        {
            nuint second = Math.Min(i + W, count - W);
            Vector512Pair result = op.Invoke(
                new Vector512Pair(Vector512.LoadUnsafe(in a, i), Vector512.LoadUnsafe(in a, second)),
                new Vector512Pair(Vector512.LoadUnsafe(in b, i), Vector512.LoadUnsafe(in b, second)));
            result.First.Store(z + i);
            result.Second.Store(z + second);
        }
    }

    /// <summary>z[i] = TOp(a[i], b[i]) for count floats, a whole number of vectors; streaming stores need z vector-aligned.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Run<TOp, TVec, TW>(in TOp op, ref readonly float a, ref readonly float b, float* z, nuint count, bool streaming)
        where TOp : struct, IBinaryOperator
        where TVec : struct
        where TW : ISimdWidth<TVec>
    {
        nuint w = (nuint)TW.Count;
        for (nuint i = 0; i < count; i += w)
        {
            TVec result = TW.Apply(in op, TW.Load(in a, i), TW.Load(in b, i));
            if (streaming)
            {
                TW.StoreNonTemporal(result, z + i);
            }
            else
            {
                TW.Store(result, ref *(z + i), 0);
            }
        }
    }
}
