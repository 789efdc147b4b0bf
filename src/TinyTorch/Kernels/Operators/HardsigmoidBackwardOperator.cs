using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx = g·fl(1/6) strictly inside (−3, 3), 0 elsewhere (at ±3 and for NaN too): PyTorch's hardsigmoid_backward,
/// bit for bit. fl(1/6) is within 2^-25 relative of 1/6, so the product is within 1.5·2^-24 relative.
/// </summary>
internal readonly struct HardsigmoidBackwardOperator : IBinaryOperator
{
    private const float OneSixth = 1f / 6f;

    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => x > -3f && x < 3f ? g * OneSixth : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) =>
        Vector128.GreaterThan(x, Vector128.Create(-3f)) & Vector128.LessThan(x, Vector128.Create(3f)) & (g * Vector128.Create(OneSixth));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) =>
        Vector256.GreaterThan(x, Vector256.Create(-3f)) & Vector256.LessThan(x, Vector256.Create(3f)) & (g * Vector256.Create(OneSixth));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) =>
        Vector512.GreaterThan(x, Vector512.Create(-3f)) & Vector512.LessThan(x, Vector512.Create(3f)) & (g * Vector512.Create(OneSixth));
}
