using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>GELU, tanh form, evaluated in double through the readable layer and rounded once to float.</summary>
internal readonly struct GeluTanhFormOperator : IUnaryOperator
{
    public static float Invoke(float x) => (float)GELUMath.TanhForm(x);
}
