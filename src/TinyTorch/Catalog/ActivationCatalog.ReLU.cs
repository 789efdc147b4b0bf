using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>ReLU, max(0, x).</summary>
    public static ActivationDescriptor ReLU { get; } = new()
    {
        Name = "ReLU",
        Signature = "ReLU()",
        Formula = "max(0, x)",
        Derivative = "1 for x > 0, else 0",
        UsedIn = "the default hidden-layer activation (AlexNet, ResNet)",
        Trap = "none; NaN propagates",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "relu",
                Label = "ReLU",
                Create = () => new Core.ReLU(),
                Forward = ActivationKernels.ReLU,
                Backward = ActivationKernels.ReLUBackward,
                Saves = SavedForBackward.Output,
                Reference = ReLUMath.Forward,
                ReferenceDerivative = ReLUMath.Derivative,
                ForwardBoundUlps = 0,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = 0,
            },
        ],
    };
}
