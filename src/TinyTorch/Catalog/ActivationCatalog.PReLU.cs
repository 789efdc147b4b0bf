using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    // The slope a new PReLU starts with: the catalog's kernels run at it, which makes them LeakyReLU(0.25).
    private static readonly float[] PReLUInitialWeight = [(float)PReLUMath.DefaultWeight];

    /// <summary>PReLU, x for x &gt; 0, a·x otherwise with a learned slope a.</summary>
    /// <remarks>
    /// The kernels here are PReLU's at its initial slope 0.25, one shared slope: LeakyReLU's operators at 0.25. The
    /// forward bound is PReLU's at any slope, one rounding (0.5 ULP); at 0.25, a power of 2, the product is exact
    /// except where it underflows, below 2^-126, where the bound counts it exact too.
    /// </remarks>
    public static ActivationDescriptor PReLU { get; } = new()
    {
        Name = "PReLU",
        Signature = "PReLU(int numParameters = 1, float init = 0.25f)",
        Formula = "x for x > 0, a·x otherwise; a learned, one per channel or one for all",
        Derivative = "dx: 1 for x > 0, a otherwise; da: Σ g·x over the channel where x ≤ 0",
        UsedIn = "ImageNet CNNs (He et al. 2015), face recognition (ArcFace's ResNets)",
        Trap = "dL/da sums millions of products: exact products accumulated in double, not a float running sum",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "prelu",
                Label = "PReLU",
                Create = () => new Core.PReLU(),
                Forward = (x, d) => ActivationKernels.PReLU(x, d, PReLUInitialWeight, inner: 1),
                Backward = (g, x, d) =>
                {
                    Span<float> weightGrad = stackalloc float[1];
                    ActivationKernels.PReLUBackward(g, x, d, PReLUInitialWeight, inner: 1, weightGrad);
                },
                Saves = SavedForBackward.Input,
                Reference = PReLUMath.Forward,
                ReferenceDerivative = PReLUMath.Derivative,
                ForwardBoundUlps = 0.5,
                AtNegativeInfinity = double.NegativeInfinity,
                AtPositiveInfinity = double.PositiveInfinity,
            },
        ],
    };
}
