using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>σ(x), evaluated in double through the readable layer and rounded once to float.</summary>
internal readonly struct SigmoidOperator : IUnaryOperator
{
    public static float Invoke(float x) => (float)SigmoidMath.Forward(x);
}
