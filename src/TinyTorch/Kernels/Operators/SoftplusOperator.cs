using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// Softplus(x) = (1/beta)·ln(1 + e^(beta·x)), and x where beta·x &gt; threshold (PyTorch's linear tail); within 0.75 ULP
/// for every input.
/// </summary>
/// <remarks>
/// With t = beta·x (a float pair tHi + tLo, exact, when beta ≠ 1): softplus = (max(t, 0) + ln(1 + e^(−|t|)))/beta, so the
/// exponential never overflows and nothing cancels. e^(−|t|) is <see cref="FloatExp"/>'s pair (2^-32), normalised to
/// w + wLo (|wLo| ≤ 2^-24·w); ln(1 + w) is <see cref="FloatLog1p"/>'s pair L + LLo (2^-26.25 relative, |LLo| ≤ 0.04·L). The sum
/// max(t, 0) + L is a Fast2Sum (both ≥ 0: (larger − S) + smaller is exact), and S + (e + LLo) is rounded once:
/// 0.5 ULP + 2^24·(2^-26.25 + 2^-25·0.041) (the tail's rounding, |tail| ≤ 0.041·L + ulp) &lt; 0.74 ULP; at the bottom of
/// the range (|t| &gt; 85, results below 2^-122) the exponential's low part 2^K·lo is itself subnormal, rounded at 2^-149:
/// so those lanes (t &lt; −80) take e^t/beta directly, at 2^64 scale (see the NOTE in the code). For
/// beta ≠ 1 the pair is renormalised and divided by beta once (<see cref="FloatQuotient.Divide{TV, TL}"/>,
/// 2^-30.5 more). PyTorch's own log1p(exp(x)) loses the tail: at x = −100 it is right only because e^x is still a
/// float, and its float log1p rounds twice.
/// Edges: beta·x &gt; threshold gives x itself (PyTorch's comparison, so beta·x = threshold is still the curve); NaN stays
/// NaN; −∞ gives 0 (w = 0); +∞ gives +∞ through the linear branch (threshold is finite). The comparison is written
/// −t &lt; −threshold so that NaN takes the curve and stays NaN.
/// Checked over all 2^32 inputs against SoftplusMath: at most 0.631 ULP at beta = 1 (x = 0.000996032); with the earlier
/// two-division logarithm 0.591 there and 0.594 ULP at beta = 0.3 (x = −3.62668), not re-swept since.
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
/// <param name="beta">The sharpness, finite and above 0.</param>
/// <param name="threshold">Above it (in beta·x) the result is x; finite.</param>
internal readonly struct SoftplusOperator(float beta, float threshold) : IUnaryOperator
{
    private const float LowFloor = -100.0f;
    private const float DeepBelow = -80.0f;
    private const float ScaleFloor = -87.0f;

    public static bool Vectorizable => true;

    public static bool Unroll => false;

    // NOTE: not paired. Run two AVX-512 vectors at a time (Paired => true, as Sigmoid is), this body measured 10-50x
    // slower on Zen 4 before its logarithm lost a division and a branch, and still 1.4-2.3x slower after (LogSigmoid
    // 1.40 against 0.98, Softplus 2.5 against 1.1 ns/element, one thread, 64K-1M floats): two copies do not fit the
    // registers and the loop spills.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => Compute<float, FloatScalarLanes>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => Compute<Vector128<float>, FloatLanes128>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => Compute<Vector256<float>, FloatLanes256>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => Compute<Vector512<float>, FloatLanes512>(x);


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

        // NOTE: a branch on a field, the same every call: at beta = 1 t = x exactly, there are no low parts to add (adding
        // a zero is an operation the JIT cannot drop, for −0's sake) and nothing to divide.
        bool scaled = beta != 1.0f;
        if (scaled)
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

        // NOTE: the tails (|t| > 80, ±∞) are rare in real inputs, so they are fixed up only in vectors that have one:
        // every other vector skips two selects and the whole deep tail, about a fifth of the work. The exponential is
        // clamped at ScaleFloor, so 2^K is a float in every lane and the common path needs no select; lanes below it are
        // then set to ln(1 + 0) = 0 + 0, exactly what the logarithm gave them when w was zeroed first.
        bool tails = TL.AnyBelow(a, DeepBelow);
        TV e = FloatExp.ExpNonPositive<TV, TL>(a, aLo, scaled, ScaleFloor, out TV kd, out TV eLo);
        TV scale = FloatExp.Pow2<TV, TL>(kd);
        TV scaledLo = TL.Multiply(scale, eLo);
        TV w = TL.MultiplyAdd(scale, e, scaledLo);
        TV wLo = TL.Add(TL.MultiplyAdd(scale, e, TL.Subtract(zero, w)), scaledLo);
        TV l = FloatLog1p.Log1p<TV, TL>(w, wLo, out TV lLo);
        if (tails)
        {
            // 2^K is a float only for K ≥ −127 (−|t| ≥ −87.3); below, w is below 2^-126 and ln(1 + w) ≈ w is taken as 0
            // (that is the deep tail's range on the other side of 0, and far below half an ULP of |t| on this one).
            l = TL.SelectWhereBelow(a, ScaleFloor, zero, l);
            lLo = TL.SelectWhereBelow(a, ScaleFloor, zero, lLo);
        }

        TV positive = TL.AtLeast(tHi, 0.0f);
        TV sum = TL.Add(positive, l);
        TV tail = TL.Add(TL.Add(TL.Subtract(TL.Larger(positive, l), sum), TL.Smaller(positive, l)), scaled ? TL.Add(lLo, positiveLo) : lLo);
        TV curve;
        if (scaled)
        {
            TV normal = TL.Add(sum, tail);
            TV normalLo = TL.Add(TL.Subtract(sum, normal), tail);
            curve = FloatQuotient.Divide<TV, TL>(normal, normalLo, TL.Create(beta), zero);
        }
        else
        {
            curve = TL.Add(sum, tail);
        }

        if (tails)
        {
            curve = TL.SelectWhereBelow(tHi, DeepBelow, DeepTail<TV, TL>(a, aLo), curve);
        }

        return TL.SelectWhereBelow(TL.Subtract(zero, tHi), -threshold, x, curve);
    }

    /// <summary>e^t/beta for the lanes below t = −80, where −|t| = <paramref name="a"/> + <paramref name="aLo"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TV DeepTail<TV, TL>(TV a, TV aLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        // NOTE: below t = −80, softplus = e^t/beta·(1 − e^t/2 + …) = e^t/beta to 2^-116; there e^t leaves float's normal
        // range (from t = −87.3) while e^t/beta need not (beta = 0.3: normal down to t = −88.9), and 2^K·lo is subnormal
        // already from t ≈ −80. So those lanes take e^t at 2^64 times scale (K + 64 ∈ [−95, −52], normal), divide the
        // pair by beta once, and scale back by 2^-64 (exact where the result is normal).
        TV e = FloatExp.ExpTimesTwoTo64<TV, TL>(a, aLo, true, out TV eLo);
        return TL.Multiply(FloatQuotient.Divide<TV, TL>(e, eLo, TL.Create(beta), TL.Create(0.0f)), TL.Create(FloatExp.TwoToMinus64));
    }
}
