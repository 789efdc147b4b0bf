using System.Numerics;

namespace TinyTorch.Core;

/// <summary>
/// One of the four arithmetic operations as a type, so the broadcasting loops are compiled once per
/// operation with the operation inlined, instead of calling a delegate per element.
/// </summary>
internal interface IArithmeticOperator
{
    /// <summary>The operation on one pair.</summary>
    static abstract float Invoke(float a, float b);

    /// <summary>The operation on <see cref="Vector{T}.Count"/> pairs; every lane must equal <see cref="Invoke(float, float)"/>.</summary>
    static abstract Vector<float> Invoke(Vector<float> a, Vector<float> b);
}
