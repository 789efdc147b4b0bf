using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for GELU's tanh form: g·(σ(z) + x·σ(z)σ(−z)·z′), z = 2u, from the input x.</summary>
/// <remarks>
/// The exact derivative of x·σ(z), z = 2√(2/π)(x + 0.044715x³), in float lanes (σ and σ′ from one exponential:
/// <see cref="FloatLogistic.SigmoidAndSlope{TV, TL}"/>). The backward bound is relative to max(|dL/dx|, |g|)
/// (4·2^-24), so plain float steps suffice: z carries ~3·2^-24 relative error, which moves σ by at most
/// σ′(z)·|z|·3·2^-24 ≤ 0.7·2^-24, and the slope term x·σ′·z′ is at most 0.7 in size.
/// NOTE: x is clamped to [−16, 16]: beyond, the slope is 0 or 1 in float, and the clamp keeps x·z′ (which grows like
/// x³) finite, so ±∞ give 0 and 1 instead of ∞·0.
/// Every width runs the same float operations (FMA everywhere), so all agree bit for bit.
/// </remarks>
internal readonly struct GeluTanhFormBackwardOperator : IBinaryOperator
{
    private const float Scale = (float)(2.0 * GeluConstants.SqrtTwoOverPi);
    private const float Cubic = (float)GeluConstants.TanhCubic;
    private const float Limit = 16.0f;

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
        TV one = TL.Create(1.0f);
        TV xc = TL.AtMost(TL.AtLeast(x, -Limit), Limit);
        TV x2 = TL.Multiply(xc, xc);
        TV z = TL.Multiply(TL.Multiply(xc, TL.Create(Scale)), TL.MultiplyAdd(x2, TL.Create(Cubic), one));
        TV dz = TL.Multiply(TL.Create(Scale), TL.MultiplyAdd(x2, TL.Create(3.0f * Cubic), one));
        TV sigmoid = FloatLogistic.SigmoidAndSlope<TV, TL>(z, out TV slope);
        return TL.Multiply(g, TL.MultiplyAdd(TL.Multiply(xc, slope), dz, sigmoid));
    }
}
