using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Softplus, (1/beta)·ln(1 + e^(beta·x)).</summary>
    public static ActivationDescriptor Softplus { get; } = new()
    {
        Name = "Softplus",
        Signature = "Softplus(float beta = 1f, float threshold = 20f)",
        Formula = "(1/beta)·ln(1 + e^(beta·x)), x where beta·x > threshold",
        Derivative = "σ(beta·x), 1 where beta·x > threshold",
        UsedIn = "positive outputs (variances, rates), Mish's inner function",
        Trap = "max(t, 0) + log1p(e^(−|t|)): e^t never overflows, and the tail where e^t is tiny keeps its digits",
        Cost = ActivationCost.Transcendental,
        Variants =
        [
            new()
            {
                Key = "softplus",
                Label = "Softplus",
                Create = () => new Core.Softplus(),
                Forward = (x, d) => ActivationKernels.Softplus(x, d),
                Backward = (g, x, d) => ActivationKernels.SoftplusBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = SoftplusMath.Forward,
                ReferenceDerivative = SoftplusMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = 0,
            },
        ],
    };
}
