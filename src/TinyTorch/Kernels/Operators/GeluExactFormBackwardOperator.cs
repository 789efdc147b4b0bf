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
/// Error: the backward bound is relative to max(|dL/dx|, |g|) (4·2^-24); the derivative itself (g = 1) is rounded
/// about once. Over all 2^32 inputs: 0.84 ULP for x ≥ 0, 0.99 on [−0.5, 0), 0.96 on [−1.5, −1], ≤ 0.80 below
/// (down into the subnormal tail); on (−1, −0.5), around the root at x = −0.7518, ≤ 0.34·2^-24 absolute. With
/// gradients spread over 10^-3..10^3: 1.99·2^-24 of max(|dL/dx|, |g|) at worst (the product's rounding on top).
/// NOTE: the product is g·D with D rounded, not g − g·S in one FMA: that would turn g = ±∞ into ∞ − ∞ = NaN.
/// ±∞ give D = 1 and −0; NaN stays NaN. Every width runs the same float operations (FMA everywhere), so all agree
/// bit for bit. It replaces a double-lane version (0.5 ULP) that ran about 4× slower (3.0–3.2 against 0.75–0.80
/// ns/element for 4 096 and 262 144 floats on one AVX-512 thread, medians of 4 alternating probe runs).
/// NOTE: not <see cref="IBinaryOperator.Paired"/>, unlike the other GELU backward passes: two copies of this body hold
/// more constants and partial results than 32 vector registers, and paired it ran 1.7× slower (0.60 → 1.0–1.1
/// ns/element, BenchmarkDotNet, Zen 5).
/// </remarks>
internal readonly struct GeluExactFormBackwardOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    public static bool Unroll => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => Compute<float, FloatScalarLanes>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) => Compute<Vector128<float>, FloatLanes128>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => Compute<Vector256<float>, FloatLanes256>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => Compute<Vector512<float>, FloatLanes512>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV slope = FloatNormalTail.UpperTailSlope<TV, TL>(x);
        TV derivative = TL.SelectWhereBelow(x, 0.0f, slope, TL.Subtract(TL.Create(1.0f), slope));
        return TL.Multiply(g, derivative);
    }
}
