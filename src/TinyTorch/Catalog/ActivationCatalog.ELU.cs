using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>ELU, x for x &gt; 0, alpha·(e^x − 1) otherwise.</summary>
    public static ActivationDescriptor ELU { get; } = new()
    {
        Name = "ELU",
        Signature = "ELU(float alpha = 1f)",
        Formula = "x for x > 0, alpha·(e^x − 1) otherwise",
        Derivative = "1 for x > 0, alpha·e^x otherwise",
        UsedIn = "deep CNNs without batch norm (Clevert et al. 2015)",
        Trap = "e^x − 1 cancels near 0 (PyTorch's ELU(−1e−30) is 0): an expm1 on the parts of the exponential",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "elu",
                Label = "ELU",
                Create = () => new Core.ELU(),
                Forward = (x, d) => ActivationKernels.ELU(x, d),
                Backward = (g, x, d) => ActivationKernels.ELUBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = ELUMath.Forward,
                ReferenceDerivative = ELUMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = -1,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = -1,
            },
        ],
    };
}
