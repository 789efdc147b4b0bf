using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Softmax2d: softmax over the channels of (C, H, W) or (N, C, H, W).</summary>
    public static ActivationDescriptor Softmax2d { get; } = new()
    {
        Name = "Softmax2d",
        Signature = "Softmax2d()",
        Formula = "softmax over the channels (dim −3) of (C, H, W) or (N, C, H, W)",
        Derivative = "y ⊙ (g − Σ g·y) over the channels",
        UsedIn = "per-pixel class probabilities in segmentation",
        Trap = "subtracts the max first; 3-d or 4-d input only",
        Cost = ActivationCost.Normalizing,
        Variants =
        [
            new()
            {
                Key = "softmax2d",
                Label = "Softmax2d",
                Create = () => new Core.Softmax2d(),
                Saves = SavedForBackward.Output,
                ForwardBoundUlps = 2,
                AtNegativeInfinity = double.NaN,
                AtPositiveInfinity = double.NaN,
                Minimum = 0,
                Maximum = 1,
                AlongDim = new()
                {
                    Forward = ActivationKernels.SoftmaxStrided,
                    Backward = ActivationKernels.SoftmaxStridedBackward,
                    Reference = SliceReferences.Softmax,
                    Dim = Functional.Softmax2dDim,
                    Ranks = [3, 4],
                    IsDistribution = true,
                },
            },
        ],
    };
}
