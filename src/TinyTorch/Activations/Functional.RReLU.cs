using TinyTorch.Kernels;

namespace TinyTorch.Core;

public static partial class Functional
{
    /// <summary>
    /// RReLU: x for x &gt; 0, slope·x otherwise. In training each element with x ≤ 0 gets its own slope drawn
    /// uniformly from [lower, upper]; in evaluation (the default, as torch.nn.functional.rrelu) the slope is
    /// (lower + upper)/2 for all, a LeakyReLU.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="lower">The lowest slope (default 1/8): finite, at most <paramref name="upper"/>.</param>
    /// <param name="upper">The highest slope (default 1/3): finite.</param>
    /// <param name="training">Whether to draw random slopes.</param>
    /// <param name="seed">The seed of the draw: the same seed gives the same slopes on every thread count and platform;
    /// null draws a seed from <see cref="Random.Shared"/>. Unused in evaluation.</param>
    /// <returns>A new tensor of x's shape. To differentiate a training call, use <see cref="RReLUWithNoise"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or lower &gt; upper.</exception>
    public static Tensor RReLU(Tensor x, float lower = 1f / 8, float upper = 1f / 3, bool training = false, int? seed = null) =>
        training ? RReLUWithNoise(x, lower, upper, training, seed).Output : LeakyReLU(x, ActivationKernels.RReLUEvaluationSlope(lower, upper));

    /// <summary>
    /// RReLU returning the slopes it used as well, PyTorch's rrelu_with_noise: noise[i] is element i's slope (the
    /// drawn one where x ≤ 0 in training, (lower + upper)/2 where x ≤ 0 or NaN in evaluation, 1 elsewhere), so
    /// <see cref="RReLUBackward"/>(gradOutput, noise) is the gradient in either mode.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="lower">The lowest slope.</param>
    /// <param name="upper">The highest slope.</param>
    /// <param name="training">Whether to draw random slopes.</param>
    /// <param name="seed">The seed of the draw (see <see cref="RReLU(Tensor, float, float, bool, int?)"/>).</param>
    /// <returns>The output and the slopes, both of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or lower &gt; upper.</exception>
    public static (Tensor Output, Tensor Noise) RReLUWithNoise(
        Tensor x, float lower = 1f / 8, float upper = 1f / 3, bool training = false, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (training)
        {
            ActivationKernels.RequireRReLUBounds(lower, upper);
            return RReLUTraining(x, lower, upper, CallSeed(seed));
        }

        float slope = ActivationKernels.RReLUEvaluationSlope(lower, upper);
        Tensor noise = Tensor.OnesLike(x);
        ActivationKernels.LeakyReLUBackward(noise.AsSpan(), x.AsSpan(), noise.AsSpan(), slope);   // 1 where x > 0, slope elsewhere
        return (LeakyReLU(x, slope), noise);
    }

    /// <summary>RReLU's backward: dL/dx = dL/dy · noise, the slopes <see cref="RReLUWithNoise"/> returned.</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="noise">The forward's slopes.</param>
    /// <returns>dL/dx.</returns>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor RReLUBackward(Tensor gradOutput, Tensor noise) =>
        Backward(gradOutput, noise, nameof(noise), ActivationKernels.RReLUBackward);

    /// <summary>RReLU in training with the call's own seed (element i's slope is draw i of SplitMix64(callSeed)).</summary>
    internal static (Tensor Output, Tensor Noise) RReLUTraining(Tensor x, float lower, float upper, ulong callSeed)
    {
        Tensor y = Tensor.Uninitialized(x.ShapeArray);
        Tensor noise = Tensor.Uninitialized(x.ShapeArray);
        ActivationKernels.RReLU(x.AsSpan(), y.AsSpan(), noise.AsSpan(), lower, upper, callSeed);
        return (y, noise);
    }

    /// <summary>
    /// The seed of a call from the caller's seed: the first draw of SplitMix64(seed), the seed a module built with the
    /// same seed gives its first training forward, so the two agree.
    /// </summary>
    internal static ulong CallSeed(int? seed) =>
        seed is int s ? new SplitMix64(unchecked((ulong)s)).Next() : unchecked((ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue));
}
