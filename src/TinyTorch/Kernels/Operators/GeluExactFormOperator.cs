using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>GELU, exact form x·Φ(x) = ½·x·erfc(−x/√2), within 2 ULP for every input.</summary>
/// <remarks>
/// Φ(x) = Q(|x|) for x &lt; 0 and 1 − Q(|x|) otherwise, with Q the upper normal tail from
/// <see cref="NormalTail"/> (relative error &lt; 5e−10): the negative tail is computed directly, never as
/// 1 + erf, so it keeps full relative precision down to underflow. −∞ is clamped, so GELU(−∞) = −0.
/// Every width runs the same double-lane algorithm (<see cref="FloatViaDouble"/>), so all agree bit for bit.
/// </remarks>
internal readonly struct GeluExactFormOperator : IUnaryOperator, IDoubleUnaryFunction
{
    public static bool Vectorizable => true;

    public static bool Unroll => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x) => FloatViaDouble.Apply<GeluExactFormOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => FloatViaDouble.Apply<GeluExactFormOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => FloatViaDouble.Apply<GeluExactFormOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => FloatViaDouble.Apply<GeluExactFormOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        TV xc = TL.AtLeast(x, -float.MaxValue);
        TV q = NormalTail.Upper<TV, TL>(TL.Abs(xc));
        TV cdf = TL.SelectWhereNegative(xc, q, TL.Subtract(TL.Create(1.0), q));
        return TL.Multiply(xc, cdf);
    }
}
