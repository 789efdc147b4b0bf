using MathNet.Numerics;

namespace TinyTorch.Tests.Support;

/// <summary>
/// The tests' own double-precision truth for every activation and derivative, written from the formulas
/// independently of the library (erfc from MathNet.Numerics), so a wrong library reference cannot agree
/// with itself.
/// </summary>
public static class Oracle
{
    public static double ReLU(double x) => x < 0 ? 0 : x;   // PyTorch's: NaN stays NaN, −0 stays −0

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static double SigmoidDerivative(double x) => Sigmoid(x) * Sigmoid(-x);

    public static double Tanh(double x) => Math.Tanh(x);

    public static double TanhDerivative(double x) => 1 / Math.Pow(Math.Cosh(x), 2);

    public static double GeluSigmoid(double x) => double.IsNegativeInfinity(x) ? 0 : x * Sigmoid(1.702 * x);

    public static double GeluSigmoidDerivative(double x) => double.IsInfinity(x) ? (x > 0 ? 1 : 0)
        : Sigmoid(1.702 * x) + (1.702 * x * Sigmoid(1.702 * x) * Sigmoid(-1.702 * x));

    private static double TanhU(double x) => Math.Sqrt(2 / Math.PI) * (x + (0.044715 * x * x * x));

    public static double GeluTanh(double x) => double.IsNegativeInfinity(x) ? 0 : x * Sigmoid(2 * TanhU(x));

    public static double GeluTanhDerivative(double x)
    {
        if (double.IsInfinity(x))
        {
            return x > 0 ? 1 : 0;
        }

        double s = Sigmoid(2 * TanhU(x)), sn = Sigmoid(-2 * TanhU(x));
        double du = Math.Sqrt(2 / Math.PI) * (1 + (3 * 0.044715 * x * x));
        return s + (s * sn == 0 ? 0 : x * s * sn * 2 * du);
    }

    public static double GeluExact(double x) => double.IsNegativeInfinity(x) ? 0 : 0.5 * x * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    public static double GeluExactDerivative(double x) => double.IsInfinity(x) ? (x > 0 ? 1 : 0)
        : (0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2))) + (x * Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI));

    /// <summary>Softmax of a row in double, PyTorch's edge semantics (NaN or ±∞ max → NaN row).</summary>
    public static double[] Softmax(ReadOnlySpan<float> row)
    {
        double max = double.NegativeInfinity;
        bool nan = false;
        foreach (float v in row)
        {
            nan |= float.IsNaN(v);
            max = Math.Max(max, v);
        }

        var result = new double[row.Length];
        if (nan || double.IsInfinity(max))
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        double sum = 0;
        for (int i = 0; i < row.Length; i++)
        {
            sum += result[i] = Math.Exp(row[i] - max);
        }

        for (int i = 0; i < row.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }
}
