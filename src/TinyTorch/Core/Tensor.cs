using System.Runtime.CompilerServices;

namespace TinyTorch.Core;

/// <summary>
/// An N-dimensional array of <see cref="float"/> values stored contiguously in row-major (C) order:
/// the part of TinyTorch's Module 01 that the activations and their users stand on.
/// </summary>
/// <remarks>
/// Storage is always float32, whatever the input type. A tensor may have any rank: rank 0 is a scalar
/// (one element, empty shape), and a dimension of size 0 makes an empty tensor.
/// <para>
/// Every operation returns a new tensor with its own storage and leaves its operands alone; tensors never
/// share storage, so there are no views to reason about. Only the indexer's setter, <see cref="AsSpan"/>
/// and the explicitly in-place activations write into an existing tensor. The one exception is opt-in:
/// <see cref="FromArray"/> (and the <c>System.Numerics.Tensors</c> conversions built on it) wraps memory the caller
/// keeps, so the caller's writes show in the tensor and the tensor's in the caller's array; even then two tensors
/// over one array cover all of it, so they are the same span or do not overlap at all.
/// </para>
/// <para>
/// The class is split by topic: <c>Tensor.Arithmetic.cs</c> (+ − × ÷ with broadcasting),
/// <c>Tensor.MatMul.cs</c>, <c>Tensor.Shape.cs</c> (Reshape, Transpose), <c>Tensor.Reductions.cs</c>
/// (Sum, Mean, Max), <c>Tensor.Factories.cs</c> (Zeros, Arange, Rand, …), <c>Tensor.Comparison.cs</c>
/// (AllClose, BroadcastTo), <c>Tensor.Printing.cs</c> and <c>Tensor.Dispose.cs</c>.
/// </para>
/// <para>
/// Memory: a tensor is <see cref="IDisposable"/>. Without disposal it is an ordinary garbage-collected object, as
/// always; <see cref="NewDisposeScope"/> or <see cref="Dispose"/> release its storage deterministically to
/// <see cref="TensorStoragePool"/>, where the next tensor of the same size reuses it (see <see cref="DisposeScope"/>).
/// </para>
/// </remarks>
public sealed partial class Tensor
{
    private readonly int[] _shape;
    private IReadOnlyList<int>? _shapeView;

    /// <summary>Creates a tensor from a flat row-major array and a shape. The data is copied.</summary>
    /// <param name="data">The elements in row-major order.</param>
    /// <param name="shape">The size of each dimension; an empty shape makes a 0-d scalar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="shape"/> is null.</exception>
    /// <exception cref="ArgumentException">A dimension is negative, or the shape's product is not <c>data.Length</c>.</exception>
    public Tensor(float[] data, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        int size = ShapeUtil.CheckedSize(shape, nameof(shape));
        if (size != data.Length)
        {
            throw new ArgumentException(
                $"Shape {ShapeUtil.Format(shape)} holds {size} elements but the data has {data.Length}.", nameof(shape));
        }

        _storage = (float[])data.Clone();
        _shape = (int[])shape.Clone();
        Track(ownsStorage: true);
    }

    /// <summary>
    /// Creates a tensor from a .NET array of any rank (<c>float[]</c>, <c>double[,]</c>, <c>int[,,]</c>, …),
    /// taking its shape from the array's dimensions and converting every element to float32.
    /// </summary>
    /// <param name="data">An array of <see cref="float"/>, <see cref="double"/>, <see cref="Half"/> or any
    /// built-in integer type up to 64 bits (<see cref="int"/>, <see cref="long"/>, <see cref="byte"/>, …).</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The element type is not numeric.</exception>
    public Tensor(Array data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _shape = new int[data.Rank];
        for (int d = 0; d < data.Rank; d++)
        {
            _shape[d] = data.GetLength(d);
        }

        _storage = ArrayConversion.ToFloat32(data);
        Track(ownsStorage: true);
    }

    /// <summary>Wraps <paramref name="data"/> without copying.</summary>
    /// <param name="data">The storage.</param>
    /// <param name="shape">The shape, taken as is.</param>
    /// <param name="ownsStorage">True when the tensor owns <paramref name="data"/> (nobody else holds it), so that
    /// disposing the tensor may hand it to <see cref="TensorStoragePool"/>; false for memory a caller lent.</param>
    private Tensor(float[] data, int[] shape, bool ownsStorage)
    {
        _storage = data;
        _shape = shape;
        Track(ownsStorage);
    }

    /// <summary>A 0-d tensor holding one value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A tensor of shape <c>()</c>.</returns>
    public static Tensor Scalar(float value) => new([value], [], true);

    /// <summary>
    /// A tensor whose storage is allocated without being zeroed, for callers that overwrite every element
    /// (activation outputs): zeroing 64 MiB first would cost as much as a ReLU over it.
    /// </summary>
    internal static Tensor Uninitialized(ReadOnlySpan<int> shape)
    {
        int[] copy = shape.ToArray();
        int size = ShapeUtil.CheckedSize(copy, nameof(shape));
        return new Tensor(TensorStoragePool.Shared.Rent(size), copy, true);
    }

