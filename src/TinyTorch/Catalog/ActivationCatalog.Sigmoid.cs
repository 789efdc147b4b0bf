using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>The logistic sigmoid, 1 / (1 + e^(−x)).</summary>
    public static ActivationDescriptor Sigmoid { get; } = new()
    {
        Name = "Sigmoid",
        Signature = "Sigmoid()",
        Formula = "1 / (1 + e^(−x))",
        Derivative = "σ(1 − σ)",
        UsedIn = "gates (LSTM, GRU), binary classifiers' output",
        Trap = "only ever exponentiates −|x|",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "sigmoid",
                Label = "Sigmoid",
                Create = () => new Core.Sigmoid(),
                Forward = ActivationKernels.Sigmoid,
                Backward = ActivationKernels.SigmoidBackward,
                Saves = SavedForBackward.Output,
                Reference = SigmoidMath.Forward,
                ReferenceDerivative = SigmoidMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = 0,
                AtPositiveInfinity = 1,
                Minimum = 0,
                Maximum = 1,
            },
        ],
    };
}
