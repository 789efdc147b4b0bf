using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels.Operators;

/// <summary>GELU, sigmoid form, evaluated in double through the readable layer and rounded once to float.</summary>
internal readonly struct GeluSigmoidFormOperator : IUnaryOperator
{
    public static float Invoke(float x) => (float)GELUMath.SigmoidForm(x);
}
