using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>SELU, scale·ELU(x, alpha) with PyTorch's fixed constants.</summary>
    public static ActivationDescriptor SELU { get; } = new()
    {
        Name = "SELU",
        Signature = "SELU()",
        Formula = "scale·x for x > 0, scale·alpha·(e^x − 1) otherwise (alpha ≈ 1.6733, scale ≈ 1.0507)",
        Derivative = "scale for x > 0, scale·alpha·e^x otherwise",
        UsedIn = "self-normalizing fully connected networks (Klambauer et al. 2017)",
        Trap = "the constants are not floats: carried as pairs so each result is rounded once; expm1 without cancellation",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "selu",
                Label = "SELU",
                Create = () => new Core.SELU(),
                Forward = (x, d) => ActivationKernels.SELU(x, d),
                Backward = (g, x, d) => ActivationKernels.SELUBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = SELUMath.Forward,
                ReferenceDerivative = SELUMath.Derivative,
                ForwardBoundUlps = 2,
                AtNegativeInfinity = -SELUMath.Scale * SELUMath.Alpha,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = -SELUMath.Scale * SELUMath.Alpha,
            },
        ],
    };
}
