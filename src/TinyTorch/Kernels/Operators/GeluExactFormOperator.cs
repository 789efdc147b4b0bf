using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>GELU, exact form x·Φ(x) = ½·x·erfc(−x/√2), within 2 ULP of the correctly rounded result for every input.</summary>
/// <remarks>
/// Float-lane math throughout. With a = |x| and P = a·Q(a) = scale·(hi + lo) from
/// <see cref="FloatNormalTail.TimesUpperTail{TV, TL}"/> (Q the upper normal tail: Φ(x) = Q(a) for x &lt; 0 and
/// 1 − Q(a) for x ≥ 0), GELU(x) = −P for x &lt; 0 and x − P for x ≥ 0: one expression, X − scale·(hi + lo) with
/// X = max(x, −0), by one addition and one FMA. So the negative tail is computed directly, never as 1 + erf, and
/// keeps its relative precision down to underflow.
/// Error: P is within 2^-24 relative (0.75·2^-24 by the budget) before hi + lo is rounded.
/// For x &lt; 0 scale·(hi + lo) is exact wherever the result is normal, so the result is rounded once: ≤ 0.5 ULP plus
/// P's error. For x ≥ 0 two roundings (hi + lo, then the FMA), with P's error and the first rounding damped by
/// P/GELU(x) = Q(x)/(1 − Q(x)) ≤ 1: ≤ 1 ULP + P's error times that ratio. Bound by this count: 1.25 ULP for x &lt; 0,
/// 1.75 for x ≥ 0. Checked over all 2^32 inputs
/// (tito check accuracy --exhaustive): 1.191 ULP at worst where the result is normal, x = −13.0974 (the far tail, just
/// above underflow, where m is evaluated least precisely), and 1.5 in subnormal spacing, at subnormal x (9.1e−44, where
/// x − P with P ≈ x/2 is formed in the subnormals); 1.10 over every 17th float32. (The version before the table-driven e^(−a²/2) and
/// the two-FMA low part: 1.138 and 1.06, about 10 % slower.)
/// NOTE: the Fast2Sum that kept X − P at one rounding (1.025 ULP) cost four instructions on the FMA-bound loop; the
/// rounding of hi + lo spends part of the 2-ULP budget instead. Below 2^-126 the bound holds in subnormal spacing
/// (2^-149): for x &lt; −13.2 (where 2^K underflows from −13.24 on) a rare-lane call computes a·Q(a) at 2^64 scale and
/// rounds it once on the subnormal grid (<see cref="SubnormalTail"/>; it was −0 on [−14.26, −13.24]): within 0.61 ULP
/// there (every float of [−14.6, −13.2]); 1.5 ULP for subnormal x ≥ 0 (x − P with P ≈ x/2 formed in the
/// subnormals), the strided scan's worst.
/// Special values: the sign comes from X: GELU(±0) = ±0 and the negative tail below −14.26, GELU(−∞) included, is
/// −0 (X = −0 there, and −0 − 0 = −0); +∞ gives +∞ (scale is 0 from the clamp, so no ∞ − ∞ can arise); for large
/// finite x, x − P rounds to x; NaN stays NaN. Every width runs the same float operations (FMA everywhere), so all
/// agree bit for bit; at 512 bits the heavy loop runs two vectors at a time (<see cref="Paired"/>: 2–12 % faster,
/// measured interleaved on Zen 5).
/// It replaces a double-lane version (NormalTail through FloatViaDouble, since removed; 0.50 ULP) that
/// ran 3.3× slower: 1.74 against 0.54 ns/element for 4 096 floats on one AVX-512 thread, in the same probe run.
/// </remarks>
internal readonly struct GeluExactFormOperator : IUnaryOperator
{
    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public static bool Paired => true;

    /// <summary>Where the deep tail takes over: a·Q(a) is below 2^-126 from a = 13.2 on, and 2^K underflows from 13.24.</summary>
    internal const float DeepFrom = -13.2f;

    /// <summary>2^-62: adding it rounds a value in [0, 2^-62) to multiples of 2^-85, the subnormal grid at 2^64 scale.</summary>
    private const float GridMagic = 2.16840434e-19f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => Compute<float, FloatScalarLanes>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => Compute<Vector128<float>, FloatLanes128>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => Compute<Vector256<float>, FloatLanes256>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => Compute<Vector512<float>, FloatLanes512>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Pair Invoke(Vector512Pair x) => Compute<Vector512Pair, FloatLanes512Pair>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV hi = FloatNormalTail.TimesUpperTail<TV, TL>(x, out TV lo, out TV scale);
        TV positive = TL.AtLeast(x, -0.0f);
        TV gelu = TL.NegatedMultiplyAdd(scale, TL.Add(hi, lo), positive);

        // NOTE: from x = −13.24 down scale is 0 (2^K underflows) while the truth is subnormal down to −14.26. Rare in
        // real inputs, so only vectors that hold such a lane pay for the deep tail, and it is a call: inlined, its second
        // copy of the tail's body cost the common path 12 % (0.72 → 0.81 ns/element, one thread, min of 20 rounds). The
        // test itself (an integer maximum and compare per pair of vectors) still costs about 2 % (0.730 → 0.744 at
        // 262 144, 0.715 → 0.730 at 4M, one thread, best of two min-of-20 runs each, interleaved).
        return TL.AnyBelowNegative(x, DeepFrom) ? WithSubnormalTail<TV, TL>(x, gelu) : gelu;
    }

    /// <summary><paramref name="gelu"/> with the lanes below <see cref="DeepFrom"/> replaced by <see cref="SubnormalTail"/>'s.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV WithSubnormalTail<TV, TL>(TV x, TV gelu)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        TL.SelectWhereBelow(x, DeepFrom, SubnormalTail<TV, TL>(x), gelu);

    /// <summary>
    /// GELU(x) = −a·Q(a) for x below <see cref="DeepFrom"/> (and −∞), rounded once on the subnormal grid: a·Q(a)·2^64 =
    /// H + L exactly (both products by 2^(K+64) exact), and the grid there is g = 2^-149·2^64 = 2^-85.
    /// </summary>
    /// <remarks>
    /// p = H + L rounded and its error e′ = (H − p) + L (Fast2Sum: |L| ≤ 0.13·H); T = (p + 2^-62) − 2^-62 is p rounded
    /// to the grid (p &lt; 2^-63 for a ≥ 13.2, so p + 2^-62 lies in [2^-62, 2^-61), whose spacing is g; 2^-62 is an even
    /// multiple of g, so ties go to even as on the subnormal grid), e = p − T exact, and the rest u = e + e′
    /// (|u| ≤ ¾g, rounded at 2^-24 of it) goes to the grid by (u + 1.5·2^-62) − 1.5·2^-62 ∈ {−g, 0, g}. So
    /// H + L is rounded to the grid once (up to a near-tie within 2^-24·g), and −(T + R)·2^-64 is exact: within ½ ULP
    /// in subnormal spacing plus a·Q(a)'s own error (≤ 0.75·2^-24 relative, under 0.375 of a subnormal step below
    /// 2^-126). Rounding H + L to float first and then to the grid lost up to ¼ step more (0.98 measured against 0.61, every float of [−14.6, −13.2]).
    /// −0 from x = −14.26 down, as the main path gives beyond its clamp.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SubnormalTail<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV hi = FloatNormalTail.TimesUpperTailTwoTo64<TV, TL>(x, out TV lo, out TV scale);
        TV h = TL.Multiply(scale, hi);
        TV l = TL.Multiply(scale, lo);
        TV p = TL.Add(h, l);
        TV pError = TL.Add(TL.Subtract(h, p), l);
        TV grid = TL.Create(GridMagic);
        TV t = TL.Subtract(TL.Add(p, grid), grid);
        TV u = TL.Add(TL.Subtract(p, t), pError);
        TV halfGrid = TL.Create(1.5f * GridMagic);
        TV rest = TL.Subtract(TL.Add(u, halfGrid), halfGrid);
        return TL.NegatedMultiplyAdd(TL.Add(t, rest), TL.Create(FloatExp.TwoToMinus64), TL.Create(-0.0f));
    }
}
