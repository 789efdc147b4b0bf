using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx for Softplus, from the input x: g·σ(beta·x), and g where beta·x &gt; threshold (PyTorch's softplus_backward).
/// </summary>
/// <remarks>
/// σ is <see cref="FloatSigmoid"/> (0.56 ULP); beta·x rounded moves it by σ′·|t|·2^-24 ≤ 0.23·2^-24 of 1; the product with
/// g rounds once: within 2^-22.5 of max(|dL/dx|, |g|). NaN gives NaN (as PyTorch), −∞ gives 0, +∞ gives g (the linear
/// branch).
/// </remarks>
/// <param name="beta">The sharpness, finite and above 0.</param>
/// <param name="threshold">Above it (in beta·x) the slope is 1; finite.</param>
internal readonly struct SoftplusBackwardOperator(float beta, float threshold) : IBinaryOperator
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
    private TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV t = TL.Multiply(x, TL.Create(beta));
        TV slope = TL.Multiply(g, FloatSigmoid.Sigmoid<TV, TL>(t));
        return TL.SelectWhereBelow(TL.Subtract(TL.Create(0.0f), t), -threshold, g, slope);
    }
}
