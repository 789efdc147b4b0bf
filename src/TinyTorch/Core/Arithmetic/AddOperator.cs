using System.Numerics;

namespace TinyTorch.Core;

/// <summary>a + b, element-wise.</summary>
internal readonly struct AddOperator : IArithmeticOperator
{
    /// <inheritdoc/>
    public static float Invoke(float a, float b) => a + b;

    /// <inheritdoc/>
    public static Vector<float> Invoke(Vector<float> a, Vector<float> b) => a + b;
}
