using System.Numerics;

namespace TinyTorch.Core;

/// <summary>a / b, element-wise.</summary>
internal readonly struct DivideOperator : IArithmeticOperator
{
    /// <inheritdoc/>
    public static float Invoke(float a, float b) => a / b;

    // NOTE: never a·(1/b): a reciprocal rounds once more, and b = 3 would then give 1/3·3 ≠ 1 for some a.
    // Vector division is IEEE-correctly rounded like the scalar one, so every lane matches Invoke(a, b).

    /// <inheritdoc/>
    public static Vector<float> Invoke(Vector<float> a, Vector<float> b) => a / b;
}
