using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Hardshrink, x where |x| &gt; lambd, 0 elsewhere.</summary>
    public static ActivationDescriptor Hardshrink { get; } = new()
    {
        Name = "Hardshrink",
        Signature = "Hardshrink(float lambd = 0.5f)",
        Formula = "x for |x| > lambd, 0 otherwise",
        Derivative = "1 for |x| > lambd, 0 otherwise",
        UsedIn = "sparse coding and denoising (hard thresholding of coefficients)",
        Trap = "|x| ≤ lambd ? 0 : x, so NaN stays NaN (PyTorch's vectorized path once gave 0)",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "hardshrink",
                Label = "Hardshrink",
                Create = () => new Core.Hardshrink(),
                Forward = (x, d) => ActivationKernels.Hardshrink(x, d),
                Backward = (g, x, d) => ActivationKernels.HardshrinkBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = HardshrinkMath.Forward,
                ReferenceDerivative = HardshrinkMath.Derivative,
                ForwardBoundUlps = 0,
                AtNegativeInfinity = double.NegativeInfinity,
                AtPositiveInfinity = double.PositiveInfinity,
                PlotRange = (-2, 2),
            },
        ],
    };
}
