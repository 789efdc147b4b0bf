using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>SwiGLU, a ⊗ SiLU(b) on the halves of a dim.</summary>
    public static ActivationDescriptor SwiGLU { get; } = new()
    {
        Name = "SwiGLU",
        Signature = "SwiGLU(int dim = -1)",
        Formula = "a ⊗ b·σ(b)",
        Derivative = "∂a: b·σ(b); ∂b: a·σ(b)(1 + b(1 − σ(b)))",
        UsedIn = "LLaMA's and PaLM's feed-forward layers",
        Trap = "a·b as an exact pair, then one pair division: no overflow of a·b, one rounding",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "swiglu",
                Label = "SwiGLU",
                Create = () => new Core.SwiGLU(),
                Saves = SavedForBackward.Input,
                ForwardBoundUlps = 0.57,
                SubnormalBoundUlps = 0.79,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = -0.2785,
                Gate = new()
                {
                    Forward = (x, d, n) => ActivationKernels.SwiGLU(x, d, n),
                    Backward = (g, x, d, n) => ActivationKernels.SwiGLUBackward(g, x, d, n),
                    CreateAlong = dim => new Core.SwiGLU(dim),
                    Reference = SwiGLUMath.Forward,
                    ReferenceDerivativeA = SwiGLUMath.DerivativeA,
                    ReferenceDerivativeB = SwiGLUMath.DerivativeB,
                },
            },
        ],
    };
}
