using TinyTorch.Core;

namespace Tito.Learner;

/// <summary>
/// A softmax (or log-softmax) along any dim made from the per-slice functions a learner writes: the input is viewed as
/// [outer, length, inner] around the dim, and each of the outer × inner slices is handed over with stride inner.
/// </summary>
internal sealed class SliceSoftmax(SliceForward forward, SliceBackward backward, int dim) : IActivation
{
    private Tensor? _output;

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        float[] input = x.ToArray();
        float[] y = new float[input.Length];
        ForEachSlice(x.Shape, (start, length, stride) => forward(input, y, start, length, stride));
        _output = new Tensor(y, [.. x.Shape]);
        return new Tensor(y, [.. x.Shape]);
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        Tensor output = _output ?? throw new InvalidOperationException("Backward called before Forward.");
        float[] y = output.ToArray();
        float[] g = gradOutput.ToArray();
        float[] dx = new float[y.Length];
        ForEachSlice(output.Shape, (start, length, stride) => backward(g, y, dx, start, length, stride));
        return new Tensor(dx, [.. output.Shape]);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    private void ForEachSlice(IReadOnlyList<int> shape, Action<int, int, int> slice)
    {
        int rank = shape.Count;
        int lo = rank == 0 ? -1 : -rank, hi = rank == 0 ? 0 : rank - 1;
        if (dim < lo || dim > hi)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"dim must be in [{lo}, {hi}] for a rank-{rank} tensor.");
        }

        // A 0-d tensor is one slice of one element.
        int d = rank == 0 ? 0 : (dim < 0 ? dim + rank : dim);
        int length = rank == 0 ? 1 : shape[d];
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++)
        {
            outer *= shape[i];
        }

        for (int i = d + 1; i < rank; i++)
        {
            inner *= shape[i];
        }

        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                slice((o * length * inner) + i, length, inner);
            }
        }
    }
}
