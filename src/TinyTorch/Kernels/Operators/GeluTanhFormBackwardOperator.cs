using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for GELU's tanh form: g times the exact derivative of that form, from the input x.</summary>
internal readonly struct GeluTanhFormBackwardOperator : IBinaryOperator
{
    public static float Invoke(float x, float g) => (float)(g * GELUMath.TanhFormDerivative(x));
}
