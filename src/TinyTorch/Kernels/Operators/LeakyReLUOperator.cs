using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>LeakyReLU(x) = x for x &gt; 0, negativeSlope·x otherwise: one rounding (the product), NaN propagating.</summary>
/// <param name="negativeSlope">The slope below 0.</param>
internal readonly struct LeakyReLUOperator(float negativeSlope) : IUnaryOperator
{
    public static bool Vectorizable => true;

    // NOTE: PyTorch's own expression, x > 0 ? x : x·slope, so −0 gives −0·slope (−0 for a positive slope) and NaN
    // fails the comparison and comes out of the product as NaN. max(x, slope·x) would be shorter, but it is wrong for
    // a slope above 1 and returns the other operand for NaN on some instruction sets.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => x > 0f ? x : x * negativeSlope;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), x, x * Vector128.Create(negativeSlope));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, x * Vector256.Create(negativeSlope));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, x * Vector512.Create(negativeSlope));
}
