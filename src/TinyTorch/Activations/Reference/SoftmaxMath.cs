namespace TinyTorch.Activations.Reference;

/// <summary>
/// Softmax over one slice: yᵢ = e^(xᵢ) / Σⱼ e^(xⱼ), turning scores into probabilities that sum to 1,
/// and its backward pass. A slice is <c>length</c> elements <c>stride</c> apart, so the same code serves
/// the last dimension (stride 1) and any other.
/// </summary>
public static class SoftmaxMath
{
    /// <summary>Softmax of one slice, computed in double with the maximum subtracted first.</summary>
    /// <param name="x">The input buffer.</param>
    /// <param name="y">The output buffer (may be the same memory as <paramref name="x"/>).</param>
    /// <param name="start">Index of the slice's first element.</param>
    /// <param name="length">Number of elements in the slice.</param>
    /// <param name="stride">Distance between consecutive elements of the slice.</param>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int start, int length, int stride)
    {
        // BEGIN SOLUTION
        // NOTE: why subtract the max. e^x overflows float32 at x ≈ 88.7, so [1000, 1001, 1002] would give
        // ∞/∞ = NaN. Multiplying numerator and denominator by e^(−m) changes nothing mathematically,
        //   e^(xᵢ − m) / Σⱼ e^(xⱼ − m) = e^(xᵢ) / Σⱼ e^(xⱼ),
        // and with m = max(x) every exponent is ≤ 0: each term is in (0, 1] and the sum in [1, n].
        double max = double.NegativeInfinity;
        bool hasNaN = false;
        for (int i = 0; i < length; i++)
        {
            double v = x[start + (i * stride)];
            hasNaN |= double.IsNaN(v);
            max = Math.Max(max, v);
        }

        // NOTE: the edges, as PyTorch has them. A NaN anywhere poisons the whole slice. If every entry is
        // −∞, x − max is −∞ − (−∞) = NaN: there is no distribution to return. A +∞ entry makes ∞ − ∞ = NaN
        // too. A −∞ entry beside finite ones is fine: e^(−∞) = 0 exactly, probability 0.
        if (hasNaN || double.IsInfinity(max))
        {
            for (int i = 0; i < length; i++)
            {
                y[start + (i * stride)] = float.NaN;
            }

            return;
        }

        double sum = 0;
        for (int i = 0; i < length; i++)
        {
            sum += Math.Exp(x[start + (i * stride)] - max);
        }

        for (int i = 0; i < length; i++)
        {
            int k = start + (i * stride);
            y[k] = (float)(Math.Exp(x[k] - max) / sum);
        }
        // END SOLUTION
    }

    /// <summary>
    /// The backward pass of one slice: dL/dxᵢ = yᵢ·(gᵢ − Σⱼ gⱼyⱼ), from the forward's output y and the
    /// incoming gradient g.
    /// </summary>
    /// <param name="g">dL/dy (first, as PyTorch's softmax_backward_data(grad_output, output, …) and every backward here).</param>
    /// <param name="y">The forward's output.</param>
    /// <param name="dx">Receives dL/dx (may be the same memory as <paramref name="g"/>).</param>
    /// <param name="start">Index of the slice's first element.</param>
    /// <param name="length">Number of elements in the slice.</param>
    /// <param name="stride">Distance between consecutive elements of the slice.</param>
    public static void Backward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx, int start, int length, int stride)
    {
        // BEGIN SOLUTION
        // NOTE: the Jacobian ∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ − yⱼ) is n×n, but contracted with g it collapses to one dot
        // product per slice: O(n) work, no matrix. The dot product is accumulated in double.
        double dot = 0;
        for (int i = 0; i < length; i++)
        {
            int k = start + (i * stride);
            dot += (double)g[k] * y[k];
        }

        for (int i = 0; i < length; i++)
        {
            int k = start + (i * stride);
            dx[k] = (float)(y[k] * (g[k] - dot));
        }
        // END SOLUTION
    }
}
