using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for Tanhshrink, from the input x: g·tanh²(x) (1 − sech², with no subtraction).</summary>
/// <remarks>
/// tanh from <see cref="FloatTanh"/> (its pair quotient rounded once, about 2^-24 relative), squared and multiplied by g:
/// about 4·2^-24 of |dL/dx|. PyTorch's autograd of x − tanh(x) forms g − g·(1 − tanh²), which cancels near 0; the
/// values agree elsewhere. ±∞ give g, NaN gives NaN.
/// </remarks>
internal readonly struct TanhshrinkBackwardOperator : IBinaryOperator
{
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
        TV t = FloatTanh.Tanh<TV, TL>(x);
        return TL.Multiply(g, TL.Multiply(t, t));
    }
}
