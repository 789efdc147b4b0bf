using TinyTorch.Core;

namespace Tito.Tests.Support;

/// <summary>
/// A deliberately broken sigmoid, the textbook e^x / (1 + e^x) in float32 with no sign split: e^1000 is ∞ and
/// ∞/∞ is NaN. The checks must catch it.
/// </summary>
public sealed class NaiveSigmoid : IActivation
{
    private float[] _y = [];

    public Tensor Forward(Tensor x)
    {
        float[] v = x.ToArray();
        _y = v.Select(a => MathF.Exp(a) / (1 + MathF.Exp(a))).ToArray();
        return new Tensor(_y, [.. x.Shape]);
    }

    public Tensor Backward(Tensor gradOutput) =>
        new(gradOutput.ToArray().Select((g, i) => g * _y[i] * (1 - _y[i])).ToArray(), [.. gradOutput.Shape]);

    public IReadOnlyList<Tensor> Parameters() => [];
}
