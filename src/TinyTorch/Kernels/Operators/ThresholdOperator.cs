using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>Threshold(x) = value where x ≤ threshold, x elsewhere: exact (a selection), NaN passing through.</summary>
/// <param name="threshold">At or below it, x is replaced.</param>
/// <param name="value">The replacement.</param>
internal readonly struct ThresholdOperator(float threshold, float value) : IUnaryOperator
{
    public static bool Vectorizable => true;

    // NOTE: PyTorch's own test, x <= threshold ? value : x, not x > threshold ? x : value: the two differ for NaN,
    // which fails every compare and must come out as itself (torch.threshold(NaN) is NaN).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => x <= threshold ? value : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) =>
        Vector128.ConditionalSelect(Vector128.LessThanOrEqual(x, Vector128.Create(threshold)), Vector128.Create(value), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) =>
        Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, Vector256.Create(threshold)), Vector256.Create(value), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) =>
        Vector512.ConditionalSelect(Vector512.LessThanOrEqual(x, Vector512.Create(threshold)), Vector512.Create(value), x);
}
