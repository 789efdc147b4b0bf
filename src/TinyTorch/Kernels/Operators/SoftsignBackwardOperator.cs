using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for Softsign, from the input x: g/(1 + |x|)².</summary>
/// <remarks>
/// With D = 1 + |x| as the exact pair of <see cref="SoftsignOperator.OnePlus{TV, TL}"/>: r = 1/D and (g·r)/D each rounded
/// once by <see cref="FloatQuotient.DivideFloat{TV, TL}"/>, and g·r rounded: three roundings, within 3·2^-24 (+2^-29)
/// of |dL/dx|. |x| is clamped at 2^76 (beyond, the slope is below 2^-152, which rounds to 0, the limit ±∞ give).
/// At 0 the slope is 1, as PyTorch's autograd of x/(1 + |x|) gives (abs′(0) = 0 there).
/// </remarks>
internal readonly struct SoftsignBackwardOperator : IBinaryOperator
{
    private const float Limit = 7.55578637e22f;   // 2^76

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
    private static TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV a = TL.AtMost(TL.Subtract(TL.Create(0.0f), TL.NegativeAbs(x)), Limit);
        TV dHi = SoftsignOperator.OnePlus<TV, TL>(a, out TV dLo);
        TV reciprocal = FloatQuotient.DivideFloat<TV, TL>(TL.Create(1.0f), dHi, dLo);
        return FloatQuotient.DivideFloat<TV, TL>(TL.Multiply(g, reciprocal), dHi, dLo);
    }
}
