using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>ReGLU: a·max(0, b), one product rounded once: within 0.5 ULP (correctly rounded).</summary>
/// <remarks>
/// max(0, b) as <see cref="ReLUOperator"/> has it: NaN stays NaN and −0 stays −0. So a NaN in either half gives NaN,
/// and a = ±∞ with b ≤ 0 gives NaN (∞·0), as PyTorch's a·relu(b).
/// Backward: dL/da = g·max(0, b) and dL/db = g·a where b &gt; 0 (and where b is NaN), 0 elsewhere, as PyTorch's
/// threshold backward: each one product, correctly rounded.
/// </remarks>
internal readonly struct ReGLUOperator : IGateOperator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Forward<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IFloatLanes<TV>
        => TL.Multiply(a, TL.Larger(TL.Create(0.0f), b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Backward<TV, TL>(TV a, TV b, TV g, out TV gradB)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        // b ≤ 0 is b < the least positive float; NaN compares false and keeps the gradient, as ReLU's backward.
        gradB = TL.SelectWhereBelow(b, float.Epsilon, TL.Create(0.0f), TL.Multiply(g, a));
        return TL.Multiply(g, TL.Larger(TL.Create(0.0f), b));
    }
}
