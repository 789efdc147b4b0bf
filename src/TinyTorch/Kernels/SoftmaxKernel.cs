using TinyTorch.Activations.Reference;

namespace TinyTorch.Kernels;

/// <summary>
/// Softmax and its backward over every slice of a tensor viewed as [outer, length, inner]: the slices run
/// along the middle axis, <c>inner</c> elements apart. The last dimension is inner = 1 (contiguous rows).
/// </summary>
internal static class SoftmaxKernel
{
    /// <summary>Softmax of each slice of x into y (y may be x).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int outer, int length, int inner)
    {
        for (int o = 0; o < outer; o++)
        {
            int block = o * length * inner;
            for (int c = 0; c < inner; c++)
            {
                SoftmaxMath.Forward(x, y, block + c, length, inner);
            }
        }
    }

    /// <summary>dx = y ⊙ (g − Σ g·y) per slice (dx may be g).</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, int outer, int length, int inner)
    {
        for (int o = 0; o < outer; o++)
        {
            int block = o * length * inner;
            for (int c = 0; c < inner; c++)
            {
                SoftmaxMath.Backward(y, g, dx, block + c, length, inner);
            }
        }
    }
}
