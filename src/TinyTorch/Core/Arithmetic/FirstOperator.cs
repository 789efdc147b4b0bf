using System.Numerics;

namespace TinyTorch.Core;

/// <summary>Returns its left operand: run through the broadcasting engine, it copies a tensor out to a larger shape.</summary>
internal readonly struct FirstOperator : IArithmeticOperator
{
    /// <inheritdoc/>
    public static float Invoke(float a, float b) => a;

    /// <inheritdoc/>
    public static Vector<float> Invoke(Vector<float> a, Vector<float> b) => a;
}
