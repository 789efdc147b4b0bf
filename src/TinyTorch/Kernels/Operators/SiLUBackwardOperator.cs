using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for SiLU: g·σ(x)(1 + x(1 − σ(x))) = g·(σ(x) + x·σ(x)σ(−x)), from the input x.</summary>
/// <remarks>
/// <see cref="FloatLogistic.SigmoidAndSlope{TV, TL}"/> gives σ(x) and σ(x)σ(−x) = e/d² (e = e^(−|x|), d = 1 + e) from one
/// exponential, so 1 − σ never cancels. Error: the backward bound is relative to max(|dL/dx|, |g|) (4·2^-24); σ and
/// the slope are each within 2^-22 relative and the slope term x·σσ′ is at most 0.28 in size, so the sum
/// σ + x·σσ′ (one FMA) is within about 2^-22.5 of max(|D|, 1), and the product with g adds one rounding.
/// x is clamped to ±88 first: beyond, σ and x·σσ′ are 0 or 1 and 0 in float (|x|e^(−|x|) &lt; 2^-120), and ±∞ give
/// the limits 0 and 1 (PyTorch returns NaN there, from ∞·0).
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal readonly struct SiLUBackwardOperator : IBinaryOperator
{
    private const float Limit = 88.0f;

    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public static bool Paired => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => Compute<float, FloatScalarLanes>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) => Compute<Vector128<float>, FloatLanes128>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => Compute<Vector256<float>, FloatLanes256>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => Compute<Vector512<float>, FloatLanes512>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Pair Invoke(Vector512Pair x, Vector512Pair g) => Compute<Vector512Pair, FloatLanes512Pair>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV z = TL.AtMost(TL.AtLeast(x, -Limit), Limit);
        TV sigmoid = FloatLogistic.SigmoidAndSlope<TV, TL>(z, out TV slope);
        return TL.Multiply(g, TL.MultiplyAdd(z, slope, sigmoid));
    }
}
