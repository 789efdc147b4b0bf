using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>GLU: a·σ(b), as a/(1 + e^(−b)) rounded once: within 0.57 ULP of the true value wherever it is normal.</summary>
/// <remarks>
/// <see cref="FloatGate.TimesSigmoid{TV, TL}"/> with n = a (rescaled by 2^64 below 2^-100:
/// <see cref="FloatGate.ScaledNumerator{TV, TL}"/>) and t = −b (exact): the bound is the core's own,
/// 0.5 + 2^24·(2^-28.2 + 2^-30.5) &lt; 0.57 ULP; a subnormal result is within 0.79 ULP in subnormal spacing (2^-149: see <see cref="FloatGate"/>). Because the scale follows b,
/// a·σ(b) keeps its precision where σ(b) alone would underflow (a = 1e38, b = −150 gives 7.2e−28).
/// b is clamped to [−200, 86] (beyond 86 the result rounds to a; below −200 it is ±0 for every float a).
/// Special values: NaN in either half gives NaN; b = +∞ gives a, b = −∞ gives ±0 (the sign of a); a = ±∞ gives ±∞
/// (σ(b) &gt; 0) except at b = −∞, where ∞·0 is NaN. (PyTorch 1.13 computes σ(b) first and returns NaN for a = ±∞
/// wherever σ(b) underflows to 0, b &lt; −103.3, and 0 for finite a there.)
/// Backward: dL/da = g·σ(b) and dL/db = g·a·σ(b)σ(−b), σ and σ′ from one exponential
/// (<see cref="FloatLogistic.SigmoidAndSlope{TV, TL}"/>, each within 2^-22 relative): both within 2^-21 relative of
/// the true value; b is clamped to ±88 there, where σ′ &lt; 2^-126.
/// </remarks>
internal readonly struct GLUOperator : IGateOperator
{
    private const float SlopeLimit = 88.0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Forward<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        // NOTE: a numerator below ~2^-113 would leave the division's remainder in the subnormals, where it loses the
        // bits that make the one rounding correct (1.07 ULP measured at a ≈ 2e−38): tiny a is scaled up first.
        TV zero = TL.Create(0.0f);
        if (FloatGate.AllOrdinary<TV, TL>(a, b, a, FloatGate.SmallestUnscaled, float.MaxValue))
        {
            // Every lane in the first regime with a unscaled: the general path's bits without its selects (on
            // 1024 × 1024, one thread: 0.40 ns per input element before, against libtorch's 0.28).
            TV zo = TL.AtMost(b, -FloatGate.LowestT);
            return FloatGate.TimesSigmoidOrdinary<TV, TL>(a, TL.Multiply(zo, TL.Create(-1.0f)), zo, -FloatExp.SixteenOverLn2);
        }

        TV n = FloatGate.ScaledNumerator<TV, TL>(a, out TV scale);
        TV z = TL.AtMost(TL.AtLeast(b, -FloatGate.HighestT), -FloatGate.LowestT);
        TV t = TL.Multiply(z, TL.Create(-1.0f));
        TV y = FloatGate.TimesSigmoid<TV, TL>(n, zero, t, zero, z, -FloatExp.SixteenOverLn2, scale);
        return FloatGate.UnlessInfinite<TV, TL>(a, b, n, FloatGate.SigmoidSign<TV, TL>(b, z), y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Backward<TV, TL>(TV a, TV b, TV g, out TV gradB)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV z = TL.AtMost(TL.AtLeast(b, -SlopeLimit), SlopeLimit);
        TV sigmoid = FloatLogistic.SigmoidAndSlope<TV, TL>(z, out TV slope);
        gradB = TL.Multiply(TL.Multiply(g, a), slope);
        return TL.Multiply(g, sigmoid);
    }
}
