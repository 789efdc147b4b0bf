namespace TinyTorch.Core;

// Tensors made from a shape and a rule rather than from data.
public sealed partial class Tensor
{
    /// <summary>
    /// Wraps the caller's array as a tensor <b>without copying</b>: the tensor and the array share memory, so a write
    /// through either shows in the other (the constructor <see cref="Tensor(float[], int[])"/> copies instead).
    /// </summary>
    /// <remarks>
    /// For data that is already float32 and row-major, e.g. a buffer a model runtime reuses: no allocation beyond the
    /// tensor object and its shape. Results of operations on the tensor are still new tensors; only the indexer's
    /// setter, <see cref="AsSpan"/> and the in-place activations write into <paramref name="data"/>.
    /// <code>
    /// float[] buffer = [-1f, 0.5f, 2f, -3f];
    /// Tensor t = Tensor.FromArray(buffer, 2, 2);
    /// Functional.ReLU(t, t);    // in place: buffer is now [0, 0.5, 2, 0]
    /// </code>
    /// </remarks>
    /// <param name="data">The elements in row-major order; the tensor keeps a reference to this very array.</param>
    /// <param name="shape">The size of each dimension (copied); its product must be <c>data.Length</c>. None gives
    /// a 0-d scalar over a one-element array.</param>
    /// <returns>A tensor over <paramref name="data"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="shape"/> is null.</exception>
    /// <exception cref="ArgumentException">A dimension is negative, or the shape's product is not <c>data.Length</c>.</exception>
    public static Tensor FromArray(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        int size = ShapeUtil.CheckedSize(shape, nameof(shape));
        if (size != data.Length)
        {
            throw new ArgumentException(
                $"Shape {ShapeUtil.Format(shape)} holds {size} elements but the data has {data.Length}.", nameof(shape));
        }

        // NOTE: borrowed, not owned: disposing the tensor must never hand the caller's array to the storage pool.
        return Borrowing(data, (int[])shape.Clone());
    }

    /// <summary>A tensor of zeros.</summary>
    /// <param name="shape">The shape; no dimensions gives a 0-d zero.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">A dimension is negative.</exception>
    public static Tensor Zeros(params int[] shape) => Full(shape, 0f);

    /// <summary>A tensor of ones.</summary>
    /// <param name="shape">The shape.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">A dimension is negative.</exception>
    public static Tensor Ones(params int[] shape) => Full(shape, 1f);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="value">The value of every element.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">A dimension is negative.</exception>
    public static Tensor Full(int[] shape, float value)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var data = new float[ShapeUtil.CheckedSize(shape, nameof(shape))];
        if (value != 0 || float.IsNegative(value))
        {
            Array.Fill(data, value);
        }

        return FromOwned(data, (int[])shape.Clone());
    }

    /// <summary>Zeros of <paramref name="other"/>'s shape.</summary>
    /// <param name="other">The tensor whose shape to take.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor ZerosLike(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Zeros(other._shape);
    }

    /// <summary>Ones of <paramref name="other"/>'s shape.</summary>
    /// <param name="other">The tensor whose shape to take.</param>
    /// <returns>A new tensor.</returns>
    public static Tensor OnesLike(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Ones(other._shape);
    }

    /// <summary>0, 1, 2, … up to but excluding <paramref name="stop"/>, as a 1-d tensor.</summary>
    /// <param name="stop">The end, excluded.</param>
    /// <returns>A new 1-d tensor; empty if <paramref name="stop"/> ≤ 0.</returns>
    public static Tensor Arange(float stop) => Arange(0, stop);

    /// <summary>
    /// start, start + step, start + 2·step, … while on the near side of <paramref name="stop"/>, as NumPy's
    /// <c>arange</c>: ⌈(stop − start) / step⌉ elements.
    /// </summary>
    /// <param name="start">The first value.</param>
    /// <param name="stop">The end, excluded.</param>
    /// <param name="step">The spacing; may be negative, not zero.</param>
    /// <returns>A new 1-d tensor.</returns>
    /// <exception cref="ArgumentException">An argument is NaN or infinite, or step is 0.</exception>
    public static Tensor Arange(float start, float stop, float step = 1)
    {
        if (!float.IsFinite(start) || !float.IsFinite(stop) || !float.IsFinite(step) || step == 0)
        {
            throw new ArgumentException(
                $"Arange needs finite start, stop and a non-zero finite step, but got start={start}, stop={stop}, step={step}.",
                nameof(step));
        }

        double count = Math.Ceiling(((double)stop - start) / step);
        if (count > Array.MaxLength)
        {
            throw new ArgumentException($"Arange({start}, {stop}, {step}) would have {count} elements, more than one array can hold.", nameof(step));
        }

        // Each value is computed from its index, in double, and rounded once: adding step repeatedly would
        // let the rounding errors pile up along the sequence.
        var data = new float[(int)Math.Max(count, 0)];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)(start + (i * (double)step));
        }

        return FromOwned(data, [data.Length]);
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="start"/> to <paramref name="stop"/>, both included.</summary>
    /// <param name="start">The first value.</param>
    /// <param name="stop">The last value (exactly, when <paramref name="count"/> ≥ 2).</param>
    /// <param name="count">How many values; 1 gives just start, 0 an empty tensor.</param>
    /// <returns>A new 1-d tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Tensor Linspace(float start, float stop, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var data = new float[count];
        double step = count > 1 ? ((double)stop - start) / (count - 1) : 0;
        for (int i = 0; i < count; i++)
        {
            data[i] = (float)(start + (i * step));
        }

        if (count > 1)
        {
            data[^1] = stop;   // i · step can land one rounding short of stop; the endpoint is promised exactly
        }

        return FromOwned(data, [count]);
    }

    /// <summary>
    /// Independent samples uniform in [0, 1), reproducible: the same seed always gives the same tensor, on
    /// every platform (the generator is the library's own, <see cref="SplitMix64"/>).
    /// </summary>
    /// <param name="shape">The shape.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">A dimension is negative.</exception>
    public static Tensor Rand(int[] shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var data = new float[ShapeUtil.CheckedSize(shape, nameof(shape))];
        var random = new SplitMix64((ulong)seed);
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSingle();
        }

        return FromOwned(data, (int[])shape.Clone());
    }

    /// <summary>
    /// Independent standard normal samples (mean 0, variance 1), reproducible for a seed, by the Box–Muller
    /// transform (Box and Muller, 1958): two uniforms u₁ ∈ (0, 1], u₂ ∈ [0, 1) give the two independent
    /// normals √(−2 ln u₁)·cos(2πu₂) and √(−2 ln u₁)·sin(2πu₂).
    /// </summary>
    /// <param name="shape">The shape.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentException">A dimension is negative.</exception>
    public static Tensor Randn(int[] shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var data = new float[ShapeUtil.CheckedSize(shape, nameof(shape))];
        var random = new SplitMix64((ulong)seed);
        for (int i = 0; i < data.Length; i += 2)
        {
            // NOTE: u₁ must exclude 0, where ln u₁ = −∞; 1 − [0, 1) is (0, 1].
            double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            double angle = 2 * Math.PI * random.NextDouble();
            data[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < data.Length)
            {
                data[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }

        return FromOwned(data, (int[])shape.Clone());
    }
}
