using TinyTorch.Core;

namespace Tito.Tests.Support;

/// <summary>The trap LogSoftmax avoids: log(softmax(x)) in two steps, each rounded to float (and −∞ below e^-88).</summary>
/// <param name="dim">The dim to normalize.</param>
internal sealed class TwoStepLogSoftmax(int dim = -1) : IActivation
{
    public Tensor Forward(Tensor x)
    {
        float[] p = Functional.Softmax(x, dim).ToArray();
        return new Tensor([.. p.Select(v => MathF.Log(v))], [.. x.Shape]);
    }

    public Tensor Backward(Tensor gradOutput) => throw new InvalidOperationException("TwoStepLogSoftmax.Backward was called before Forward.");

    public IReadOnlyList<Tensor> Parameters() => [];
}