    /// <summary>Wraps an array the caller owns and will not touch again.</summary>
    internal static Tensor FromOwned(float[] data, int[] shape) => new(data, shape, true);

    /// <summary>The size of each dimension, outermost first. Empty for a 0-d tensor.</summary>
    // NOTE: a read-only wrapper, not the array itself: a caller could cast an int[] back and resize the
    // tensor's shape under its data.
    public IReadOnlyList<int> Shape => _shapeView ??= Array.AsReadOnly(_shape);

    /// <summary>The number of dimensions (0 for a scalar).</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public int Size => _data.Length;

    /// <summary>The memory the elements occupy: <see cref="Size"/> × 4 bytes.</summary>
    public long NBytes => (long)_data.Length * sizeof(float);

    /// <summary>Whether gradients should be tracked for this tensor (filled in by Module 05, autograd).</summary>
    public bool RequiresGrad { get; set; }

    /// <summary>The gradient of the loss with respect to this tensor, once a backward pass has set it.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>Gets or sets one element by its full index; negative indices count from the end.</summary>
    /// <param name="indices">One index per dimension (none for a 0-d tensor).</param>
    /// <exception cref="ArgumentException">The number of indices is not <see cref="Rank"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index lies outside its dimension: the message names the index,
    /// the dimension and the valid range, [−size, size − 1].</exception>
    [IndexerName("Element")]   // frees the name "Item" for Item(), PyTorch's scalar accessor
    public float this[params int[] indices]
    {
        get => _data[FlatIndex(indices)];
        set => _data[FlatIndex(indices)] = value;
    }

    /// <summary>The value of a tensor with exactly one element, like PyTorch's <c>item()</c>.</summary>
    /// <returns>The single element.</returns>
    /// <exception cref="InvalidOperationException">The tensor does not have exactly one element.</exception>
    public float Item()
    {
        if (_data.Length != 1)
        {
            throw new InvalidOperationException(
                $"Item() needs a tensor with exactly one element, but shape {ShapeString} has {_data.Length}.");
        }

        return _data[0];
    }

    /// <summary>A row-major copy of the elements.</summary>
    /// <returns>A new array; changing it does not change the tensor.</returns>
    public float[] ToArray() => (float[])_data.Clone();

    /// <summary>The tensor's own storage in row-major order: writes through the span change the tensor.</summary>
    /// <returns>A span over all <see cref="Size"/> elements.</returns>
    /// <exception cref="ObjectDisposedException">The tensor has been disposed.</exception>
    /// <remarks>
    /// NOTE: the span must not outlive the tensor's disposal (its own <see cref="Dispose"/> or the end of its
    /// <see cref="DisposeScope"/>): the storage then goes back to <see cref="TensorStoragePool"/> and may become
    /// another tensor's, so a span kept past that point reads and writes someone else's data. The same rule as for an
    /// array returned to <see cref="System.Buffers.ArrayPool{T}"/>.
    /// </remarks>
    public Span<float> AsSpan() => _data;

    /// <summary>The tensor's own storage in row-major order, read-only: no copy, and it sees later writes.</summary>
    /// <returns>A read-only span over all <see cref="Size"/> elements.</returns>
    public ReadOnlySpan<float> AsReadOnlySpan() => _data;

    /// <summary>The shape written as in NumPy, e.g. <c>(2, 3)</c>, <c>(5,)</c> or <c>()</c>.</summary>
    public string ShapeString => ShapeUtil.Format(_shape);

    /// <summary>The shape as an array the library may read without copying.</summary>
    internal int[] ShapeArray => _shape;

    /// <summary>The storage array itself, for library code that reads or writes in bulk.</summary>
    internal float[] Data => _data;

    /// <summary>Whether this tensor has the same shape as <paramref name="other"/>.</summary>
    internal bool SameShape(Tensor other) => _shape.AsSpan().SequenceEqual(other._shape);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FlatIndex(int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length != _shape.Length)
        {
            throw new ArgumentException(
                $"Expected {_shape.Length} indices for shape {ShapeString}, but got {indices.Length}.", nameof(indices));
        }

        int flat = 0;
        for (int d = 0; d < indices.Length; d++)
        {
            int i = indices[d] < 0 ? indices[d] + _shape[d] : indices[d];
            if ((uint)i >= (uint)_shape[d])
            {
                // NOTE: not IndexOutOfRangeException, which the runtime reserves for its own array accesses (CA2201).
                throw new ArgumentOutOfRangeException(
                    nameof(indices),
                    indices[d],
                    $"Index {indices[d]} is out of range for dimension {d} of size {_shape[d]}; valid indices are {RangeOf(_shape[d])}.");
            }

            flat = (flat * _shape[d]) + i;
        }

        return flat;
    }

    private static string RangeOf(int size) => size == 0 ? "none (the dimension is empty)" : $"{-size} to {size - 1}";
}
