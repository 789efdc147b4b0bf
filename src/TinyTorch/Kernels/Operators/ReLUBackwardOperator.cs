using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx = g where the forward's output y &gt; 0, else 0: 0 at x = 0 and for a NaN input, exactly as
/// PyTorch's threshold backward. The output serves as well as the input (y &gt; 0 exactly where x &gt; 0),
/// which is what lets the in-place ReLU keep no copy of its input.
/// </summary>
internal readonly struct ReLUBackwardOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float y, float g) => y > 0f ? g : 0f;

    // NOTE: a mask AND, not a branch: the compare yields all-ones lanes where y > 0 (false for NaN).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> y, Vector128<float> g) =>
        Vector128.GreaterThan(y, Vector128<float>.Zero) & g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> y, Vector256<float> g) =>
        Vector256.GreaterThan(y, Vector256<float>.Zero) & g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> y, Vector512<float> g) =>
        Vector512.GreaterThan(y, Vector512<float>.Zero) & g;
}
