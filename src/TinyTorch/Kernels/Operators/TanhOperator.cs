using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>tanh(x), evaluated in double through the readable layer and rounded once to float.</summary>
internal readonly struct TanhOperator : IUnaryOperator
{
    public static float Invoke(float x) => (float)TanhMath.Forward(x);
}
