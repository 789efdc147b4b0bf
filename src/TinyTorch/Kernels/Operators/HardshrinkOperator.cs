using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>Hardshrink(x) = x where |x| &gt; lambd, +0 elsewhere: exact (a selection), NaN propagating.</summary>
/// <param name="lambd">The half-width of the band sent to 0; at least 0.</param>
internal readonly struct HardshrinkOperator(float lambd) : IUnaryOperator
{
    public static bool Vectorizable => true;

    // NOTE: "|x| ≤ lambd → 0", not "|x| > lambd → x": a NaN fails the compare either way, and only this way round
    // does it come out as NaN, as in PyTorch 1.13 (its vectorized CPU path once returned 0, pytorch/pytorch#81138).
    // The band gives +0, also for −0, as PyTorch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => MathF.Abs(x) <= lambd ? 0f : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) =>
        Vector128.AndNot(x, Vector128.LessThanOrEqual(Vector128.Abs(x), Vector128.Create(lambd)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) =>
        Vector256.AndNot(x, Vector256.LessThanOrEqual(Vector256.Abs(x), Vector256.Create(lambd)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) =>
        Vector512.AndNot(x, Vector512.LessThanOrEqual(Vector512.Abs(x), Vector512.Create(lambd)));
}
