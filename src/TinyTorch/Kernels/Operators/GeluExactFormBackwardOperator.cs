using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for GELU's exact form: g·(Φ(x) + x·φ(x)), from the input x.</summary>
/// <remarks>
/// The exact derivative of x·Φ(x), in double lanes; Φ from <see cref="NormalTail"/>, φ(x) = e^(−x²/2)/√(2π)
/// with x² exact in double. x is clamped to [−40, 40], where the slope is already 0 or 1 in float.
/// Every width runs the same double-lane algorithm (<see cref="FloatViaDouble"/>), so all agree bit for bit.
/// </remarks>
internal readonly struct GeluExactFormBackwardOperator : IBinaryOperator, IDoubleBinaryFunction
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x, float g) => FloatViaDouble.Apply<GeluExactFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) => FloatViaDouble.Apply<GeluExactFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => FloatViaDouble.Apply<GeluExactFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => FloatViaDouble.Apply<GeluExactFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        TV xc = TL.Min(TL.Max(x, TL.Create(-40.0)), TL.Create(40.0));
        TV q = NormalTail.Upper<TV, TL>(TL.Abs(xc));
        TV cdf = TL.SelectWhereNegative(xc, q, TL.Subtract(TL.Create(1.0), q));
        TV pdf = TL.Multiply(TL.Create(GeluConstants.OneOverSqrtTwoPi), VectorExp.Exp<TV, TL>(TL.Multiply(TL.Multiply(xc, xc), TL.Create(-0.5))));
        return TL.Multiply(g, TL.MultiplyAdd(xc, pdf, cdf));
    }
}
