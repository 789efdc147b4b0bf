namespace TinyTorch.Activations.Reference;

/// <summary>
/// Log-softmax over one slice, yᵢ = xᵢ − ln Σⱼ e^(xⱼ): the log-probabilities a classifier's negative log-likelihood
/// loss takes, and its backward pass, in double. A slice is <c>length</c> elements <c>stride</c> apart, as in
/// <see cref="SoftmaxMath"/>. The oracle of the log-softmax kernels and of <c>Tensor.LogSumExp</c>.
/// </summary>
public static class LogSoftmaxMath
{
    /// <summary>Log-softmax of one slice: yᵢ = (xᵢ − m) − ln Σⱼ e^(xⱼ − m), m the maximum.</summary>
    /// <param name="x">The input buffer.</param>
    /// <param name="y">The output buffer (may be the same memory as <paramref name="x"/>).</param>
    /// <param name="start">Index of the slice's first element.</param>
    /// <param name="length">Number of elements in the slice.</param>
    /// <param name="stride">Distance between consecutive elements of the slice.</param>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int start, int length, int stride)
    {
        // BEGIN SOLUTION
        // NOTE: the trap. log(softmax(x)) in two steps rounds the softmax to float first: a probability below e^-87.3
        // (2^-126, float's smallest normal) keeps only a few digits, and one below e^-103.3 is 0, its log −∞, where the
        // true answer is a modest −110. And where one entry dominates, its softmax rounds to 1 and its log to 0, losing
        // everything the others contribute. In one step, yᵢ = (xᵢ − m) − L: both parts are ≤ 0, no probability is ever
        // formed, and nothing underflows.
        (double max, double logSum) = Normalizer(x, start, length, stride);
        for (int i = 0; i < length; i++)
        {
            int k = start + (i * stride);
            y[k] = (float)(x[k] - max - logSum);
        }
        // END SOLUTION
    }

    /// <summary>
    /// The slice's maximum m and L = ln Σⱼ e^(xⱼ − m), so that log-softmax is (xᵢ − m) − L and log-sum-exp is m + L. Both
    /// NaN for a slice with a NaN or a +∞, or all −∞ (PyTorch's log-softmax edges); L = 0 for one element.
    /// </summary>
    /// <param name="x">The input buffer.</param>
    /// <param name="start">Index of the slice's first element.</param>
    /// <param name="length">Number of elements in the slice (at least 1).</param>
    /// <param name="stride">Distance between consecutive elements of the slice.</param>
    /// <returns>(m, L).</returns>
    public static (double Max, double LogSum) Normalizer(ReadOnlySpan<float> x, int start, int length, int stride)
    {
        // BEGIN SOLUTION
        double max = double.NegativeInfinity;
        bool hasNaN = false;
        for (int i = 0; i < length; i++)
        {
            double v = x[start + (i * stride)];
            hasNaN |= double.IsNaN(v);
            max = Math.Max(max, v);
        }

        if (hasNaN || double.IsInfinity(max))
        {
            return (double.NaN, double.NaN);
        }

        // NOTE: L = ln(1 + s), s the sum over every entry but one maximum. Where one entry dominates, s is tiny and
        // the maximum's own output is −L ≈ −s: summing 1 + s first would round s away (below 2^-53, or 2^-24 in
        // float), so the maxima are counted apart and s goes through log1p, which keeps its every digit.
        double s = 0;
        int maxima = 0;
        for (int i = 0; i < length; i++)
        {
            double v = x[start + (i * stride)];
            if (v == max)
            {
                maxima++;
            }
            else
            {
                s += Math.Exp(v - max);
            }
        }

        return (max, NearOne.Log1P(s + (maxima - 1)));
        // END SOLUTION
    }

    /// <summary>
    /// The backward pass of one slice from the forward's output y: dL/dxᵢ = gᵢ − softmax(x)ᵢ·Σⱼ gⱼ, with
    /// softmax(x)ᵢ = e^(yᵢ).
    /// </summary>
    /// <param name="g">dL/dy.</param>
    /// <param name="y">The forward's output.</param>
    /// <param name="dx">Receives dL/dx (may be the same memory as <paramref name="g"/>).</param>
    /// <param name="start">Index of the slice's first element.</param>
    /// <param name="length">Number of elements in the slice.</param>
    /// <param name="stride">Distance between consecutive elements of the slice.</param>
    public static void Backward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx, int start, int length, int stride)
    {
        // BEGIN SOLUTION
        // NOTE: ∂yᵢ/∂xⱼ = δᵢⱼ − softmaxⱼ, so dxⱼ = gⱼ − softmaxⱼ·Σᵢ gᵢ: one sum per slice, and the softmax comes back
        // from the saved output as e^y, without the input.
        double sum = 0;
        for (int i = 0; i < length; i++)
        {
            sum += g[start + (i * stride)];
        }

        for (int i = 0; i < length; i++)
        {
            int k = start + (i * stride);
            dx[k] = (float)(g[k] - (Math.Exp(y[k]) * sum));
        }
        // END SOLUTION
    }
}
