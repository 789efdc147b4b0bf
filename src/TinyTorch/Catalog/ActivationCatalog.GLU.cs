using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>GLU, a ⊗ σ(b) on the halves of a dim.</summary>
    public static ActivationDescriptor GLU { get; } = new()
    {
        Name = "GLU",
        Signature = "GLU(int dim = -1)",
        Formula = "a ⊗ σ(b), (a, b) the halves of x along dim",
        Derivative = "∂a: σ(b); ∂b: a·σ(b)σ(−b)",
        UsedIn = "gated CNNs (Dauphin et al. 2017), WaveNet-style gates",
        Trap = "a/(1 + e^(−b)) as one pair division scaled by b: no underflow of σ(b) before the product, one rounding",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "glu",
                Label = "GLU",
                Create = () => new Core.GLU(),
                Saves = SavedForBackward.Input,
                ForwardBoundUlps = 0.57,
                SubnormalBoundUlps = 0.79,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = 1,
                Minimum = 0,
                Maximum = 1,
                Gate = new()
                {
                    Forward = (x, d, n) => ActivationKernels.GLU(x, d, n),
                    Backward = (g, x, d, n) => ActivationKernels.GLUBackward(g, x, d, n),
                    CreateAlong = dim => new Core.GLU(dim),
                    Reference = GLUMath.Forward,
                    ReferenceDerivativeA = GLUMath.DerivativeA,
                    ReferenceDerivativeB = GLUMath.DerivativeB,
                },
            },
        ],
    };
}
