using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TinyTorch.Kernels;

/// <summary>A span kernel with its parameters passed along, so a static lambda can call it without a closure.</summary>
/// <typeparam name="TState">The kernel's parameters.</typeparam>
internal delegate void SpanKernel<TState>(ReadOnlySpan<float> x, Span<float> destination, TState state);

/// <summary>A backward span kernel with its parameters passed along.</summary>
/// <typeparam name="TState">The kernel's parameters.</typeparam>
internal delegate void SpanBackwardKernel<TState>(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination, TState state);

/// <summary>
/// Runs the span kernels over System.Numerics.Tensors tensor spans. Dense row-major spans (what Tensor&lt;float&gt;,
/// an array or our Tensor gives) are handed to the kernel as they are: no copy, in place allowed. Any other layout
/// (a slice, a transpose, a broadcast) is gathered into a pooled buffer, computed there and scattered back.
/// </summary>
internal static class TensorSpanKernels
{
    public static void Unary<TState>(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination, TState state, SpanKernel<TState> kernel)
    {
        SameShape(x.Lengths, destination.Lengths, "x", "destination");
        int n = Length(x.FlattenedLength, "x");
        if (TryDense(x, out ReadOnlySpan<float> xs) && TryDense(destination, out Span<float> ds))
        {
            kernel(xs, ds, state);
            return;
        }

        float[] buffer = ArrayPool<float>.Shared.Rent(Math.Max(n, 1));
        try
        {
            Span<float> b = buffer.AsSpan(0, n);
            x.FlattenTo(b);
            kernel(b, b, state);
            new ReadOnlyTensorSpan<float>(b, x.Lengths).CopyTo(destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public static void Backward<TState>(
        ReadOnlyTensorSpan<float> gradOutput, ReadOnlyTensorSpan<float> saved, TensorSpan<float> destination, string savedName, TState state, SpanBackwardKernel<TState> kernel)
    {
        SameShape(gradOutput.Lengths, saved.Lengths, "gradOutput", savedName);
        SameShape(saved.Lengths, destination.Lengths, savedName, "destination");
        int n = Length(saved.FlattenedLength, savedName);
        if (TryDense(gradOutput, out ReadOnlySpan<float> gs) && TryDense(saved, out ReadOnlySpan<float> ss) && TryDense(destination, out Span<float> ds))
        {
            kernel(gs, ss, ds, state);
            return;
        }

        float[] g = ArrayPool<float>.Shared.Rent(Math.Max(n, 1)), s = ArrayPool<float>.Shared.Rent(Math.Max(n, 1));
        try
        {
            Span<float> gb = g.AsSpan(0, n), sb = s.AsSpan(0, n);
            gradOutput.FlattenTo(gb);
            saved.FlattenTo(sb);
            kernel(gb, sb, gb, state);
            new ReadOnlyTensorSpan<float>(gb, saved.Lengths).CopyTo(destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(g);
            ArrayPool<float>.Shared.Return(s);
        }
    }

    /// <summary>The softmax view of a dim: (its length, the product of the lengths after it).</summary>
    public static (int AxisLength, int Stride) Axis(ReadOnlySpan<nint> lengths, int dim)
    {
        int d = Core.ShapeUtil.NormalizeDim(dim, lengths.Length);
        long stride = 1;
        for (int i = d + 1; i < lengths.Length; i++)
        {
            stride *= lengths[i];
        }

        return lengths.IsEmpty ? (1, 1) : ((int)lengths[d], (int)Math.Min(stride, int.MaxValue));
    }

    /// <summary>
    /// A dense row-major tensor span as a plain span. NOTE: not IsDense alone: a transposed tensor is dense (no gaps)
    /// but not in row-major order, and the kernels' softmax views assume row-major.
    /// </summary>
    private static bool TryDense(ReadOnlyTensorSpan<float> x, out ReadOnlySpan<float> span)
    {
        span = IsRowMajor(x.Lengths, x.Strides)
            ? MemoryMarshal.CreateReadOnlySpan(in x.GetPinnableReference(), (int)x.FlattenedLength)
            : default;
        return IsRowMajor(x.Lengths, x.Strides);
    }

    private static bool TryDense(TensorSpan<float> x, out Span<float> span)
    {
        span = IsRowMajor(x.Lengths, x.Strides) ? MemoryMarshal.CreateSpan(ref x.GetPinnableReference(), (int)x.FlattenedLength) : default;
        return IsRowMajor(x.Lengths, x.Strides);
    }

    private static bool IsRowMajor(ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides)
    {
        long expected = 1;
        for (int d = lengths.Length - 1; d >= 0; d--)
        {
            if (lengths[d] != 1 && strides[d] != expected)
            {
                return false;
            }

            expected *= lengths[d];
        }

        return true;
    }

    private static void SameShape(ReadOnlySpan<nint> a, ReadOnlySpan<nint> b, string aName, string bName)
    {
        if (!a.SequenceEqual(b))
        {
            throw new ArgumentException($"{bName} has shape [{string.Join(", ", b.ToArray())}] but {aName} has shape [{string.Join(", ", a.ToArray())}]; they must match.", bName);
        }
    }

    private static int Length(nint length, string name) => length <= Array.MaxLength
        ? (int)length
        : throw new ArgumentException($"{name} has {length} elements, more than the span kernels take ({Array.MaxLength}).", name);
}
