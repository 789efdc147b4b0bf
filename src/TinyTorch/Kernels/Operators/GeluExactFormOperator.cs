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
/// (tito check accuracy --exhaustive): 1.191 ULP at worst, x = −13.0974 (the far tail, just above underflow, where m
/// is evaluated least precisely); 1.10 over every 17th float32. (The version before the table-driven e^(−a²/2) and
/// the two-FMA low part: 1.138 and 1.06, about 10 % slower.)
/// NOTE: the Fast2Sum that kept X − P at one rounding (1.025 ULP) cost four instructions on the FMA-bound loop; the
/// rounding of hi + lo spends part of the 2-ULP budget instead. Below 2^-126 the result is in the underflow tail and
/// only 2^-126 absolute is due (see <see cref="FloatNormalTail"/>).
/// Special values: the sign comes from X: GELU(±0) = ±0 and the underflowed negative tail, GELU(−∞) included, is
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
        // copy of the tail's body cost the common path 12 % (0.72 → 0.81 ns/element, one thread, min of 20 rounds).
        return TL.AnyBelowNegative(x, DeepFrom) ? WithSubnormalTail<TV, TL>(x, gelu) : gelu;
    }

    /// <summary><paramref name="gelu"/> with the lanes below <see cref="DeepFrom"/> replaced by <see cref="SubnormalTail"/>'s.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV WithSubnormalTail<TV, TL>(TV x, TV gelu)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        TL.SelectWhereBelow(x, DeepFrom, SubnormalTail<TV, TL>(x), gelu);

    /// <summary>
    /// GELU(x) = −a·Q(a) for x below <see cref="DeepFrom"/> (and −∞): a·Q(a)·2^64 rounded once to float (2^-24 relative,
    /// at most a quarter of a subnormal ULP for a result below 2^-126), then scaled back by 2^-64 with the sign in the
    /// same FMA, which rounds it on the subnormal grid; −0 from x = −14.26 down, as the main path gives beyond its clamp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SubnormalTail<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV hi = FloatNormalTail.TimesUpperTailTwoTo64<TV, TL>(x, out TV lo, out TV scale);
        return TL.NegatedMultiplyAdd(TL.Multiply(scale, TL.Add(hi, lo)), TL.Create(FloatExp.TwoToMinus64), TL.Create(-0.0f));
    }
}
