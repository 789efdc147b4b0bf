using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>Threshold, value where x ≤ threshold, x elsewhere; catalogued at PyTorch's example, Threshold(0.1, 20).</summary>
    public static ActivationDescriptor Threshold { get; } = new()
    {
        Name = "Threshold",
        Signature = "Threshold(float threshold, float value)",
        Formula = "value for x ≤ threshold, x otherwise",
        Derivative = "0 for x ≤ threshold, 1 otherwise",
        UsedIn = "a generalised ReLU (ReLU is Threshold(0, 0)); masking values below a floor",
        Trap = "x ≤ threshold ? value : x, not x > threshold ? x : value: NaN passes through",
        Cost = ActivationCost.PiecewiseLinear,
        Variants =
        [
            new()
            {
                Key = "threshold",
                Label = "Threshold (0.1, 20)",
                Create = () => new Core.Threshold((float)ThresholdMath.ExampleThreshold, (float)ThresholdMath.ExampleValue),
                Forward = (x, d) => ActivationKernels.Threshold(x, d, (float)ThresholdMath.ExampleThreshold, (float)ThresholdMath.ExampleValue),
                Backward = (g, x, d) => ActivationKernels.ThresholdBackward(g, x, d, (float)ThresholdMath.ExampleThreshold),
                Saves = SavedForBackward.Input,
                Reference = ThresholdMath.Forward,
                ReferenceDerivative = ThresholdMath.Derivative,
                ForwardBoundUlps = 0,
                AtNegativeInfinity = ThresholdMath.ExampleValue,
                AtPositiveInfinity = double.PositiveInfinity,
                Minimum = ThresholdMath.ExampleThreshold,
            },
        ],
    };
}
