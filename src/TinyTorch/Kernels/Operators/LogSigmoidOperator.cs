using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>LogSigmoid(x) = ln σ(x) = −softplus(−x) = min(x, 0) − ln(1 + e^(−|x|)), within 0.76 ULP for every input.</summary>
/// <remarks>
/// <see cref="SoftplusOperator"/>'s construction at beta = 1 with the signs turned: e^(−|x|) as <see cref="FloatExp"/>'s
/// pair, ln(1 + w) as <see cref="FloatLog1p"/>'s (2^-26.5), then min(x, 0) − L as a Fast2Sum of two values ≤ 0 and one
/// rounding of S + (e − LLo): the same argument, 0.71 ULP and 0.76 at the bottom of the range (nothing cancels: both
/// parts have the same sign; exhaustive: 0.7501 ULP at x = 86.059).
/// PyTorch's log_sigmoid takes the same min(x, 0) − log1p(e^(−|x|)) form, in float.
/// Edges: −∞ and x &lt; −100 give x (ln(1 + e^x) is below half an ULP of x there; at −∞ the Fast2Sum would meet
/// ∞ − ∞); +∞ gives +0 (PyTorch's 0.0); NaN stays NaN.
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal readonly struct LogSigmoidOperator : IUnaryOperator
{
    private const float Linear = -100.0f;

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
    private static TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV e = FloatExp.ExpNonPositive<TV, TL>(TL.NegativeAbs(x), zero, false, -88.0f, out TV kd, out TV eLo);
        TV scale = FloatExp.Pow2<TV, TL>(kd);
        TV scaledLo = TL.Multiply(scale, eLo);
        TV w = TL.MultiplyAdd(scale, e, scaledLo);
        TV wLo = TL.Add(TL.MultiplyAdd(scale, e, TL.Subtract(zero, w)), scaledLo);
        TV l = FloatLog1p.Log1p<TV, TL>(w, wLo, out TV lLo);

        TV negative = TL.AtMost(x, 0.0f);
        TV minusL = TL.Subtract(zero, l);
        TV sum = TL.Add(negative, minusL);
        TV tail = TL.Subtract(TL.Add(TL.Subtract(TL.Smaller(negative, minusL), sum), TL.Larger(negative, minusL)), lLo);
        return TL.SelectWhereBelow(x, Linear, x, TL.Add(sum, tail));
    }
}
