using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx = g where the forward's input |x| &gt; lambd, 0 elsewhere: the backward of both Hardshrink and Softshrink
/// (PyTorch's hardshrink_backward, which softshrink_backward equals). 0 at ±lambd and for a NaN input, as PyTorch's
/// vectorized CPU path.
/// </summary>
/// <param name="lambd">The lambd the forward used.</param>
internal readonly struct ShrinkBackwardOperator(float lambd) : IBinaryOperator
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => MathF.Abs(x) > lambd ? g : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) =>
        Vector128.GreaterThan(Vector128.Abs(x), Vector128.Create(lambd)) & g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) =>
        Vector256.GreaterThan(Vector256.Abs(x), Vector256.Create(lambd)) & g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) =>
        Vector512.GreaterThan(Vector512.Abs(x), Vector512.Create(lambd)) & g;
}
