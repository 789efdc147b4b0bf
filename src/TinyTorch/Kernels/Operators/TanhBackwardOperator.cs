using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx = g·(1 − y)(1 + y) from the forward's output y.</summary>
internal readonly struct TanhBackwardOperator : IBinaryOperator
{
    public static float Invoke(float y, float g) => (float)(g * TanhMath.DerivativeFromOutput(y));
}
