using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for GELU's tanh form: g·(σ(2u) + x·σ(2u)σ(−2u)·2u′), from the input x.</summary>
/// <remarks>
/// The exact derivative of x·σ(2u), u = √(2/π)(x + 0.044715x³), in double lanes.
/// NOTE: x is clamped to [−40, 40]: beyond, the slope is 0 or 1 to far below float precision, and the clamp
/// keeps x·2u′ (which grows like x³) from meeting the exponential's floor e^−200 as a finite non-zero product.
/// Every width runs the same double-lane algorithm (<see cref="FloatViaDouble"/>), so all agree bit for bit.
/// </remarks>
internal readonly struct GeluTanhFormBackwardOperator : IBinaryOperator, IDoubleBinaryFunction
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x, float g) => FloatViaDouble.Apply<GeluTanhFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) => FloatViaDouble.Apply<GeluTanhFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => FloatViaDouble.Apply<GeluTanhFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => FloatViaDouble.Apply<GeluTanhFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        TV xc = TL.Min(TL.Max(x, TL.Create(-40.0)), TL.Create(40.0));
        TV x2 = TL.Multiply(xc, xc);
        TV twoC = TL.Create(2.0 * GeluConstants.SqrtTwoOverPi);
        TV z = TL.Multiply(TL.Multiply(xc, twoC), TL.MultiplyAdd(x2, TL.Create(GeluConstants.TanhCubic), TL.Create(1.0)));
        TV dz = TL.Multiply(twoC, TL.MultiplyAdd(x2, TL.Create(3.0 * GeluConstants.TanhCubic), TL.Create(1.0)));
        TV s = Logistic.SigmoidAndSlope<TV, TL>(z, out TV slope);
        return TL.Multiply(g, TL.MultiplyAdd(TL.Multiply(xc, slope), dz, s));
    }
}
