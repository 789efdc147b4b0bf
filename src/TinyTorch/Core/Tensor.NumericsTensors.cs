using System.Numerics.Tensors;

// NOTE: Tensor<T>, TensorSpan<T> and ReadOnlyTensorSpan<T> were [Experimental("SYSLIB5001")] in System.Numerics.Tensors
// 9.x; 10.0, which this library references, ships them stable (no ExperimentalAttribute in its assembly), so neither
// the library nor its callers suppress anything. A project pinned to 9.x would see SYSLIB5001 (docs/guide.md).

namespace TinyTorch.Core;

// Conversions between this Tensor and System.Numerics.Tensors' types. Views share memory; copies say so.
public sealed partial class Tensor
{
    /// <summary>
    /// A <see cref="TensorSpan{T}"/> over this tensor's own storage, with its shape: <b>no copy</b>; writes through the
    /// span change the tensor. Hand it to TensorPrimitives-style APIs (<c>System.Numerics.Tensors.Tensor.Exp</c>, …).
    /// Like <see cref="AsSpan"/>, it must not outlive the tensor's disposal (the storage may then be reused).
    /// </summary>
    /// <returns>A dense, row-major span over all <see cref="Size"/> elements. A 0-d tensor gives a span of shape [1].</returns>
    public TensorSpan<float> AsTensorSpan() => new(_data, NumericsLengths());

    /// <summary>A <see cref="ReadOnlyTensorSpan{T}"/> over this tensor's own storage: no copy, and it sees later writes.</summary>
    /// <returns>A dense, row-major read-only span. A 0-d tensor gives a span of shape [1].</returns>
    public ReadOnlyTensorSpan<float> AsReadOnlyTensorSpan() => new(_data, NumericsLengths());

    /// <summary>
    /// A System.Numerics.Tensors <see cref="Tensor{T}"/> backed by this tensor's own array: <b>no copy</b>, the two share
    /// memory (a write through either shows in the other). It must not be used after this tensor is disposed: a disposed
    /// tensor's storage goes back to the pool and another tensor may be handed it.
    /// </summary>
    /// <returns>A dense tensor of the same shape (a 0-d tensor gives shape [1]).</returns>
    public Tensor<float> AsNumericsTensor() => System.Numerics.Tensors.Tensor.Create(_data, NumericsLengths());

    /// <summary>
    /// A new tensor holding a <b>copy</b> of a System.Numerics.Tensors span of any layout (sliced, strided, broadcast), in
    /// row-major order: this Tensor owns a float[], and a span may be stack or native memory. To share memory, go the
    /// other way: wrap your float[] with <see cref="FromArray"/> and view it with <see cref="AsTensorSpan"/>.
    /// </summary>
    /// <param name="source">The elements and shape to copy.</param>
    /// <returns>A new tensor of the span's shape.</returns>
    /// <exception cref="ArgumentException">The span holds more elements than one array can.</exception>
    public static Tensor CopyOf(ReadOnlyTensorSpan<float> source)
    {
        int[] shape = FromNumericsLengths(source.Lengths, nameof(source));
        float[] data = GC.AllocateUninitializedArray<float>(ShapeUtil.CheckedSize(shape, nameof(source)));
        source.FlattenTo(data);
        return FromOwned(data, shape);
    }

    /// <summary>
    /// A new tensor holding a <b>copy</b> of a System.Numerics.Tensors <see cref="Tensor{T}"/> (which does not expose its
    /// array). To share memory, create this Tensor first and use <see cref="AsNumericsTensor"/>.
    /// </summary>
    /// <param name="source">The tensor to copy.</param>
    /// <returns>A new tensor of the same shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Tensor CopyOf(Tensor<float> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return CopyOf(source.AsReadOnlyTensorSpan());
    }

    /// <summary>The shape as System.Numerics.Tensors lengths; a 0-d tensor is [1] there (its spans need a dimension).</summary>
    private nint[] NumericsLengths()
    {
        if (_shape.Length == 0)
        {
            return [1];
        }

        var lengths = new nint[_shape.Length];
        for (int d = 0; d < lengths.Length; d++)
        {
            lengths[d] = _shape[d];
        }

        return lengths;
    }

    private static int[] FromNumericsLengths(ReadOnlySpan<nint> lengths, string paramName)
    {
        var shape = new int[lengths.Length];
        for (int d = 0; d < shape.Length; d++)
        {
            if (lengths[d] > Array.MaxLength)
            {
                throw new ArgumentException($"Dimension {d} has {lengths[d]} elements, more than one array can hold.", paramName);
            }

            shape[d] = (int)lengths[d];
        }

        return shape;
    }
}
