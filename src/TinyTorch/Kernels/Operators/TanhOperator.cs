using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>tanh(x) in float32, within 1 ULP for every input; exactly x for tiny x, ±0 at ±0, ±1 at ±∞.</summary>
/// <remarks>
/// tanh(x) = sign(x)·(−m)/(2 + m) with m = e^(−2|x|) − 1 ∈ (−1, 0] from <see cref="VectorExp.ExpM1"/>:
/// no subtraction anywhere (e^(−2|x|) − 1 is formed without cancellation, and 2 + m ≥ 1), so the relative
/// error is that of expm1, ≤ 6e−10, at every |x| — including tiny x, where m ≈ −2|x| and the result is x.
/// NOTE: the sign is copied from x at the end, so tanh(−0) = −0 and the odd symmetry is exact.
/// Every width runs the same double-lane algorithm (<see cref="FloatViaDouble"/>), so all agree bit for bit.
/// </remarks>
internal readonly struct TanhOperator : IUnaryOperator, IDoubleUnaryFunction
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x) => FloatViaDouble.Apply<TanhOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => FloatViaDouble.Apply<TanhOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => FloatViaDouble.Apply<TanhOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => FloatViaDouble.Apply<TanhOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        TV m = VectorExp.ExpM1<TV, TL>(TL.Multiply(TL.NegativeAbs(x), TL.Create(2.0)));
        TV magnitude = TL.Divide(TL.Subtract(TL.Create(0.0), m), TL.Add(TL.Create(2.0), m));
        return TL.CopySign(magnitude, x);
    }
}
