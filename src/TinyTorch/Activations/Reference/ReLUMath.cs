namespace TinyTorch.Activations.Reference;

/// <summary>
/// ReLU, the rectified linear unit, as a learner first writes it: <c>max(0, x)</c> and its derivative.
/// This is the readable layer: the oracle the fast kernels are tested against.
/// </summary>
public static class ReLUMath
{
    /// <summary>ReLU(x) = max(0, x). NaN stays NaN, and −0 stays −0, as in PyTorch.</summary>
    /// <param name="x">The input.</param>
    /// <returns>0 when x &lt; 0, otherwise x itself.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: written as "x < 0 ? 0 : x", not Math.Max(0, x): a NaN fails every comparison and must come out as
        // NaN (a silent 0 would hide a bug upstream), and PyTorch returns −0 for −0, which Math.Max turns into +0.
        return x < 0 ? 0.0 : x;
        // END SOLUTION
    }

    /// <summary>dReLU/dx: 1 for x &gt; 0, otherwise 0 — including at x = 0, where PyTorch also picks 0.</summary>
    /// <param name="x">The input (or the output: both are positive exactly where the other is).</param>
    /// <returns>0 for x ≤ 0, otherwise 1 — also 1 for NaN, as PyTorch's backward passes the gradient there.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        // NOTE: "x <= 0 ? 0 : 1" is PyTorch's threshold backward; "x > 0 ? 1 : 0" would give 0 at NaN instead.
        return x <= 0 ? 0.0 : 1.0;
        // END SOLUTION
    }
}
