using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// Softplus(x) = (1/beta)·ln(1 + e^(beta·x)), and x where beta·x &gt; threshold (PyTorch's linear tail); within 0.76 ULP
/// for every input.
/// </summary>
/// <remarks>
/// With t = beta·x (a float pair tHi + tLo, exact, when beta ≠ 1): softplus = (max(t, 0) + ln(1 + e^(−|t|)))/beta, so the
/// exponential never overflows and nothing cancels. e^(−|t|) is <see cref="FloatExp"/>'s pair (2^-32), normalised to
/// w + wLo (|wLo| ≤ 2^-24·w); ln(1 + w) is <see cref="FloatLog1p"/>'s pair L + LLo (2^-26.5 relative). The sum
/// max(t, 0) + L is a Fast2Sum (both ≥ 0: (larger − S) + smaller is exact), and S + (e + LLo) is rounded once:
/// 0.5 ULP + 2^24·(2^-26.5 + 2^-25·0.055) (the tail's rounding, |tail| ≤ 0.055·L + ulp) &lt; 0.71 ULP; at the bottom of
/// the range (|t| &gt; 85, results below 2^-122) the exponential's low part 2^K·lo is itself subnormal, rounded at 2^-149:
/// up to 0.25 ULP more there (exhaustive at beta = 1: 0.7501 ULP at x = −86.059). For
/// beta ≠ 1 the pair is renormalised and divided by beta once (<see cref="FloatQuotient.Divide{TV, TL}"/>,
/// 2^-30.5 more). PyTorch's own log1p(exp(x)) loses the tail: at x = −100 it is right only because e^x is still a
/// float, and its float log1p rounds twice.
/// Edges: beta·x &gt; threshold gives x itself (PyTorch's comparison, so beta·x = threshold is still the curve); NaN stays
/// NaN; −∞ gives 0 (w = 0); +∞ gives +∞ through the linear branch (threshold is finite). The comparison is written
/// −t &lt; −threshold so that NaN takes the curve and stays NaN.
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
/// <param name="beta">The sharpness, finite and above 0.</param>
/// <param name="threshold">Above it (in beta·x) the result is x; finite.</param>
internal readonly struct SoftplusOperator(float beta, float threshold) : IUnaryOperator
{
    private const float LowFloor = -100.0f;

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
        TV zero = TL.Create(0.0f);
        TV tHi = x;
        TV a = TL.NegativeAbs(x);
        TV aLo = zero;
        TV positiveLo = zero;

        // NOTE: a branch on a field, the same every call: at beta = 1 t = x exactly, and there is nothing to divide.
        if (beta != 1.0f)
        {
            TV b = TL.Create(beta);
            tHi = TL.Multiply(x, b);
            TV tLo = TL.MultiplyAdd(x, b, TL.Subtract(zero, tHi));
            a = TL.NegativeAbs(tHi);

            // −|t| = tHi + tLo for tHi &lt; 0, −tHi − tLo otherwise; far below (and at ±∞, where tLo is NaN) e^(−|t|) is 0.
            aLo = TL.SelectWhereBelow(tHi, 0.0f, tLo, TL.Subtract(zero, tLo));
            aLo = TL.SelectWhereBelow(a, LowFloor, zero, aLo);

            // max(t, 0) has a low part too: tLo where t &gt; 0 (and where the curve is taken, t ≤ threshold, it is finite).
            positiveLo = TL.SelectWhereBelow(tHi, 0.0f, zero, tLo);
        }

        TV e = FloatExp.ExpNonPositive<TV, TL>(a, aLo, true, -88.0f, out TV kd, out TV eLo);
        TV scale = FloatExp.Pow2<TV, TL>(kd);
        TV scaledLo = TL.Multiply(scale, eLo);
        TV w = TL.MultiplyAdd(scale, e, scaledLo);
        TV wLo = TL.Add(TL.MultiplyAdd(scale, e, TL.Subtract(zero, w)), scaledLo);
        TV l = FloatLog1p.Log1p<TV, TL>(w, wLo, out TV lLo);

        TV positive = TL.AtLeast(tHi, 0.0f);
        TV sum = TL.Add(positive, l);
        TV tail = TL.Add(TL.Add(TL.Subtract(TL.Larger(positive, l), sum), TL.Smaller(positive, l)), TL.Add(lLo, positiveLo));
        TV curve;
        if (beta != 1.0f)
        {
            TV normal = TL.Add(sum, tail);
            TV normalLo = TL.Add(TL.Subtract(sum, normal), tail);
            curve = FloatQuotient.Divide<TV, TL>(normal, normalLo, TL.Create(beta), zero);
        }
        else
        {
            curve = TL.Add(sum, tail);
        }

        return TL.SelectWhereBelow(TL.Subtract(zero, tHi), -threshold, x, curve);
    }
}
