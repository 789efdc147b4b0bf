using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx = g for x &gt; 0, g·negativeSlope otherwise, from the forward's input x: PyTorch's leaky_relu_backward, so
/// the slope at 0 (and for a NaN input) is negativeSlope.
/// </summary>
/// <param name="negativeSlope">The slope below 0.</param>
internal readonly struct LeakyReLUBackwardOperator(float negativeSlope) : IBinaryOperator
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => x > 0f ? g : g * negativeSlope;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), g, g * Vector128.Create(negativeSlope));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), g, g * Vector256.Create(negativeSlope));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), g, g * Vector512.Create(negativeSlope));
}
