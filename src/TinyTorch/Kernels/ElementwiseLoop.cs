using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
/// <em>loaded before anything is stored</em> and stored after the loop.
/// Callers validate lengths and overlap first (<see cref="SpanChecks"/>).
/// </remarks>
internal static class ElementwiseLoop
{
    /// <summary>y[i] = TOp(x[i]) for every i; x and y have equal length and may be the same memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unary<TOp>(ReadOnlySpan<float> x, Span<float> y)
        where TOp : IUnaryOperator
    {
        if (TOp.Vectorizable)
        {
            if (Width512.IsAccelerated && x.Length >= Width512.Count)
            {
                Unary<TOp, Vector512<float>, Width512>(x, y);
                return;
            }

            if (Width256.IsAccelerated && x.Length >= Width256.Count)
            {
                Unary<TOp, Vector256<float>, Width256>(x, y);
                return;
            }

            if (Width128.IsAccelerated && x.Length >= Width128.Count)
            {
                Unary<TOp, Vector128<float>, Width128>(x, y);
                return;
            }
        }

        for (int i = 0; i < x.Length; i++)
        {
            y[i] = TOp.Invoke(x[i]);
        }
    }

    /// <summary>z[i] = TOp(a[i], b[i]) for every i; all three have equal length, z may be a or b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Binary<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : IBinaryOperator
    {
        if (TOp.Vectorizable)
        {
            if (Width512.IsAccelerated && a.Length >= Width512.Count)
            {
                Binary<TOp, Vector512<float>, Width512>(a, b, z);
                return;
            }

            if (Width256.IsAccelerated && a.Length >= Width256.Count)
            {
                Binary<TOp, Vector256<float>, Width256>(a, b, z);
                return;
            }

            if (Width128.IsAccelerated && a.Length >= Width128.Count)
            {
                Binary<TOp, Vector128<float>, Width128>(a, b, z);
                return;
            }
        }

        for (int i = 0; i < a.Length; i++)
        {
            z[i] = TOp.Invoke(a[i], b[i]);
        }
    }

    /// <summary>The unary loop at one width; requires x.Length ≥ TW.Count.</summary>
    internal static void Unary<TOp, TVec, TW>(ReadOnlySpan<float> x, Span<float> y)
        where TOp : IUnaryOperator
        where TVec : struct
        where TW : ISimdWidth<TVec>
    {
        ref readonly float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, w = (nuint)TW.Count;

        TVec last = TW.Load(in xs, n - w);   // before any store: see the remarks on in-place

        nuint i = 0;
        for (; i + (4 * w) <= n; i += 4 * w)
        {
            TVec v0 = TW.Load(in xs, i);
            TVec v1 = TW.Load(in xs, i + w);
            TVec v2 = TW.Load(in xs, i + (2 * w));
            TVec v3 = TW.Load(in xs, i + (3 * w));
            TW.Store(TW.Apply<TOp>(v0), ref ys, i);
            TW.Store(TW.Apply<TOp>(v1), ref ys, i + w);
            TW.Store(TW.Apply<TOp>(v2), ref ys, i + (2 * w));
            TW.Store(TW.Apply<TOp>(v3), ref ys, i + (3 * w));
        }

        for (; i + w <= n; i += w)
        {
            TW.Store(TW.Apply<TOp>(TW.Load(in xs, i)), ref ys, i);
        }

        TW.Store(TW.Apply<TOp>(last), ref ys, n - w);
    }

    /// <summary>The binary loop at one width; requires a.Length ≥ TW.Count.</summary>
    internal static void Binary<TOp, TVec, TW>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : IBinaryOperator
        where TVec : struct
        where TW : ISimdWidth<TVec>
    {
        ref readonly float as_ = ref MemoryMarshal.GetReference(a);
        ref readonly float bs = ref MemoryMarshal.GetReference(b);
        ref float zs = ref MemoryMarshal.GetReference(z);
        nuint n = (nuint)a.Length, w = (nuint)TW.Count;

        TVec lastA = TW.Load(in as_, n - w);
        TVec lastB = TW.Load(in bs, n - w);

        nuint i = 0;
        for (; i + (2 * w) <= n; i += 2 * w)
        {
            TVec a0 = TW.Load(in as_, i), b0 = TW.Load(in bs, i);
            TVec a1 = TW.Load(in as_, i + w), b1 = TW.Load(in bs, i + w);
            TW.Store(TW.Apply<TOp>(a0, b0), ref zs, i);
            TW.Store(TW.Apply<TOp>(a1, b1), ref zs, i + w);
        }

        for (; i + w <= n; i += w)
        {
            TW.Store(TW.Apply<TOp>(TW.Load(in as_, i), TW.Load(in bs, i)), ref zs, i);
        }

        TW.Store(TW.Apply<TOp>(lastA, lastB), ref zs, n - w);
    }
}
