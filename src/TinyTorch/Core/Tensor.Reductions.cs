namespace TinyTorch.Core;

// Sum, Mean and Max over all elements, one axis, or several axes; LogSumExp over one dim. Without keepDims the reduced axes
// disappear from the shape; with it they stay as size 1, so the result broadcasts back against the input
// (x - x.Max(-1, keepDims: true) is the first step of a stable softmax). Negative axes count from the end.
public sealed partial class Tensor
{
    /// <summary>
    /// The sum of all elements. Sums accumulate in double and are rounded to float once at the end, so a
    /// large running total does not swallow small terms (in float, 16,777,216 + 1 is 16,777,216 again).
    /// </summary>
    /// <returns>A 0-d tensor; 0 for an empty tensor.</returns>
    public Tensor Sum() => SumOrMean(null, false, "axes", mean: false);

    /// <summary>The sums along one axis.</summary>
    /// <param name="axis">The axis to sum over; negative values count from the end.</param>
    /// <param name="keepDims">Whether to keep the axis, with size 1.</param>
    /// <returns>A new tensor; empty slices sum to 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The axis is outside [−rank, rank − 1].</exception>
    public Tensor Sum(int axis, bool keepDims = false) => SumOrMean([axis], keepDims, nameof(axis), mean: false);

    /// <summary>The sums over several axes at once.</summary>
    /// <param name="axes">The axes to sum over, in any order; an empty array reduces nothing (as NumPy).</param>
    /// <param name="keepDims">Whether to keep the axes, with size 1.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside [−rank, rank − 1].</exception>
    /// <exception cref="ArgumentException">An axis is given twice (also as −1 and rank − 1).</exception>
    public Tensor Sum(int[] axes, bool keepDims = false) => SumOrMean(CheckAxes(axes), keepDims, nameof(axes), mean: false);

    /// <summary>The mean of all elements, computed in double and rounded once.</summary>
    /// <returns>A 0-d tensor; NaN for an empty tensor (0/0, as NumPy and PyTorch).</returns>
    public Tensor Mean() => SumOrMean(null, false, "axes", mean: true);

    /// <summary>The means along one axis.</summary>
    /// <param name="axis">The axis to average over; negative values count from the end.</param>
    /// <param name="keepDims">Whether to keep the axis, with size 1.</param>
    /// <returns>A new tensor; empty slices give NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The axis is outside [−rank, rank − 1].</exception>
    public Tensor Mean(int axis, bool keepDims = false) => SumOrMean([axis], keepDims, nameof(axis), mean: true);

    /// <summary>The means over several axes at once.</summary>
    /// <param name="axes">The axes to average over; an empty array reduces nothing.</param>
    /// <param name="keepDims">Whether to keep the axes, with size 1.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside [−rank, rank − 1].</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public Tensor Mean(int[] axes, bool keepDims = false) => SumOrMean(CheckAxes(axes), keepDims, nameof(axes), mean: true);

    /// <summary>The largest element; NaN if any element is NaN (as PyTorch).</summary>
    /// <returns>A 0-d tensor.</returns>
    /// <exception cref="InvalidOperationException">The tensor is empty: a max of nothing is undefined.</exception>
    public Tensor Max() => MaxCore(null, false, "axes");

    /// <summary>The maxima along one axis; a slice holding a NaN gives NaN.</summary>
    /// <param name="axis">The axis to reduce; negative values count from the end.</param>
    /// <param name="keepDims">Whether to keep the axis, with size 1.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The axis is outside [−rank, rank − 1].</exception>
    /// <exception cref="InvalidOperationException">The axis has size 0.</exception>
    public Tensor Max(int axis, bool keepDims = false) => MaxCore([axis], keepDims, nameof(axis));

