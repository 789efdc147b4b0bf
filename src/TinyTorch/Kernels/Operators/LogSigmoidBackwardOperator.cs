using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for LogSigmoid, from the input x: g·σ(−x) = g·(1 − σ(x)), without the subtraction.</summary>
/// <remarks>
/// σ(−x) is <see cref="FloatSigmoid"/> (0.56 ULP) of the exactly negated input, times g rounded once: within 2^-22.5 of
/// |dL/dx|. −∞ gives g, +∞ gives 0, NaN gives NaN (all as PyTorch).
/// </remarks>
internal readonly struct LogSigmoidBackwardOperator : IBinaryOperator
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
        where TL : IFloatLanes<TV> =>
        TL.Multiply(g, FloatSigmoid.Sigmoid<TV, TL>(TL.Subtract(TL.Create(0.0f), x)));
}
