using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>GELU, tanh form ½x(1 + tanh(√(2/π)(x + 0.044715x³))), within 2 ULP for every input.</summary>
/// <remarks>
/// Evaluated as x·σ(2u) (½(1 + tanh u) = σ(2u)), which never subtracts, with 2u = 2√(2/π)·x·(1 + 0.044715x²)
/// in double (x² is exact in double; in float the argument would carry |2u|·2^-24 of error, ~100 ULP in
/// the tail). −∞ is clamped to −float.MaxValue, so GELU(−∞) = −0.
/// Every width runs the same double-lane algorithm (<see cref="FloatViaDouble"/>), so all agree bit for bit.
/// </remarks>
internal readonly struct GeluTanhFormOperator : IUnaryOperator, IDoubleUnaryFunction
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x) => FloatViaDouble.Apply<GeluTanhFormOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => FloatViaDouble.Apply<GeluTanhFormOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => FloatViaDouble.Apply<GeluTanhFormOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => FloatViaDouble.Apply<GeluTanhFormOperator>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        TV xc = TL.AtLeast(x, -float.MaxValue);
        TV cubic = TL.MultiplyAdd(TL.Multiply(xc, xc), TL.Create(GeluConstants.TanhCubic), TL.Create(1.0));
        TV z = TL.Multiply(TL.Multiply(xc, TL.Create(2.0 * GeluConstants.SqrtTwoOverPi)), cubic);
        return TL.Multiply(xc, Logistic.Sigmoid<TV, TL>(z));
    }
}
