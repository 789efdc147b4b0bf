using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx = g·y(1 − y) from the forward's output y.</summary>
internal readonly struct SigmoidBackwardOperator : IBinaryOperator
{
    public static float Invoke(float y, float g) => (float)(g * SigmoidMath.DerivativeFromOutput(y));
}
