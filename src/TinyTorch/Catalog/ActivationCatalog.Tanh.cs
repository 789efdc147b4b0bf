using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>The hyperbolic tangent.</summary>
    public static ActivationDescriptor Tanh { get; } = new()
    {
        Name = "Tanh",
        Signature = "Tanh()",
        Formula = "(e^x − e^(−x)) / (e^x + e^(−x))",
        Derivative = "1 − tanh²",
        UsedIn = "RNN and LSTM cells; zero-centred hidden layers",
        Trap = "exact near 0, ±1 at the limits",
        Cost = ActivationCost.Exponential,
        Variants =
        [
            new()
            {
                Key = "tanh",
                Label = "Tanh",
                Create = () => new Core.Tanh(),
                Forward = ActivationKernels.Tanh,
                Backward = ActivationKernels.TanhBackward,
                Saves = SavedForBackward.Output,
                Reference = TanhMath.Forward,
                ReferenceDerivative = TanhMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = -1,
                AtPositiveInfinity = 1,
                Minimum = -1,
                Maximum = 1,
            },
        ],
    };
}
