using TinyTorch.Catalog;

namespace TinyTorch.Core;

public static partial class Functional
{
    // The element-wise family (one file each, Functional.LeakyReLU.cs, …) shares these: a forward writes a kernel's
    // result into a new or given tensor, a backward zips dL/dy with what the forward saved.

    private static Tensor Apply(Tensor x, Tensor output, ElementwiseKernel kernel)
    {
        CheckOutput(x, output);
        kernel(x.AsSpan(), output.AsSpan());
        return output;
    }

    private static Tensor Backward(Tensor gradOutput, Tensor saved, string savedName, ElementwiseBackwardKernel kernel)
    {
        CheckGradient(gradOutput, saved, savedName);
        Tensor dx = Tensor.Uninitialized(saved.ShapeArray);
        kernel(gradOutput.AsSpan(), saved.AsSpan(), dx.AsSpan());
        return dx;
    }
}
