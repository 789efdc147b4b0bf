using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Softmax along a dim: e^(xᵢ) / Σ e^(xⱼ).</summary>
    public static ActivationDescriptor Softmax { get; } = new()
    {
        Name = "Softmax",
        Signature = "Softmax(int dim = -1)",
        Formula = "e^(xᵢ) / Σⱼ e^(xⱼ) along dim",
        Derivative = "y ⊙ (g − Σ g·y)",
        UsedIn = "classifiers' output; attention weights",
        Trap = "subtracts the max first",
        Cost = ActivationCost.Normalizing,
        Variants =
        [
            new()
            {
                Key = "softmax",
                Label = "Softmax",
                Create = () => new Core.Softmax(),
                Saves = SavedForBackward.Output,
                ForwardBoundUlps = 2,
                AlongDim = new()
                {
                    Forward = ActivationKernels.SoftmaxStrided,
                    Backward = ActivationKernels.SoftmaxStridedBackward,
                    Reference = SliceReferences.Softmax,
                    WithDim = dim => new Core.Softmax(dim),
                    IsDistribution = true,
                },
                AtNegativeInfinity = double.NaN,
                AtPositiveInfinity = double.NaN,
                Minimum = 0,
                Maximum = 1,
            },
        ],
    };
}
