using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for GELU's sigmoid form: g·(σ(z) + z·σ(z)σ(−z)), z = 1.702x, from the input x.</summary>
/// <remarks>
/// The exact derivative of x·σ(1.702x), in float lanes. With e = e^(−|z|) and d = 1 + e: σ(z) = e/d or 1/d by the
/// sign of z, and σ(z)σ(−z) = e/d² for either sign, so there is no 1 − σ cancellation.
/// Error: the backward bound is relative to max(|dL/dx|, |g|) (4·2^-24), and the slope D = σ + z·σσ′ is at most
/// 1.13: plain float steps suffice. z = 1.702x rounded moves σ by σ′(z)·|z|·2^-24 ≤ 0.23·2^-24; the divisions and
/// products add a few 2^-24 relative to terms of size ≤ 1 and ≤ 0.23. x is clamped to ±64 first: beyond, σ is 0 or 1
/// and the slope term 0 in float, and ±∞ give 0 and 1 instead of ∞·0.
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal readonly struct GeluSigmoidFormBackwardOperator : IBinaryOperator
{
    private const float Slope = 1.702f;
    private const float Limit = 64.0f;

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
        TV z = TL.Multiply(TL.AtMost(TL.AtLeast(x, -Limit), Limit), TL.Create(Slope));
        TV sigmoid = FloatLogistic.SigmoidAndSlope<TV, TL>(z, out TV slope);
        return TL.Multiply(g, TL.MultiplyAdd(z, slope, sigmoid));
    }
}
