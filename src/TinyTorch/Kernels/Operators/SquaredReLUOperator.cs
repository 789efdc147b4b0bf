using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// SquaredReLU(x) = relu(x)² (So et al., "Primer: Searching for Efficient Transformers", 2021): one rounding
/// (≤ 0.5 ULP), NaN propagating, +0 for x ≤ 0, +∞ where x² passes float's range (x ≥ 2^64, the correctly rounded result).
/// </summary>
/// <remarks>Checked over all 2^32 inputs: at most 0.5 ULP.</remarks>
internal readonly struct SquaredReLUOperator : IUnaryOperator
{
    public static bool Vectorizable => true;

    // NOTE: x·x with the lanes where x ≤ 0 cleared, rather than max(x, 0)², so a NaN (which fails the compare)
    // squares to NaN without a NaN-aware max, and −0 and −∞ give +0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => x <= 0f ? 0f : x * x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => Vector128.AndNot(x * x, Vector128.LessThanOrEqual(x, Vector128<float>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => Vector256.AndNot(x * x, Vector256.LessThanOrEqual(x, Vector256<float>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => Vector512.AndNot(x * x, Vector512.LessThanOrEqual(x, Vector512<float>.Zero));
}
