namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    // The gated units' kernels (ActivationKernels.GLU.cs, …) split each [axisLength, stride] slab of the input into its
    // halves a and b along the axis and write a·f(b), half as many floats. These are the checks and the loop they all
    // go through. The backward passes take PyTorch's order, (gradOutput, input, destination), as glu_backward does.

    private static void Gate<TOp>(ReadOnlySpan<float> x, Span<float> destination, int axisLength, int stride, string axisName, string strideName)
        where TOp : struct, IGateOperator
    {
        int outer = CheckGate(x, destination, axisLength, stride, axisName, strideName);
        GateLoop.Forward<TOp>(x, destination, outer, x.Length == 0 ? 0 : axisLength / 2 * stride);
    }

    private static void GateBackward<TOp>(
        ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination, int axisLength, int stride, string axisName, string strideName)
        where TOp : struct, IGateOperator
    {
        int outer = CheckGateBackward(gradOutput, input, destination, axisLength, stride, axisName, strideName);
        GateLoop.Backward<TOp>(gradOutput, input, destination, outer, gradOutput.Length == 0 ? 0 : axisLength / 2 * stride);
    }

    // The Half overloads: the same checks on the Half spans (so errors name their parameters), then HalfGate.

    private static void GateHalf(
        ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride, string axisName, string strideName, GateKernel kernel, Func<double, double, double> reference)
    {
        CheckGate(x, destination, axisLength, stride, axisName, strideName);
        HalfGate.Forward(x, destination, axisLength, stride, kernel, reference);
    }

    private static void GateBackwardHalf(
        ReadOnlySpan<Half> gradOutput,
        ReadOnlySpan<Half> input,
        Span<Half> destination,
        int axisLength,
        int stride,
        string axisName,
        string strideName,
        GateBackwardKernel kernel,
        Func<double, double, double> derivativeA,
        Func<double, double, double> derivativeB)
    {
        CheckGateBackward(gradOutput, input, destination, axisLength, stride, axisName, strideName);
        HalfGate.Backward(gradOutput, input, destination, axisLength, stride, kernel, derivativeA, derivativeB);
    }

    /// <summary>A gated forward's checks: the slabs, an even axis, a destination of half the input's length that shares
    /// no memory with it. Returns the number of slabs.</summary>
    private static int CheckGate<T>(ReadOnlySpan<T> x, Span<T> destination, int axisLength, int stride, string axisName, string strideName)
        where T : unmanaged
    {
        int outer = GateOuter(x.Length, axisLength, stride, nameof(x), axisName, strideName);
        int outputs = x.Length / 2;
        if (destination.Length < outputs)
        {
            throw new ArgumentException(
                $"Destination is too short: destination has {destination.Length} elements but the gated output of x's {x.Length} is {outputs}.",
                nameof(destination));
        }

        SpanChecks.Disjoint(x, destination[..outputs], nameof(x), nameof(destination));
        return outer;
    }

    /// <summary>A gated backward's checks: gradOutput half the input's length, a destination as long as the input that
    /// overlaps neither. Returns the number of slabs.</summary>
    private static int CheckGateBackward<T>(
        ReadOnlySpan<T> gradOutput, ReadOnlySpan<T> input, Span<T> destination, int axisLength, int stride, string axisName, string strideName)
        where T : unmanaged
    {
        int outer = GateOuter(input.Length, axisLength, stride, nameof(input), axisName, strideName);
        if ((long)gradOutput.Length * 2 != input.Length)
        {
            throw new ArgumentException(
                $"Length mismatch: gradOutput has {gradOutput.Length} elements but input has {input.Length}; a gated unit's gradOutput has half the input's ({input.Length / 2}).",
                nameof(gradOutput));
        }

        if (destination.Length < input.Length)
        {
            throw new ArgumentException(
                $"Destination is too short: destination has {destination.Length} elements but input has {input.Length}.", nameof(destination));
        }

        SpanChecks.Disjoint(gradOutput, destination[..input.Length], nameof(gradOutput), nameof(destination));
        SpanChecks.Disjoint(input, destination[..input.Length], nameof(input), nameof(destination));
        return outer;
    }

    /// <summary>How many [axisLength, stride] slabs make up the input, as for softmax, with the halved axis even.</summary>
    private static int GateOuter(int length, int axisLength, int stride, string inputName, string axisName, string strideName)
    {
        int outer = SoftmaxOuter(length, axisLength, stride, inputName, axisName, strideName);
        if (axisLength % 2 != 0)
        {
            throw new ArgumentException($"Halving dimension must be even, but {axisName} is {axisLength}.", axisName);
        }

        return outer;
    }
}
