using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    // (1/8 + 1/3)/2 = 0.22916667163372040: exactly a float, so the reference's double slope is the kernels' slope.
    private static readonly float RReLUDefaultSlope = ActivationKernels.RReLUEvaluationSlope(1f / 8, 1f / 3);

    /// <summary>RReLU, x for x &gt; 0, a·x otherwise with a random slope a in training.</summary>
    /// <remarks>
    /// The entry is RReLU in evaluation mode: <see cref="ActivationVariant.Create"/> returns a module with
    /// Training = false, and the kernels are LeakyReLU's at (lower + upper)/2, so it is deterministic and every
    /// check of the catalog applies. Training mode (random slopes) has its own tests.
    /// </remarks>
    public static ActivationDescriptor RReLU { get; } = new()
    {
        Name = "RReLU",
        Signature = "RReLU(float lower = 1/8f, float upper = 1/3f, int? seed = null)",
        Formula = "x for x > 0, a·x otherwise; a ~ U[lower, upper] per element in training, (lower + upper)/2 in evaluation",
        Derivative = "1 for x > 0, the element's a otherwise",
        UsedIn = "small-data CNNs (Kaggle NDSB 2015, Xu et al. 2015), as a regularizer",
        Trap = "slopes drawn per element from a seeded counter-based stream: reproducible on any thread count",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "rrelu",
                Label = "RReLU (evaluation)",
                Create = () => new Core.RReLU { Training = false },
                Forward = (x, d) => ActivationKernels.LeakyReLU(x, d, RReLUDefaultSlope),
                Backward = (g, x, d) => ActivationKernels.LeakyReLUBackward(g, x, d, RReLUDefaultSlope),
                Saves = SavedForBackward.Input,
                Reference = RReLUMath.Forward,
                ReferenceDerivative = RReLUMath.Derivative,
                ForwardBoundUlps = 0.5,
                AtNegativeInfinity = double.NegativeInfinity,
                AtPositiveInfinity = double.PositiveInfinity,
            },
        ],
    };
}
