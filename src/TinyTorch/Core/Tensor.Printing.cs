namespace TinyTorch.Core;

// Printing; the work is in TensorFormatter and ElementFormat (Formatting/).
public sealed partial class Tensor
{
    /// <summary>
    /// The tensor as NumPy would print it, followed by its shape, e.g.
    /// <c>Tensor([[-1.  2.]\n        [ 3. -4.]], shape=(2, 2))</c>. Tensors of more than 1000 elements show
    /// the first and last three entries of each dimension around "...". Always culture-invariant.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => TensorFormatter.Format(this);
}
