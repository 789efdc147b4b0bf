using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>ReGLU, a ⊗ ReLU(b) on the halves of a dim.</summary>
    public static ActivationDescriptor ReGLU { get; } = new()
    {
        Name = "ReGLU",
        Signature = "ReGLU(int dim = -1)",
        Formula = "a ⊗ max(0, b)",
        Derivative = "∂a: max(0, b); ∂b: a for b > 0, else 0",
        UsedIn = "gated feed-forward variants (Shazeer 2020)",
        Trap = "none: one product, correctly rounded",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "reglu",
                Label = "ReGLU",
                Create = () => new Core.ReGLU(),
                Saves = SavedForBackward.Input,
                ForwardBoundUlps = 0.5,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = 0,
                Gate = new()
                {
                    Forward = (x, d, n) => ActivationKernels.ReGLU(x, d, n),
                    Backward = (g, x, d, n) => ActivationKernels.ReGLUBackward(g, x, d, n),
                    CreateAlong = dim => new Core.ReGLU(dim),
                    Reference = ReGLUMath.Forward,
                    ReferenceDerivativeA = ReGLUMath.DerivativeA,
                    ReferenceDerivativeB = ReGLUMath.DerivativeB,
                },
            },
        ],
    };
}
