using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for GELU's sigmoid form: g·(σ(z) + z·σ(z)σ(−z)), z = 1.702x, from the input x.</summary>
/// <remarks>
/// The exact derivative of x·σ(1.702x), in double lanes. σ(z)σ(−z) comes from one exponential with no
/// 1 − σ cancellation. x is clamped to ±float.MaxValue so ±∞ give slopes 1 and 0 instead of ∞·0.
/// Every width runs the same double-lane algorithm (<see cref="FloatViaDouble"/>), so all agree bit for bit.
/// </remarks>
internal readonly struct GeluSigmoidFormBackwardOperator : IBinaryOperator, IDoubleBinaryFunction
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x, float g) => FloatViaDouble.Apply<GeluSigmoidFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) => FloatViaDouble.Apply<GeluSigmoidFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => FloatViaDouble.Apply<GeluSigmoidFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => FloatViaDouble.Apply<GeluSigmoidFormBackwardOperator>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IDoubleLanes<TV>
    {
        TV xc = TL.Min(TL.Max(x, TL.Create(-float.MaxValue)), TL.Create(float.MaxValue));
        TV z = TL.Multiply(xc, TL.Create(1.702));
        TV s = Logistic.SigmoidAndSlope<TV, TL>(z, out TV slope);
        return TL.Multiply(g, TL.MultiplyAdd(z, slope, s));
    }
}
