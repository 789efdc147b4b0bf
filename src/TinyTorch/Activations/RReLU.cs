using TinyTorch.Kernels;

namespace TinyTorch.Core;

/// <summary>
/// The randomized leaky rectifier: x for x &gt; 0, a·x otherwise, where in training a is drawn uniformly from
/// [lower, upper] for each element, and in evaluation a = (lower + upper)/2. Xu et al. 2015 ("Empirical Evaluation of
/// Rectified Activations in Convolutional Network"): the random slope acts as a regularizer.
/// </summary>
/// <remarks>
/// <see cref="Training"/> is true for a new module, as for a new PyTorch module; set it to false to evaluate.
/// In training an element draws a slope where x ≤ 0 (at ±0 too, as PyTorch) and keeps 1 where x &gt; 0 or NaN; the
/// slopes ("noise") are saved for Backward, which multiplies dL/dy by them. In evaluation the module is LeakyReLU at
/// (lower + upper)/2 and saves its input, as LeakyReLU does.
/// <para>
/// Randomness: the module's seed fixes every slope. Training forward number k (from 0) of the module uses the seed
/// draw k of SplitMix64(seed), and element i of that forward gets its slope from draw i of SplitMix64(that seed): the
/// same numbers on every thread count and platform, and a module's first training forward draws what
/// <see cref="Functional.RReLUWithNoise"/> draws with the same seed. PyTorch's own stream cannot be reproduced.
/// </para>
/// Threads: one instance may be shared; Backward differentiates the most recent Forward on the calling thread (see
/// <see cref="IActivation"/>). Concurrent training forwards each take the next forward number atomically, so which
/// thread gets which slopes depends on their order.
/// </remarks>
public sealed class RReLU : IActivation
{
    private readonly ActivationState<RReLUSaved> _state = new();
    private readonly ulong _seed;
    private long _trainingForwards;

    /// <summary>Creates an RReLU, in training mode.</summary>
    /// <param name="lower">The lowest slope (PyTorch's default 1/8): finite, at most <paramref name="upper"/>.</param>
    /// <param name="upper">The highest slope (PyTorch's default 1/3): finite.</param>
    /// <param name="seed">The seed of every draw, for reproducible runs; null (the default) takes one from
    /// <see cref="Random.Shared"/>, a different stream each time, as PyTorch's unseeded generator.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or lower &gt; upper.</exception>
    public RReLU(float lower = 1f / 8, float upper = 1f / 3, int? seed = null)
    {
        ActivationKernels.RequireRReLUBounds(lower, upper);
        Lower = lower;
        Upper = upper;
        Seed = seed;
        _seed = seed is int s ? unchecked((ulong)s) : unchecked((ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue));
    }

    /// <summary>The lowest slope.</summary>
    public float Lower { get; }

    /// <summary>The highest slope.</summary>
    public float Upper { get; }

    /// <summary>The seed given to the constructor, or null if it took a random one.</summary>
    public int? Seed { get; }

    /// <summary>Whether Forward draws random slopes (true, the default) or uses <see cref="EvaluationSlope"/>.</summary>
    public bool Training { get; set; } = true;

    /// <summary>The slope in evaluation mode, (lower + upper)/2 rounded once to float.</summary>
    public float EvaluationSlope => ActivationKernels.RReLUEvaluationSlope(Lower, Upper);

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Forward(x, Tensor.Uninitialized(x.ShapeArray));
    }

    /// <summary>
    /// Applies RReLU into <paramref name="output"/>, a tensor the caller owns: the way to reuse one output tensor from
    /// call to call. Saves what <see cref="Forward(Tensor)"/> saves: in training the slopes it drew (a new tensor of
    /// x's shape, as PyTorch's noise), in evaluation x.
    /// </summary>
    /// <param name="x">The input; left alone unless it is <paramref name="output"/> itself.</param>
    /// <param name="output">Receives the result: a tensor of x's shape, or x itself (in place) in training, and in
    /// evaluation when <see cref="EvaluationSlope"/> ≥ 0.</param>
    /// <returns><paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/>'s shape differs from x's, or it is x itself in
    /// evaluation with a negative <see cref="EvaluationSlope"/>. Nothing is written or saved.</exception>
    public Tensor Forward(Tensor x, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(output);
        bool training = Training;   // read once: another thread may switch it

        // NOTE: in evaluation Backward reads the saved x's sign (LeakyReLU's backward). In place, the saved tensor holds
        // y = slope·x instead, whose sign is x's (y > 0 exactly where x > 0, NaN where x is NaN) only while the slope is
        // ≥ 0; with a negative slope it would differentiate at the wrong side, so that is refused, as PyTorch's in-place
        // leaky_relu_ refuses it. In training Backward reads only the drawn slopes, so in place is always fine.
        if (!training && EvaluationSlope < 0 && ReferenceEquals(x, output))
        {
            throw new ArgumentException(
                $"RReLU in evaluation saves its input for Backward, and with a negative slope ({PythonRepr.Float(EvaluationSlope)}) the output cannot be the input itself; pass another tensor of its shape.",
                nameof(output));
        }

        if (!output.SameShape(x))
        {
            throw new ArgumentException($"output has shape {output.ShapeString} but x has shape {x.ShapeString}; they must match.", nameof(output));
        }

        if (training)
        {
            ulong forward = unchecked((ulong)(Interlocked.Increment(ref _trainingForwards) - 1));
            Tensor noise = Tensor.Uninitialized(x.ShapeArray);
            ActivationKernels.RReLU(x.AsSpan(), output.AsSpan(), noise.AsSpan(), Lower, Upper, SplitMix64.After(_seed, forward).Next());
            _state.Save(new RReLUSaved(noise, IsNoise: true));
            return output;
        }

        Functional.LeakyReLU(x, output, EvaluationSlope);
        _state.Save(new RReLUSaved(x, IsNoise: false));
        return output;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor gradOutput)
    {
        RReLUSaved saved = _state.Saved(
            nameof(RReLU), "Functional.RReLUBackward(gradOutput, noise) with the noise Functional.RReLUWithNoise returned");
        ArgumentNullException.ThrowIfNull(gradOutput);
        return saved.IsNoise
            ? Functional.RReLUBackward(gradOutput, saved.Saved)
            : Functional.LeakyReLUBackward(gradOutput, saved.Saved, EvaluationSlope);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters() => [];

    /// <summary>PyTorch's repr: "RReLU(lower=0.125, upper=0.3333333333333333)" at the defaults.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"RReLU(lower={PythonRepr.Float(Lower)}, upper={UpperRepr(Upper)})";

    // NOTE: PyTorch's default upper is the double 1/3, which its repr prints with 16 digits; ours is the float nearest
    // it (0.33333334 in float's shortest digits), the value PyTorch's float kernel computes with. That float prints as
    // PyTorch prints its default, so the default module reads the same; every other bound prints its shortest digits.
    private static string UpperRepr(float upper) => upper == 1f / 3 ? "0.3333333333333333" : PythonRepr.Float(upper);
}
