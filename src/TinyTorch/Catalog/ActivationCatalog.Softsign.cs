using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Softsign, x/(1 + |x|).</summary>
    public static ActivationDescriptor Softsign { get; } = new()
    {
        Name = "Softsign",
        Signature = "Softsign()",
        Formula = "x/(1 + |x|)",
        Derivative = "1/(1 + |x|)²",
        UsedIn = "a cheaper tanh-like squashing (Bergstra et al. 2009, Glorot & Bengio 2010)",
        Trap = "two roundings (the sum, the quotient) naively: 1 + |x| as an exact pair, one corrected division",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "softsign",
                Label = "Softsign",
                Create = () => new Core.Softsign(),
                Forward = (x, d) => ActivationKernels.Softsign(x, d),
                Backward = (g, x, d) => ActivationKernels.SoftsignBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = SoftsignMath.Forward,
                ReferenceDerivative = SoftsignMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = -1,
                AtPositiveInfinity = 1,
                Minimum = -1,
                Maximum = 1,
            },
        ],
    };
}
