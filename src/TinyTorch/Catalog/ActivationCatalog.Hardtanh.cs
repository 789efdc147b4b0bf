using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Hardtanh, x clamped to [minVal, maxVal].</summary>
    public static ActivationDescriptor Hardtanh { get; } = new()
    {
        Name = "Hardtanh",
        Signature = "Hardtanh(float minVal = -1f, float maxVal = 1f)",
        Formula = "minVal for x < minVal, maxVal for x > maxVal, x otherwise",
        Derivative = "1 for minVal < x < maxVal, 0 otherwise",
        UsedIn = "speech models (Deep Speech 2 clips its ReLU with it), binarized networks' straight-through estimator",
        Trap = "the gradient is 0 at the bounds themselves, as PyTorch; the output serves backward as well as the input",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "hardtanh",
                Label = "Hardtanh",
                Create = () => new Core.Hardtanh(),
                Forward = (x, d) => ActivationKernels.Hardtanh(x, d),
                Backward = (g, y, d) => ActivationKernels.HardtanhBackward(g, y, d),
                Saves = SavedForBackward.Output,
                Reference = HardtanhMath.Forward,
                ReferenceDerivative = HardtanhMath.Derivative,
                ForwardBoundUlps = 0,
                AtNegativeInfinity = -1,
                AtPositiveInfinity = 1,
                Minimum = -1,
                Maximum = 1,
                PlotRange = (-3, 3),
            },
        ],
    };
}
