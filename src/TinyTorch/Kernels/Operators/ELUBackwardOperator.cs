using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx for <see cref="ELUOperator"/>'s family, from the forward's input x, as PyTorch's elu_backward(is_result=false):
/// g·positiveSlope for x &gt; 0 (and for NaN), g·(negativeCoefficient/divisor)·e^(x/divisor) for x ≤ 0.
/// </summary>
/// <remarks>
/// NOTE: PyTorch can also differentiate from the output (e^t = y/negativeCoefficient + 1, what its in-place elu_ does),
/// but y + coefficient cancels as y → −coefficient: at x = −10 it keeps 4 of float's 24 bits. From the input the
/// slope is one exponential, exact to a few roundings everywhere; it is what PyTorch's out-of-place ELU, CELU and
/// SELU save, too.
/// Error: e^t as <see cref="FloatExp"/>'s pair (2^-32), the slope c = coefficient/divisor rounded (2^-24), c·2^K·(hi + lo)
/// in one FMA, the product with g: three roundings, ≤ 3·2^-24 of |dL/dx|; CELU's t = x/alpha rounded moves e^t by
/// |t|·2^-24 relative, at most (1/e)·2^-24 of |g|·c·1 (t·e^t ≤ 1/e): within 4·2^-24 of max(|dL/dx|, |g|).
/// Below t = −88 e^t is 0 (FloatExp's clamp); at x = 0 the slope is c (PyTorch's choice at the kink).
/// </remarks>
/// <param name="slopeBelow">negativeCoefficient/divisor rounded: alpha (ELU), 1 (CELU), scale·alpha (SELU).</param>
/// <param name="slopeAbove">The slope above 0: 1, or SELU's scale.</param>
/// <param name="divisor">What x is divided by inside the exponential (CELU's alpha; 1 otherwise).</param>
internal readonly struct ELUBackwardOperator(float slopeBelow, float slopeAbove, float divisor) : IBinaryOperator
{
    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public static bool Paired => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => Compute<float, FloatScalarLanes>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) => Compute<Vector128<float>, FloatLanes128>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => Compute<Vector256<float>, FloatLanes256>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => Compute<Vector512<float>, FloatLanes512>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Pair Invoke(Vector512Pair x, Vector512Pair g) => Compute<Vector512Pair, FloatLanes512Pair>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV t = TL.AtMost(x, 0.0f);
        if (divisor != 1.0f)
        {
            t = TL.Divide(t, TL.Create(divisor));
        }

        TV hi = FloatExp.ExpNonPositive<TV, TL>(t, out TV scale, out TV lo);
        TV c = TL.Multiply(TL.Create(slopeBelow), scale);
        TV below = TL.Multiply(g, TL.MultiplyAdd(c, hi, TL.Multiply(c, lo)));
        return TL.SelectWhereBelow(x, float.Epsilon, below, TL.Multiply(g, TL.Create(slopeAbove)));
    }
}
