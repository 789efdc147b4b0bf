namespace TinyTorch.Tests.Support;

/// <summary>The numeric gradient a backward pass is checked against: central differences of a loss, in double.</summary>
public static class CentralDifference
{
    /// <summary>∂loss/∂xᵢ ≈ (loss(x + h·eᵢ) − loss(x − h·eᵢ)) / 2h for every i (x is restored after each step).</summary>
    /// <param name="x">The point; changed during the call and restored.</param>
    /// <param name="loss">The loss as a function of the whole input.</param>
    /// <param name="h">The step.</param>
    public static double[] Gradient(double[] x, Func<double[], double> loss, double h)
    {
        var gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double saved = x[i];
            x[i] = saved + h;
            double up = loss(x);
            x[i] = saved - h;
            double down = loss(x);
            x[i] = saved;
            gradient[i] = (up - down) / (2 * h);
        }

        return gradient;
    }
}
