using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>CELU, max(0, x) + min(0, alpha·(e^(x/alpha) − 1)).</summary>
    public static ActivationDescriptor CELU { get; } = new()
    {
        Name = "CELU",
        Signature = "CELU(float alpha = 1f)",
        Formula = "max(0, x) + min(0, alpha·(e^(x/alpha) − 1))",
        Derivative = "1 for x > 0, e^(x/alpha) otherwise",
        UsedIn = "ELU with a slope of 1 at 0 for every alpha (Barron 2017)",
        Trap = "x/alpha rounded would move e^(x/alpha) − 1: carried as a pair, and expm1 without cancellation",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "celu",
                Label = "CELU",
                Create = () => new Core.CELU(),
                Forward = (x, d) => ActivationKernels.CELU(x, d),
                Backward = (g, x, d) => ActivationKernels.CELUBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = CELUMath.Forward,
                ReferenceDerivative = CELUMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = -1,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = -1,
            },
        ],
    };
}
