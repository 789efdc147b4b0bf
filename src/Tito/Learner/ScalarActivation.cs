using TinyTorch.Core;

namespace Tito.Learner;

/// <summary>
/// An element-wise activation made from a scalar forward and derivative in double (the readable layer's shape):
/// y[i] = f(x[i]), dL/dx[i] = g[i]·f′(x[i]). Slow and simple on purpose: it is how a learner's math is graded.
/// </summary>
internal sealed class ScalarActivation(Func<double, double> forward, Func<double, double> derivative) : IActivation
{
    private Tensor? _input;

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        _input = new Tensor(x.ToArray(), [.. x.Shape]);
        return new Tensor([.. x.ToArray().Select(v => (float)forward(v))], [.. x.Shape]);
    }

    /// <summary>Writes f(x) over x's own storage and returns x.</summary>
    public Tensor ForwardInPlace(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        _input = new Tensor(x.ToArray(), [.. x.Shape]);
        Span<float> data = x.AsSpan();
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)forward(data[i]);
        }

        return x;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        Tensor input = _input ?? throw new InvalidOperationException("Backward called before Forward.");
        float[] x = input.ToArray();
        float[] g = gradOutput.ToArray();
        if (g.Length != x.Length)
        {
            throw new ArgumentException($"gradOutput has shape {gradOutput.ShapeString} but the forward pass had shape {input.ShapeString}.", nameof(gradOutput));
        }

        return new Tensor([.. g.Select((v, i) => (float)(v * derivative(x[i])))], [.. input.Shape]);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];
}
