using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>GeGLU, exact form: a·GELU(b) = a·b·Φ(b), as GELU(b) rounded (<see cref="GeluExactFormOperator"/>) times a.</summary>
/// <remarks>
/// Composed, not fused: GELU's exact form is itself within 1.75 ULP by its proof (1.191 measured), so a·GELU(b)
/// rounded is within 2·1.75 + 0.5 = 4 ULP of the truth by the same count (the ULP of GELU(b) can be twice that of the
/// product's, relative to the value), wherever GELU(b) is normal (b ≥ −13.1 and |b| ≥ 2^-125). Elsewhere GELU(b) is
/// within 1 ULP in subnormal spacing (2^-149), so the product owes |a|·2^-149, and a = ±∞ gives NaN where GELU(b)
/// rounds to ±0 (∞·0, as PyTorch's a·gelu(b); the truth is ±∞). Special values are IEEE's product of a and GELU(b).
/// Backward: dL/da = g·GELU(b), dL/db = (g·a)·GELU′(b) (<see cref="GeluExactFormBackwardOperator"/>).
/// </remarks>
internal readonly struct GeGLUExactFormOperator : IGateOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Forward<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IFloatLanes<TV>
        => TL.Multiply(a, GeluExactFormOperator.Compute<TV, TL>(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Backward<TV, TL>(TV a, TV b, TV g, out TV gradB)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        gradB = GeluExactFormBackwardOperator.Compute<TV, TL>(b, TL.Multiply(g, a));
        return TL.Multiply(g, GeluExactFormOperator.Compute<TV, TL>(b));
    }
}
