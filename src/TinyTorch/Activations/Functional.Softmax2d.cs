namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>The dim <see cref="Softmax2d(Tensor)"/> normalizes: −3, the channels of (C, H, W) and of (N, C, H, W).</summary>
    public const int Softmax2dDim = -3;

    /// <summary>Softmax over the channels (dim −3) of a (C, H, W) or (N, C, H, W) input, as PyTorch's <c>nn.Softmax2d</c>.</summary>
    /// <param name="x">The input, 3-d or 4-d.</param>
    /// <returns>A new tensor of x's shape whose values at each location sum to 1 over the channels.</returns>
    /// <exception cref="ArgumentException">x is not 3-d or 4-d.</exception>
    public static Tensor Softmax2d(Tensor x) => Softmax2d(x, NewLike(x));

    /// <summary>Softmax over the channels of a (C, H, W) or (N, C, H, W) input, written into <paramref name="output"/>.</summary>
    /// <param name="x">The input, 3-d or 4-d.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place).</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException">x is not 3-d or 4-d, or <paramref name="output"/>'s shape differs from x's.</exception>
    public static Tensor Softmax2d(Tensor x, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank is not (3 or 4))
        {
            // PyTorch 1.13's words (an assertion there): "Softmax2d requires a 3D or 4D tensor as input".
            throw new ArgumentException(
                $"Softmax2d requires a 3D or 4D tensor as input, (C, H, W) or (N, C, H, W); got a {x.Rank}D tensor of shape {x.ShapeString}.",
                nameof(x));
        }

        return Softmax(x, output, Softmax2dDim);
    }
}
