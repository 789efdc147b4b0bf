using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>LogSigmoid(x) = ln σ(x) = −softplus(−x) = min(x, 0) − ln(1 + e^(−|x|)), within 0.74 ULP for every input.</summary>
/// <remarks>
/// <see cref="SoftplusOperator"/>'s construction at beta = 1 with the signs turned: e^(−|x|) as <see cref="FloatExp"/>'s
/// pair, ln(1 + w) as <see cref="FloatLog1p"/>'s (2^-26.25), then min(x, 0) − L as a Fast2Sum of two values ≤ 0 and one
/// rounding of S + (e − LLo): the same argument, 0.74 ULP (nothing cancels: both parts have the same sign), and
/// above x = 80 −e^-x directly, at 2^64 scale (see the NOTE in the code).
/// PyTorch's log_sigmoid takes the same min(x, 0) − log1p(e^(−|x|)) form, in float.
/// Edges: −∞ and x &lt; −100 give x (ln(1 + e^x) is below half an ULP of x there; at −∞ the Fast2Sum would meet
/// ∞ − ∞); +∞ gives +0 (PyTorch's 0.0); NaN stays NaN.
/// Checked over all 2^32 inputs against LogSigmoidMath: at most 0.631 ULP (x = −0.000996032).
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal readonly struct LogSigmoidOperator : IUnaryOperator
{
    private const float Linear = -100.0f;
    private const float DeepAbove = 80.0f;
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
    private static TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV negAbs = TL.NegativeAbs(x);

        // NOTE: the tails (|x| > 80, ±∞) are rare in real inputs, so they are fixed up only in vectors that have one:
        // every other vector skips two selects before the logarithm and the whole deep tail, about a fifth of the work.
        // The exponential is clamped at ScaleFloor, so 2^K is a float in every lane and the common path needs no select;
        // lanes below it are then set to ln(1 + 0) = 0 + 0, exactly what the logarithm gave them when w was zeroed first.
        bool tails = TL.AnyBelow(negAbs, -DeepAbove);
        TV e = FloatExp.ExpNonPositive<TV, TL>(negAbs, zero, false, ScaleFloor, out TV kd, out TV eLo);
        TV scale = FloatExp.Pow2<TV, TL>(kd);
        TV scaledLo = TL.Multiply(scale, eLo);
        TV w = TL.MultiplyAdd(scale, e, scaledLo);
        TV wLo = TL.Add(TL.MultiplyAdd(scale, e, TL.Subtract(zero, w)), scaledLo);
        TV l = FloatLog1p.Log1p<TV, TL>(w, wLo, out TV lLo);
        if (tails)
        {
            // 2^K is a float only for K ≥ −127 (−|t| ≥ −87.3); below, w is below 2^-126 and ln(1 + w) ≈ w is taken as 0
            // (that is the deep tail's range on the other side of 0, and far below half an ULP of |t| on this one).
            l = TL.SelectWhereBelow(negAbs, ScaleFloor, zero, l);
            lLo = TL.SelectWhereBelow(negAbs, ScaleFloor, zero, lLo);
        }

        TV negative = TL.AtMost(x, 0.0f);
        TV minusL = TL.Subtract(zero, l);
        TV sum = TL.Add(negative, minusL);
        TV tail = TL.Subtract(TL.Add(TL.Subtract(TL.Smaller(negative, minusL), sum), TL.Larger(negative, minusL)), lLo);
        TV result = TL.Add(sum, tail);
        return tails ? Tails<TV, TL>(x, negAbs, result) : result;
    }

    /// <summary>The vectors with a lane beyond |x| = 80: −e^-x above 80, x itself below −100 (and at −∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Tails<TV, TL>(TV x, TV negAbs, TV result)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        // NOTE: above x = 80, ln σ(x) = −e^-x to 2^-116, and e^-x's low part (or e^-x itself, from 87.3) is not normal:
        // those lanes take −e^-x at 2^64 times scale, rounded once and scaled back (Softplus's deep tail, beta = 1).
        TV zero = TL.Create(0.0f);
        TV e = FloatExp.ExpTimesTwoTo64<TV, TL>(negAbs, zero, false, out TV eLo);
        // (+ 0: where −e^-x underflows, to +0 as PyTorch's logsigmoid(+∞) = 0.0.)
        TV deep = TL.Add(TL.Multiply(TL.Add(e, eLo), TL.Create(-FloatExp.TwoToMinus64)), zero);
        result = TL.SelectWhereBelow(TL.Subtract(zero, x), -DeepAbove, deep, result);
        return TL.SelectWhereBelow(x, Linear, x, result);
    }
}
