using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>SwiGLU: a·SiLU(b) = a·b·σ(b), as (a·b)/(1 + e^(−b)) rounded once: within 0.57 ULP wherever it is normal.</summary>
/// <remarks>
/// a·b is formed as an exact pair (<see cref="FloatGate.ScaledProduct{TV, TL}"/>, rescaled by a power of two where it
/// would overflow or lose its low part, the scale folded back at the end), so the one pair division of
/// <see cref="FloatGate.TimesSigmoid{TV, TL}"/> is the only rounding: 0.5 + 2^24·(2^-28.2 + 2^-30.5) &lt; 0.57 ULP;
/// a subnormal result is within 0.79 ULP in subnormal spacing (2^-149, <see cref="FloatGate"/>). Rounding SiLU(b) first and multiplying would cost up to 1.6 ULP.
/// b is clamped from below at −200 (the result is ±0 there for every float a) and to 86 inside the exponential.
/// Special values: NaN gives NaN; b = −∞ gives ±0 (SiLU's limit 0; PyTorch's a·silu(b) is NaN there, silu(−∞) being
/// −∞·0); b = +∞ gives ±∞ (NaN for a = 0); a = ±∞ gives ±∞ with the sign of a·b, NaN at b = 0 or b = −∞.
/// Backward: dL/da = g·SiLU(b) (<see cref="SiLUOperator"/>, 0.554 ULP, then one rounding), dL/db = (g·a)·SiLU′(b)
/// (<see cref="SiLUBackwardOperator"/>: within 4·2^-24 of max(|dL/db|, |g·a|), plus the rounding of g·a).
/// </remarks>
internal readonly struct SwiGLUOperator : IGateOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Forward<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV product = TL.Multiply(a, b);
        if (FloatGate.AllOrdinary<TV, TL>(a, b, product, FloatGate.SmallestUnscaled, FloatGate.LargestUnscaled))
        {
            // Every lane in the first regime with a·b unscaled: the general path's bits without its selects.
            TV zo = TL.AtMost(b, -FloatGate.LowestT);
            TV low = TL.MultiplyAdd(a, b, TL.Subtract(zero, product));
            return FloatGate.TimesSigmoidOrdinary<TV, TL>(product, low, TL.Multiply(zo, TL.Create(-1.0f)), zo, -FloatExp.SixteenOverLn2);
        }

        TV factor = TL.AtLeast(b, -FloatGate.HighestT);
        TV nHi = FloatGate.ScaledProduct<TV, TL>(a, factor, out TV nLo, out TV scale);
        TV z = TL.AtMost(factor, -FloatGate.LowestT);
        TV t = TL.Multiply(z, TL.Create(-1.0f));
        TV y = FloatGate.TimesSigmoid<TV, TL>(nHi, nLo, t, zero, z, -FloatExp.SixteenOverLn2, scale);
        return FloatGate.UnlessInfinite<TV, TL>(a, b, nHi, FloatGate.TimesSigmoidSign<TV, TL>(b, z), y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Backward<TV, TL>(TV a, TV b, TV g, out TV gradB)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        gradB = SiLUBackwardOperator.Compute<TV, TL>(b, TL.Multiply(g, a));
        return TL.Multiply(g, SiLUOperator.Compute<TV, TL>(b));
    }
}
