using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>GELU, exact form, evaluated in double through the readable layer and rounded once to float.</summary>
internal readonly struct GeluExactFormOperator : IUnaryOperator
{
    public static float Invoke(float x) => (float)GELUMath.ExactForm(x);
}
