using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Softmin along a dim: softmax(−x).</summary>
    public static ActivationDescriptor Softmin { get; } = new()
    {
        Name = "Softmin",
        Signature = "Softmin(int dim = -1)",
        Formula = "e^(−xᵢ) / Σⱼ e^(−xⱼ) along dim",
        Derivative = "−y ⊙ (g − Σ g·y)",
        UsedIn = "weighting by smallness: soft minimum, distances to attend to",
        Trap = "softmax of −x: subtracts the min first",
        Cost = ActivationCost.Normalizing,
        Variants =
        [
            new()
            {
                Key = "softmin",
                Label = "Softmin",
                Create = () => new Core.Softmin(),
                Saves = SavedForBackward.Output,
                ForwardBoundUlps = 2,
                AtNegativeInfinity = double.NaN,
                AtPositiveInfinity = double.NaN,
                Minimum = 0,
                Maximum = 1,
                AlongDim = new()
                {
                    Forward = ActivationKernels.SoftminStrided,
                    Backward = ActivationKernels.SoftminStridedBackward,
                    Reference = SliceReferences.Softmin,
                    WithDim = dim => new Core.Softmin(dim),
                    IsDistribution = true,
                },
            },
        ],
    };
}
