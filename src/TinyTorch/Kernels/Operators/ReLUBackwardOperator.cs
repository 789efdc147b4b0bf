using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx = 0 where the forward's output y ≤ 0, else g: PyTorch's threshold backward (<c>y &lt;= 0 ? 0 : g</c>), so
/// the gradient is 0 at x = ±0 and passes where y is NaN. The output serves as well as the input (y &gt; 0 exactly
/// where x &gt; 0, and y is NaN exactly where x is), which is what lets the in-place ReLU keep no copy of its input.
/// </summary>
internal readonly struct ReLUBackwardOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    // NOTE: "y <= 0 ? 0 : g", not "y > 0 ? g : 0": the two differ only at NaN, where every comparison is false, and
    // PyTorch passes the gradient there (torch.relu's backward at a NaN input returns g, checked against torch 1.13).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float y, float g) => y <= 0f ? 0f : g;

    // A mask and-not, not a branch: the compare yields all-ones lanes where y ≤ 0 (false for NaN), which clear g.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> y, Vector128<float> g) =>
        Vector128.AndNot(g, Vector128.LessThanOrEqual(y, Vector128<float>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> y, Vector256<float> g) =>
        Vector256.AndNot(g, Vector256.LessThanOrEqual(y, Vector256<float>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> y, Vector512<float> g) =>
        Vector512.AndNot(g, Vector512.LessThanOrEqual(y, Vector512<float>.Zero));
}
