using System.Globalization;
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
        if (Training)
        {
            ulong forward = unchecked((ulong)(Interlocked.Increment(ref _trainingForwards) - 1));
            (Tensor y, Tensor noise) = Functional.RReLUTraining(x, Lower, Upper, SplitMix64.After(_seed, forward).Next());
            _state.Save(new RReLUSaved(noise, IsNoise: true));
            return y;
        }

        Tensor output = Functional.LeakyReLU(x, EvaluationSlope);
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

    /// <inheritdoc/>
    public override string ToString() =>
        $"RReLU(lower={Lower.ToString(CultureInfo.InvariantCulture)}, upper={Upper.ToString(CultureInfo.InvariantCulture)})";
}
