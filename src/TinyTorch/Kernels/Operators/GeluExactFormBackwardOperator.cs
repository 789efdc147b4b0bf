using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for GELU's exact form: g times the exact derivative of that form, from the input x.</summary>
internal readonly struct GeluExactFormBackwardOperator : IBinaryOperator
{
    public static float Invoke(float x, float g) => (float)(g * GELUMath.ExactFormDerivative(x));
}
