namespace TinyTorch.Activations.Reference;

/// <summary>
/// ReLU, the rectified linear unit, as a learner first writes it: <c>max(0, x)</c> and its derivative.
/// This is the readable layer: the oracle the fast kernels are tested against.
/// </summary>
public static class ReLUMath
{
    /// <summary>ReLU(x) = max(0, x). NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>x when x &gt; 0, otherwise 0.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: written as a comparison, not Math.Max(0, x): a NaN fails "x > 0" and must still come out
        // as NaN, so it is tested separately — a silent 0 would hide a bug upstream.
        if (double.IsNaN(x))
        {
            return x;
        }

        return x > 0 ? x : 0.0;
        // END SOLUTION
    }

    /// <summary>dReLU/dx: 1 for x &gt; 0, otherwise 0 — including at x = 0, where PyTorch also picks 0.</summary>
    /// <param name="x">The input (or the output: both are positive exactly where the other is).</param>
    /// <returns>1 or 0; NaN for NaN.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        if (double.IsNaN(x))
        {
            return x;
        }

        return x > 0 ? 1.0 : 0.0;
        // END SOLUTION
    }
}
