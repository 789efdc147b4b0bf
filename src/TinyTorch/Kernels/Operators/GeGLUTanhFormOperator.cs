using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>GeGLU, tanh form: a·GELU_tanh(b) = (a·b)/(1 + e^(−z)), z = 2√(2/π)(b + 0.044715b³), rounded once.</summary>
/// <remarks>
/// z comes as a float pair from <see cref="GeluTanhFormOperator.NegatedArgument{TV, TL}"/> (good to ~2^-44 relative,
/// so |t|·2^-44 ≤ 2^-36 more in e^t), a·b as an exact pair (<see cref="FloatGate.ScaledProduct{TV, TL}"/>), and the
/// quotient is <see cref="FloatGate.TimesSigmoid{TV, TL}"/>'s one rounding: within 0.57 ULP wherever the result is normal
/// (0.79 ULP in subnormal spacing, 2^-149, below: see <see cref="FloatGate"/>). k from v·KdSlope: three roundings of 2^-24 at |t·16/ln 2| ≤ 4600 stay below 2^-10.2, and
/// |r1 + δ| ≤ 0.021704 + 6e−7 + |tLo| (≤ 1.2e−5) &lt; 0.02172, the polynomial's interval.
/// b is clamped to [−13.55, 9.9] inside z (t ∈ [−85.1, 199.2]; from 9.9 on σ(z) = 1 − 2^-122) and from below at
/// −13.55 in the factor too: below, |a·b·σ(z)| &lt; 2^-150 for every float a, and the clamped value rounds to ±0
/// (it is itself below 2^-150 · 2). Special values as <see cref="SwiGLUOperator"/>'s.
/// Backward: dL/da = g·GELU(b) (<see cref="GeluTanhFormOperator"/>, 0.552 ULP), dL/db = (g·a)·GELU′(b)
/// (<see cref="GeluTanhFormBackwardOperator"/>), each plus one rounding.
/// </remarks>
internal readonly struct GeGLUTanhFormOperator : IGateOperator
{
    private const float Floor = -13.55f;
    private const float Ceiling = 9.9f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Forward<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV factor = TL.AtLeast(b, Floor);
        TV nHi = FloatGate.ScaledProduct<TV, TL>(a, factor, out TV nLo, out TV scale);
        TV z = TL.AtMost(factor, Ceiling);
        TV tHi = GeluTanhFormOperator.NegatedArgument<TV, TL>(z, out TV tLo, out TV vHi);
        TV y = FloatGate.TimesSigmoid<TV, TL>(nHi, nLo, tHi, tLo, vHi, GeluTanhFormOperator.KdSlope, scale);
        return FloatGate.UnlessInfinite<TV, TL>(a, b, nHi, FloatGate.TimesSigmoidSign<TV, TL>(b, z), y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Backward<TV, TL>(TV a, TV b, TV g, out TV gradB)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        gradB = GeluTanhFormBackwardOperator.Compute<TV, TL>(b, TL.Multiply(g, a));
        return TL.Multiply(g, GeluTanhFormOperator.Compute<TV, TL>(b));
    }
}
