using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>GeGLU, sigmoid form: a·b·σ(1.702b) = (a·b)/(1 + e^(−1.702b)), rounded once.</summary>
/// <remarks>
/// t = −1.702b as a float pair (<see cref="GeluSigmoidFormOperator.NegatedArgument{TV, TL}"/>), a·b as an exact pair,
/// and <see cref="FloatGate.TimesSigmoid{TV, TL}"/>'s one rounding: within 0.57 ULP wherever the result is normal
/// (0.79 ULP in subnormal spacing, 2^-149, below: see <see cref="FloatGate"/>). b is clamped to [−117.4, 50.5] inside the exponential (t ∈ [−85.95, 199.8]) and from below at
/// −117.4 in the factor (below, the result is ±0 for every float a). Special values as <see cref="SwiGLUOperator"/>'s.
/// Backward: dL/da = g·GELU(b) (<see cref="GeluSigmoidFormOperator"/>), dL/db = (g·a)·GELU′(b)
/// (<see cref="GeluSigmoidFormBackwardOperator"/>), each plus one rounding.
/// </remarks>
internal readonly struct GeGLUSigmoidFormOperator : IGateOperator
{
    private const float Floor = -117.4f;
    private const float Ceiling = 50.5f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Forward<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV factor = TL.AtLeast(b, Floor);
        TV nHi = FloatGate.ScaledProduct<TV, TL>(a, factor, out TV nLo, out TV scale);
        TV z = TL.AtMost(factor, Ceiling);
        TV tHi = GeluSigmoidFormOperator.NegatedArgument<TV, TL>(z, out TV tLo);
        TV y = FloatGate.TimesSigmoid<TV, TL>(nHi, nLo, tHi, tLo, z, GeluSigmoidFormOperator.KdSlope, scale);
        return FloatGate.UnlessInfinite<TV, TL>(a, b, nHi, FloatGate.TimesSigmoidSign<TV, TL>(b, z), y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Backward<TV, TL>(TV a, TV b, TV g, out TV gradB)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        gradB = GeluSigmoidFormBackwardOperator.Compute<TV, TL>(b, TL.Multiply(g, a));
        return TL.Multiply(g, GeluSigmoidFormOperator.Compute<TV, TL>(b));
    }
}
