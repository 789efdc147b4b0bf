using TinyTorch.Kernels;

namespace TinyTorch.Catalog;

public static partial class ActivationCatalog
{
    /// <summary>LogSoftmax along a dim: xᵢ − ln Σ e^(xⱼ), in one step.</summary>
    public static ActivationDescriptor LogSoftmax { get; } = new()
    {
        Name = "LogSoftmax",
        Signature = "LogSoftmax(int dim = -1)",
        Formula = "xᵢ − m − ln Σⱼ e^(xⱼ − m) along dim",
        Derivative = "g − e^y·Σ g",
        UsedIn = "classifiers' log-probabilities, with a negative log-likelihood loss",
        Trap = "log(softmax) in two steps loses digits below e^-87 and everything below e^-103: one step, (x − m) − ln Σ e^(x − m)",
        Cost = ActivationCost.Normalizing,
        Variants =
        [
            new()
            {
                Key = "logsoftmax",
                Label = "LogSoftmax",
                Create = () => new Core.LogSoftmax(),
                Saves = SavedForBackward.Output,
                ForwardBoundUlps = 1,
                AtNegativeInfinity = double.NaN,
                AtPositiveInfinity = double.NaN,
                Maximum = 0,
                PlotRange = (-6, 6),
                AlongDim = new()
                {
                    Forward = ActivationKernels.LogSoftmaxStrided,
                    Backward = ActivationKernels.LogSoftmaxStridedBackward,
                    Reference = SliceReferences.LogSoftmax,
                    WithDim = dim => new Core.LogSoftmax(dim),
                },
            },
        ],
    };
}
