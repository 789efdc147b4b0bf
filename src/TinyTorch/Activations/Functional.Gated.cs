namespace TinyTorch.Core;

public static partial class Functional
{
    // The gated units (Functional.GLU.cs, …) halve x along a dim: these are their shape rules, with PyTorch's errors.

    /// <summary>
    /// The halved axis of <paramref name="x"/> as (its length, the stride after it, the output's shape), after
    /// PyTorch's checks: a 0-d tensor and an odd size along the dim are refused in its words.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="dim">The dim to halve.</param>
    /// <param name="activation">The unit's name, for the 0-d message.</param>
    /// <param name="xName">The caller's name for x ("x", or "input" in a backward).</param>
    private static (int Length, int Stride, int[] Halved) GateAxis(Tensor x, int dim, string activation, string xName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        if (x.Rank == 0)
        {
            throw new ArgumentException($"{activation} does not support scalars because halving size must be even", xName);
        }

        int d = ShapeUtil.NormalizeDim(dim, x.Rank);
        int[] shape = x.ShapeArray;
        if (shape[d] % 2 != 0)
        {
            throw new ArgumentException($"Halving dimension must be even, but dimension {d} is size {shape[d]}", xName);
        }

        (_, int length, int inner) = ShapeUtil.SplitAt(shape, d);
        int[] halved = (int[])shape.Clone();
        halved[d] /= 2;
        return (length, inner, halved);
    }

    /// <summary>A gated unit's output for x along dim: x's shape with that dim halved, allocated without a zeroing pass.</summary>
    private static Tensor NewGated(Tensor x, int dim, string activation) =>
        Tensor.Uninitialized(GateAxis(x, dim, activation, nameof(x)).Halved);

    /// <summary>The caller's output tensor must exist and have the halved shape.</summary>
    private static void CheckGatedOutput(Tensor output, int[] halved, Tensor x, int dim)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.ShapeArray.AsSpan().SequenceEqual(halved))
        {
            throw new ArgumentException(
                $"output has shape {output.ShapeString} but x of shape {x.ShapeString} halved along dim {dim} has shape {ShapeUtil.Format(halved)}; they must match.",
                nameof(output));
        }
    }

    /// <summary>A gated unit's backward: gradOutput must have the forward's output shape; returns a fresh dL/dx.</summary>
    private static void CheckGatedGradient(Tensor gradOutput, int[] halved)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (!gradOutput.ShapeArray.AsSpan().SequenceEqual(halved))
        {
            throw new ArgumentException(
                $"gradOutput has shape {gradOutput.ShapeString} but the forward pass's output had shape {ShapeUtil.Format(halved)}; they must match.",
                nameof(gradOutput));
        }
    }
}
