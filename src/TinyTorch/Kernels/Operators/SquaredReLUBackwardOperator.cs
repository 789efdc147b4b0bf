using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx = 2·relu(x)·g from the forward's input x, computed as (x + x)·g (x + x is exact), the bits of PyTorch's
/// relu(x)**2 backward: +0 wherever x ≤ 0 whatever g is (PyTorch's relu mask comes last), NaN for a NaN input.
/// </summary>
internal readonly struct SquaredReLUBackwardOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => x <= 0f ? 0f : (x + x) * g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) =>
        Vector128.AndNot((x + x) * g, Vector128.LessThanOrEqual(x, Vector128<float>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) =>
        Vector256.AndNot((x + x) * g, Vector256.LessThanOrEqual(x, Vector256<float>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) =>
        Vector512.AndNot((x + x) * g, Vector512.LessThanOrEqual(x, Vector512<float>.Zero));
}
