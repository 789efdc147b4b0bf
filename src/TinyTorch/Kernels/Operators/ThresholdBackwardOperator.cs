using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx = 0 where the forward's input x ≤ threshold, g elsewhere: PyTorch's threshold_backward, so a NaN input
/// (which fails the compare) passes its gradient, as in PyTorch.
/// </summary>
/// <param name="threshold">The threshold the forward used.</param>
internal readonly struct ThresholdBackwardOperator(float threshold) : IBinaryOperator
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => x <= threshold ? 0f : g;

    // NOTE: g AND NOT (x ≤ threshold): the mask is false for NaN, so NaN inputs keep g.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) =>
        Vector128.AndNot(g, Vector128.LessThanOrEqual(x, Vector128.Create(threshold)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) =>
        Vector256.AndNot(g, Vector256.LessThanOrEqual(x, Vector256.Create(threshold)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) =>
        Vector512.AndNot(g, Vector512.LessThanOrEqual(x, Vector512.Create(threshold)));
}
