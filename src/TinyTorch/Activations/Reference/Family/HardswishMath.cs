namespace TinyTorch.Activations.Reference;

/// <summary>Hardswish as a learner writes it: x times Hardsigmoid(x), MobileNetV3's cheap Swish. The oracle of its kernels.</summary>
public static class HardswishMath
{
    /// <summary>Hardswish(x) = x·relu6(x + 3)/6: 0 for x ≤ −3, x for x ≥ 3, x(x + 3)/6 between. NaN stays NaN.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation.</returns>
    public static double Forward(double x)
    {
        // BEGIN SOLUTION
        // NOTE: the flat part is tested first, not computed as x·0: at −∞ that product is NaN (PyTorch's answer), but
        // the function is 0 on the whole half-line, so its limit is 0.
        if (x <= -3)
        {
            return 0.0;
        }

        return x * Math.Min(x + 3, 6.0) / 6;
        // END SOLUTION
    }

    /// <summary>
    /// dHardswish/dx: 0 below −3, (2x + 3)/6 = x/3 + ½ on [−3, 3), 1 from 3 on, NaN for NaN. At the kinks this is
    /// PyTorch 1.13's choice (its vectorized path): −½ at −3, 1 at 3.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The derivative.</returns>
    public static double Derivative(double x)
    {
        // BEGIN SOLUTION
        if (x < -3)
        {
            return 0.0;
        }

        return x >= 3 ? 1.0 : (2 * x + 3) / 6;
        // END SOLUTION
    }
}
