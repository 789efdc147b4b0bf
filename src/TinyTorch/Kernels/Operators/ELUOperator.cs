using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// PyTorch's one exponential-linear kernel, which ELU, CELU and SELU all are: x·scale for x &gt; 0,
/// negativeCoefficient·(e^(x/divisor) − 1) otherwise, rounded essentially once; within 0.76 ULP for every input.
/// </summary>
/// <remarks>
/// ELU(alpha) is (alpha, scale 1, divisor 1), CELU(alpha) is (alpha, 1, alpha), SELU is (scale·alpha, scale, 1): the
/// coefficients come as float pairs (hi + lo, SELU's are not floats), and CELU's x/alpha as a pair too.
/// Proof of the bound, x ≤ 0: t = x/divisor is tHi + tLo (tHi the rounded quotient, tLo = fma(−tHi, divisor, x)/divisor,
/// the exact remainder divided: within 2^-48 relative); <see cref="FloatExpM1"/> gives e^t − 1 as hi + lo within 2^-26
/// relative (2^-28 where |t| &lt; 0.0216); the result fma(cHi, hi, fma(cLo, hi, cHi·lo)) rounds once a value within
/// 2^-26 + 2^-35 of the truth (the coefficient pair is within 2^-48, the inner roundings are 2^-24 of terms
/// ≤ 2^-11·|hi|): 0.5 + 2^24·2^-25.9 &lt; 0.76 ULP. x &gt; 0: fma(x, sHi, x·sLo) rounds once x·(sHi + sLo) plus a
/// 2^-24·2^-24 relative term: 0.5 ULP (for scale 1, exactly x); below x = 2^-60 it is formed at 2^64 times scale, so that
/// x·sLo never nears the subnormal range (unscaled, that cost SELU up to 1 ULP at x ≈ 2e−38). Where SELU's result is
/// subnormal (x &lt; 1.1e−38) the scaling back by 2^-64 rounds the product a second time, on the subnormal grid: within
/// 0.75 ULP in subnormal spacing (2^-149; 0.749 measured), inside the 2-ULP bound. Where the truth overflows float (SELU near float.MaxValue)
/// the result is +∞, the rounding of the truth.
/// Edges (PyTorch's expression x &gt; 0 ? … : …): ±0 give +0 (hi = +0, as PyTorch), NaN stays NaN, −∞ gives
/// −negativeCoefficient, +∞ gives +∞ (the correction term is formed from min(x, float.MaxValue), so ∞·0 never occurs).
/// x ≤ 0 is told apart as x &lt; float.Epsilon, the smallest positive float (no comparison-for-≤ in the lanes).
/// Checked over all 2^32 inputs: ELU and CELU(1) at most 0.520 ULP (x = −0.0215639), CELU(0.7) 0.547 ULP
/// (x = −0.0153442), SELU 0.721 ULP (x = −1.329e−38, where cLo·hi is subnormal).
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
/// <param name="negativeHi">The coefficient below 0, high part (alpha, or SELU's scale·alpha).</param>
/// <param name="negativeLo">The coefficient below 0, low part.</param>
/// <param name="positiveHi">The slope above 0, high part (1, or SELU's scale).</param>
/// <param name="positiveLo">The slope above 0, low part.</param>
/// <param name="divisor">What x is divided by inside the exponential (CELU's alpha; 1 for ELU and SELU, no division).</param>
internal readonly struct ELUOperator(float negativeHi, float negativeLo, float positiveHi, float positiveLo, float divisor) : IUnaryOperator
{
    private const float ExpM1Floor = -32.0f;
    private const float CeluLinearBelow = 1.49011612e-08f;  // 2^-26
    private const float SmallBelow = 8.67361738e-19f;       // 2^-60
    private const float TwoTo64 = 18446744073709551616.0f;
    private const float TwoToMinus64 = 5.42101086e-20f;

    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public static bool Paired => true;

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
    private TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV xn = TL.AtMost(x, 0.0f);
        TV tHi = xn;
        TV tLo = TL.Create(0.0f);

        // NOTE: a branch on a field, the same every call: ELU and SELU skip the division, CELU pays for it.
        if (divisor != 1.0f)
        {
            TV d = TL.Create(divisor);
            tHi = TL.Divide(xn, d);

            // Far below (and for −∞, where the remainder would be ∞ − ∞) the low half is not needed: e^t − 1 is −1.
            tLo = TL.SelectWhereBelow(tHi, ExpM1Floor, TL.Create(0.0f), TL.Divide(TL.NegatedMultiplyAdd(tHi, d, xn), d));
        }

        TV hi = FloatExpM1.ExpM1<TV, TL>(tHi, tLo, true, out TV lo);
        TV cHi = TL.Create(negativeHi);
        TV negative = TL.MultiplyAdd(cHi, hi, TL.MultiplyAdd(TL.Create(negativeLo), hi, TL.Multiply(cHi, lo)));
        if (divisor != 1.0f)
        {
            // NOTE: for |x/alpha| &lt; 2^-26, alpha·(e^(x/alpha) − 1) = x·(1 + x/(2·alpha) + …) rounds to x; take x there,
            // because x/alpha may have underflowed (alpha = 1e30: x/alpha = 0 for every x ≥ −1e−15) and lost x's digits.
            // xn + 0 turns −0 into +0, as for the other lanes.
            negative = TL.SelectWhereBelow(tHi, -CeluLinearBelow, negative, TL.Add(xn, TL.Create(0.0f)));
        }

        TV positive = TL.MultiplyAdd(x, TL.Create(positiveHi), TL.Multiply(TL.AtMost(x, float.MaxValue), TL.Create(positiveLo)));

        // NOTE: below x = 2^-60, x·sLo (sLo ≈ 2^-25·sHi) comes near float's subnormal range and is rounded at 2^-149,
        // which cost SELU up to 1 ULP at x ≈ 2e−38; those lanes form the product at 2^64 times scale and scale it back
        // (exact where the result is normal).
        TV xs = TL.Multiply(x, TL.Create(TwoTo64));
        TV positiveSmall = TL.Multiply(
            TL.MultiplyAdd(xs, TL.Create(positiveHi), TL.Multiply(xs, TL.Create(positiveLo))), TL.Create(TwoToMinus64));
        positive = TL.SelectWhereBelow(x, SmallBelow, positiveSmall, positive);
        return TL.SelectWhereBelow(x, float.Epsilon, negative, positive);
    }
}