    /// <summary>The maxima over several axes at once.</summary>
    /// <param name="axes">The axes to reduce; an empty array reduces nothing.</param>
    /// <param name="keepDims">Whether to keep the axes, with size 1.</param>
    /// <returns>A new tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside [−rank, rank − 1].</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    /// <exception cref="InvalidOperationException">The reduced axes hold no elements.</exception>
    public Tensor Max(int[] axes, bool keepDims = false) => MaxCore(CheckAxes(axes), keepDims, nameof(axes));

    /// <summary>
    /// ln Σ e^x along <paramref name="dim"/>, as PyTorch's <c>torch.logsumexp</c>: the maximum m plus ln(1 + s), s the sum of
    /// e^(x − m) over the other elements, all in double and rounded once, so that neither 1000s (e^1000 overflows) nor
    /// one dominating element (ln(1 + s) with s below 2^-24) loses anything.
    /// </summary>
    /// <param name="dim">The dim to reduce; negative values count from the end.</param>
    /// <param name="keepDim">Whether to keep the dim, with size 1.</param>
    /// <returns>
    /// A new tensor: within 1 ULP of the true value for slices of up to 65 536 elements, except where m + ln(1 + s) cancels
    /// to below 2^-11 of ln(1 + s) (m &lt; 0 close to −ln(1 + s)), where the error stays within ½ ULP + 2^-36·ln(1 + s):
    /// s is within n·2^-52 relative (n exponentials and at most n rescalings by the running maximum, each within 2^-53),
    /// and so ln(1 + s) too, and the result is rounded once from double. An empty slice gives −∞, a slice of all −∞ gives
    /// −∞, a +∞ gives +∞, a NaN gives NaN, as PyTorch.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dim"/> is outside [−rank, rank − 1].</exception>
    public Tensor LogSumExp(int dim, bool keepDim = false)
    {
        Reduction.Plan plan = Reduction.MakePlan(_shape, [dim], keepDim, nameof(dim));
        var states = new LogSumExpAccumulator[ShapeUtil.CheckedSize(plan.Shape, nameof(dim))];
        Array.Fill(states, LogSumExpReducer.Identity);
        Reduction.Run<LogSumExpReducer, LogSumExpAccumulator>(_data, _shape, plan.Reduced, states);
        var result = new float[states.Length];
        for (int i = 0; i < states.Length; i++)
        {
            result[i] = states[i].Result();
        }

        return FromOwned(result, plan.Shape);
    }

    private static int[] CheckAxes(int[] axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return axes;
    }

    private Tensor SumOrMean(int[]? axes, bool keepDims, string paramName, bool mean)
    {
        Reduction.Plan plan = Reduction.MakePlan(_shape, axes, keepDims, paramName);
        var sums = new double[ShapeUtil.CheckedSize(plan.Shape, paramName)];
        Reduction.Run<SumReducer, double>(_data, _shape, plan.Reduced, sums);

        // For the mean, dividing the double sum before the one rounding to float keeps it correctly rounded
        // more often than dividing a float sum would; 0/0 gives the NaN an empty mean should be.
        double divisor = mean ? plan.Count : 1;
        var result = new float[sums.Length];
        for (int i = 0; i < sums.Length; i++)
        {
            result[i] = (float)(sums[i] / divisor);
        }

        return FromOwned(result, plan.Shape);
    }

    private Tensor MaxCore(int[]? axes, bool keepDims, string paramName)
    {
        Reduction.Plan plan = Reduction.MakePlan(_shape, axes, keepDims, paramName);
        if (plan.Count == 0)
        {
            string where = axes is null ? "" : $" along axes ({string.Join(", ", axes)})";
            throw new InvalidOperationException(
                $"Max of an empty selection is undefined: shape {ShapeString} has no elements{where}, and max has no identity value to return.");
        }

        var maxima = new float[ShapeUtil.CheckedSize(plan.Shape, paramName)];
        Array.Fill(maxima, MaxReducer.Identity);
        Reduction.Run<MaxReducer, float>(_data, _shape, plan.Reduced, maxima);
        return FromOwned(maxima, plan.Shape);
    }
}
