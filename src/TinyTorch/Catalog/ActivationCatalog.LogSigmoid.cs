using TinyTorch.Activations.Reference;
using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>LogSigmoid, ln σ(x) = −softplus(−x).</summary>
    public static ActivationDescriptor LogSigmoid { get; } = new()
    {
        Name = "LogSigmoid",
        Signature = "LogSigmoid()",
        Formula = "ln σ(x) = min(x, 0) − ln(1 + e^(−|x|))",
        Derivative = "σ(−x) = 1 − σ(x)",
        UsedIn = "log-probabilities from logits (binary cross-entropy, word2vec's negative sampling)",
        Trap = "ln(σ(x)) is −∞ once σ underflows: the split form with log1p never leaves the log domain",
        Cost = ActivationCost.Transcendental,
        Variants =
        [
            new()
            {
                Key = "logsigmoid",
                Label = "LogSigmoid",
                Create = () => new Core.LogSigmoid(),
                Forward = (x, d) => ActivationKernels.LogSigmoid(x, d),
                Backward = (g, x, d) => ActivationKernels.LogSigmoidBackward(g, x, d),
                Saves = SavedForBackward.Input,
                Reference = LogSigmoidMath.Forward,
                ReferenceDerivative = LogSigmoidMath.Derivative,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = double.NegativeInfinity,
                AtPositiveInfinity = 0,
                Maximum = 0,
            },
        ],
    };
}
