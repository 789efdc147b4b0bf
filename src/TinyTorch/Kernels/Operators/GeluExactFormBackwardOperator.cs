using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for GELU's exact form: g·(Φ(x) + x·φ(x)), from the input x.</summary>
/// <remarks>
/// The exact derivative of x·Φ(x), in float lanes. With a = |x| and Q the upper normal tail (Φ(x) = Q(a) for x &lt; 0,
/// 1 − Q(a) for x ≥ 0), the derivative is S = Q(a) − a·φ(a) for x &lt; 0 and 1 − S for x ≥ 0, where
/// S = d/da [a·Q(a)] is the slope of the forward's tail term (<see cref="FloatNormalTail.UpperTailSlope{TV, TL}"/>,
/// rounded once). So the negative side is computed directly, never as 1 − something, and keeps its relative
/// precision down to the bottom of float's range; on the positive side S ∈ [−0.13, 0.5] against 1.
/// Error: the backward bound is relative to max(|dL/dx|, |g|) (4·2^-24); here the derivative itself is within
/// ~1 ULP (S's 0.5 ULP rounding, then 1 − S's, or g·S's) except near x = −0.7518, where it crosses 0 and the
/// error is ≤ 2^-25 absolute. ±∞ give 1 and −0; NaN stays NaN.
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal readonly struct GeluExactFormBackwardOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    public static bool Unroll => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x, float g) => Compute<float, FloatScalarLanes>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) => Compute<Vector128<float>, FloatLanes128>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => Compute<Vector256<float>, FloatLanes256>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => Compute<Vector512<float>, FloatLanes512>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV slope = FloatNormalTail.UpperTailSlope<TV, TL>(x);
        TV derivative = TL.SelectWhereBelow(x, 0.0f, slope, TL.Subtract(TL.Create(1.0f), slope));
        return TL.Multiply(g, derivative);
    }
}
