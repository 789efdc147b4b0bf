using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// PReLU with a slope per element, z = x for x &gt; 0, slope·x otherwise: the form for inputs whose channels change
/// faster than a vector (a [batch, channels] input, where consecutive elements belong to different channels), run
/// with a row of slopes laid out like one slice of the input. Where every element of a span shares one slope, PReLU
/// runs <see cref="LeakyReLUOperator"/> instead.
/// </summary>
/// <remarks>
/// One rounding (the product) or none: ≤ 0.5 ULP, and each element gets the bits
/// <c>new LeakyReLUOperator(slope).Invoke(x)</c> gives, so both paths agree: PyTorch's x &gt; 0 ? x : slope·x, −0 →
/// −0·slope, NaN through the product.
/// </remarks>
internal readonly struct PReLUOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    /// <summary>x for x &gt; 0, slope·x otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float slope) => x > 0f ? x : x * slope;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> slope) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), x, x * slope);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> slope) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, x * slope);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> slope) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, x * slope);
}
