using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>ReLU6, min(max(0, x), 6).</summary>
    public static ActivationDescriptor ReLU6 { get; } = new()
    {
        Name = "ReLU6",
        Signature = "ReLU6()",
        Formula = "min(max(0, x), 6)",
        Derivative = "1 for 0 < x < 6, 0 otherwise",
        UsedIn = "MobileNetV1/V2, quantized mobile networks",
        Trap = "a compare-and-select clamp, not IEEE max: −0 stays −0 and NaN stays NaN, as PyTorch",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "relu6",
                Label = "ReLU6",
                Create = () => new Core.ReLU6(),
                Forward = (x, d) => ActivationKernels.ReLU6(x, d),
                Backward = (g, y, d) => ActivationKernels.ReLU6Backward(g, y, d),
                Saves = SavedForBackward.Output,
                Reference = ReLU6Math.Forward,
                ReferenceDerivative = ReLU6Math.Derivative,
                ForwardBoundUlps = 0,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = 6,
                Minimum = 0,
                Maximum = 6,
                PlotRange = (-3, 9),
            },
        ],
    };
}
