using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>Tanhshrink(x) = x − tanh(x), within 1 ULP for every input (no cancellation near 0).</summary>
/// <remarks>
/// x − tanh(x) ≈ x³/3 near 0: subtracting a rounded tanh from x would keep only tanh's rounding error there. Three
/// ranges, all computed and selected per lane (a = |x|; the function is odd, the sign comes from x):
/// <list type="bullet">
/// <item>a &lt; ½: the Taylor series x³·(1/3 − 2x²/15 + 17x⁴/315 − …), nine terms (the next is 2^-29.8 of the sum at
/// a = ½). x³ as an exact pair (x², x²·x and their FMA errors), 1/3 as a float pair, and the rest x⁵·Q(x²) (at most
/// 0.08 of the sum at a = ½, shrinking as x²; three roundings of it, 3·2^-24·0.08 relative, up to twice that in ULPs)
/// go into one final FMA: 0.5 + 0.48 ULP at a = ½ by this count, approaching 0.5 ULP as a → 0.</item>
/// <item>½ ≤ a &lt; 16: with m = e^(−2a) − 1 (<see cref="FloatExpM1"/>'s pair), tanh(a) = −m/(2 + m) and
/// a − tanh(a) = (2a + m·(1 + a))/(2 + m). The numerator cancels (by up to 20× at a = ½), so it is formed on pairs:
/// 1 + a exact, m·(1 + a) by an FMA error product, 2a + that by a TwoSum; m's absolute error (2^-33 here) is then the
/// only one that counts, 2^-33·1.5/0.052 ≤ 2^-28 relative at a = ½; the pair quotient is rounded once
/// (<see cref="FloatQuotient.Divide{TV, TL}"/>): within 0.5 + 2^24·(2^-28 + 2^-30.5) &lt; 0.57 ULP.</item>
/// <item>a ≥ 16: tanh(a) = 1 − 2e^(−2a) (below 2^-45), so x − tanh x = x ∓ 1 ± tiny: x − 0.99999994·sign(x) rounds
/// as the truth does (exact where x ∓ 1 is a float; the 6e−8 only breaks ties, upward in size as the truth does). ±∞ give
/// ±∞ and NaN stays NaN here (the other ranges are not selected for them).</item>
/// </list>
/// Checked over all 2^32 inputs against TanhshrinkMath: at most 0.833 ULP (at x = 0.466238, in the series).
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal readonly struct TanhshrinkOperator : IUnaryOperator
{
    private const float SeriesBelow = 0.5f;
    private const float Linear = 16.0f;
    private const double Third = 1.0 / 3.0;
    private const float ThirdHi = (float)Third;
    private const float ThirdLo = (float)(Third - ThirdHi);
    private const float TwoTo40 = 1099511627776.0f;
    private const float TwoToMinus80 = 8.27180613e-25f;
    private const float TwoToMinus120 = 7.52316385e-37f;

    public static bool Vectorizable => true;

    public static bool Unroll => false;

    // NOTE: not paired. Run two AVX-512 vectors at a time (Paired => true, as Sigmoid is), this body measured 10-50x
    // slower on Zen 4 (Mish 91 ns/element against 1.8 unpaired, Softplus 25 against 1.8: tito bench, 65 536 floats, one
    // thread): two copies no longer fit the registers and the JIT's inlining budget, and the loop spills. SiLU: 0.58
    // unpaired against 0.62.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => Compute<float, FloatScalarLanes>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => Compute<Vector128<float>, FloatLanes128>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => Compute<Vector256<float>, FloatLanes256>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => Compute<Vector512<float>, FloatLanes512>(x);


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV one = TL.Create(1.0f);
        TV two = TL.Create(2.0f);
        TV a = TL.AtMost(TL.Subtract(zero, TL.NegativeAbs(x)), Linear);

        // a < ½: the series on x (odd), at 2^120 times scale so that x³ and its error terms stay normal down to the
        // smallest x whose result is normal (x³/3 ≥ 2^-126 from x ≈ 3e−13 on; unscaled, x³'s error term would be subnormal).
        TV xs = TL.Multiply(x, TL.Create(TwoTo40));
        TV x2s = TL.Multiply(xs, xs);
        TV x2sLo = TL.MultiplyAdd(xs, xs, TL.Subtract(zero, x2s));
        TV x3 = TL.Multiply(x2s, xs);
        TV x3Lo = TL.MultiplyAdd(x2sLo, xs, TL.MultiplyAdd(x2s, xs, TL.Subtract(zero, x3)));
        TV x2 = TL.Multiply(x2s, TL.Create(TwoToMinus80));
        TV q = TL.Create(0.000239129114f);
        q = TL.MultiplyAdd(q, x2, TL.Create(-0.000590027441f));
        q = TL.MultiplyAdd(q, x2, TL.Create(0.00145583439f));
        q = TL.MultiplyAdd(q, x2, TL.Create(-0.00359212804f));
        q = TL.MultiplyAdd(q, x2, TL.Create(0.00886323553f));
        q = TL.MultiplyAdd(q, x2, TL.Create(-0.0218694885f));
        q = TL.MultiplyAdd(q, x2, TL.Create(0.0539682540f));
        q = TL.MultiplyAdd(q, x2, TL.Create(-0.133333333f));
        TV seriesTail = TL.MultiplyAdd(TL.Multiply(x3, x2), q, TL.MultiplyAdd(x3, TL.Create(ThirdLo), TL.Multiply(x3Lo, TL.Create(ThirdHi))));

        // NOTE: scaling back by 2^-120 is exact where the result is normal; + 0 turns −0 into +0 (x − tanh x at −0 is
        // −0 − (−0) = +0 in PyTorch) and changes nothing else.
        TV series = TL.Add(TL.Multiply(TL.MultiplyAdd(x3, TL.Create(ThirdHi), seriesTail), TL.Create(TwoToMinus120)), zero);

        // ½ ≤ a < 16: (2a + m(1 + a))/(2 + m) on pairs.
        TV mHi = FloatExpM1.ExpM1<TV, TL>(TL.Multiply(a, TL.Create(-2.0f)), zero, false, out TV mLo);
        TV pHi = TL.Add(one, a);
        TV pLo = TL.Add(TL.Subtract(TL.Larger(a, one), pHi), TL.Smaller(a, one));
        TV prodHi = TL.Multiply(mHi, pHi);
        TV prodLo = TL.MultiplyAdd(mHi, pLo, TL.MultiplyAdd(mLo, pHi, TL.MultiplyAdd(mHi, pHi, TL.Subtract(zero, prodHi))));
        TV twoA = TL.Add(a, a);
        TV numHi = TL.Add(twoA, prodHi);
        TV bVirtual = TL.Subtract(numHi, twoA);
        TV numError = TL.Add(TL.Subtract(twoA, TL.Subtract(numHi, bVirtual)), TL.Subtract(prodHi, bVirtual));
        TV denHi = TL.Add(two, mHi);
        TV denLo = TL.Add(TL.Add(TL.Subtract(two, denHi), mHi), mLo);
        TV ratio = FloatQuotient.Divide<TV, TL>(numHi, TL.Add(numError, prodLo), denHi, denLo);
        TV middle = TL.CopySign(ratio, x);

        // a ≥ 16 (and ±∞, NaN): x ∓ 1, ties broken as the truth x ∓ (1 − tiny) breaks them.
        TV linear = TL.Subtract(x, TL.CopySign(TL.Create(0.99999994f), x));

        TV absX = TL.Subtract(zero, TL.NegativeAbs(x));
        return TL.SelectWhereBelow(absX, SeriesBelow, series, TL.SelectWhereBelow(absX, Linear, middle, linear));
    }
}
