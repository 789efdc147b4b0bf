namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    // The element-wise family's kernels (one file each, ActivationKernels.LeakyReLU.cs, …) run operators that carry
    // their activation's parameters; these are the checks and the loop they all go through, the course five's
    // backward passes too. Every backward takes PyTorch's argument order, (gradOutput, saved, destination), as
    // leaky_relu_backward(grad_output, self, …) and sigmoid_backward(grad_output, output) do.

    private static void Unary<TOp>(in TOp op, ReadOnlySpan<float> x, Span<float> destination)
        where TOp : struct, IUnaryOperator
    {
        SpanChecks.Destination(x, destination, nameof(x));
        ParallelRunner.Unary(in op, x, destination[..x.Length]);
    }

    // NOTE: the operator's own argument order stays (saved, gradOutput), the order of every backward operator.
    private static void Backward<TOp>(in TOp op, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination, string savedName)
        where TOp : struct, IBinaryOperator
    {
        CheckBackward(gradOutput, saved, destination, savedName);
        ParallelRunner.Binary(in op, saved, gradOutput, destination[..saved.Length]);
    }

    /// <summary>A backward's spans: the same length, and a destination long enough that overlaps neither partially.</summary>
    private static void CheckBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination, string savedName)
    {
        SpanChecks.SameLength(gradOutput, saved, nameof(gradOutput), savedName);
        SpanChecks.Destination(gradOutput, destination, nameof(gradOutput));
        SpanChecks.Destination(saved, destination, savedName);
    }

    /// <summary>An activation's float parameter must be a finite number.</summary>
    internal static void RequireFinite(float value, string paramName)
    {
        if (!float.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number, but got {value}.");
        }
    }

    /// <summary>An activation's float parameter must be a finite number above 0 (a divisor, a sharpness).</summary>
    internal static void RequirePositive(float value, string paramName)
    {
        if (!(value > 0f && float.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number above 0, but got {value}.");
        }
    }
}
