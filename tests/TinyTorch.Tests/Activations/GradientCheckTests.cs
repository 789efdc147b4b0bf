using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// Each Backward against a central finite difference of the forward function, computed in double:
/// dL/dxᵢ ≈ (L(x + h·eᵢ) − L(x − h·eᵢ)) / 2h with L = Σ g·f(x). This checks the backward against the
/// forward itself, not against a second copy of the derivative formula.
/// </summary>
public class GradientCheckTests
{
    private const double H = 1e-5;
    private const double Tolerance = 2e-6;

    // Points away from ReLU's kink at 0, spanning the curved regions of every function.
    private static readonly float[] Points = [-6f, -3.5f, -2f, -1.25f, -0.7f, -0.3f, -0.05f, 0.05f, 0.3f, 0.7f, 1.25f, 2f, 3.5f, 6f];

    public static TheoryData<string> Activations => ["ReLU", "Sigmoid", "Tanh", "GELU-Sigmoid", "GELU-Tanh", "GELU-None"];

    private static (IActivation Module, Func<double, double> F) Case(string name) => name switch
    {
        "ReLU" => (new ReLU(), Oracle.ReLU),
        "Sigmoid" => (new Sigmoid(), Oracle.Sigmoid),
        "Tanh" => (new Tanh(), Oracle.Tanh),
        "GELU-Sigmoid" => (new GELU(GeluApproximation.Sigmoid), Oracle.GeluSigmoid),
        "GELU-Tanh" => (new GELU(GeluApproximation.Tanh), Oracle.GeluTanh),
        "GELU-None" => (new GELU(GeluApproximation.None), Oracle.GeluExact),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Backward_MatchesFiniteDifferences(string name)
    {
        (IActivation module, Func<double, double> f) = Case(name);
        float[] g = Points.Select((_, i) => 0.5f + (0.25f * (i % 5))).ToArray();
        module.Forward(new Tensor(Points));
        float[] dx = module.Backward(new Tensor(g)).ToArray();
        for (int i = 0; i < Points.Length; i++)
        {
            double x = Points[i];
            double numeric = g[i] * (f(x + H) - f(x - H)) / (2 * H);
            Assert.True(Math.Abs(dx[i] - numeric) <= Tolerance * Math.Max(1, Math.Abs(numeric)), $"{name}'({x}): backward {dx[i]}, numeric {numeric}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-1)]
    public void SoftmaxBackward_OverEachDimOf3d_MatchesFiniteDifferences(int dim)
    {
        int[] shape = [2, 3, 4];
        var random = new Random(11 + dim);
        float[] x = Enumerable.Range(0, 24).Select(_ => (float)((random.NextDouble() * 6) - 3)).ToArray();
        float[] g = Enumerable.Range(0, 24).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var softmax = new Softmax(dim);
        softmax.Forward(new Tensor(x, shape));
        float[] dx = softmax.Backward(new Tensor(g, shape)).ToArray();

        double Loss(double[] v)
        {
            double[] y = SoftmaxInDouble(v, shape, dim < 0 ? dim + 3 : dim);
            return y.Select((yi, i) => yi * g[i]).Sum();
        }

        double[] numeric = CentralDifference.Gradient([.. x.Select(v => (double)v)], Loss, H);
        for (int i = 0; i < numeric.Length; i++)
        {
            Assert.True(Math.Abs(dx[i] - numeric[i]) <= Tolerance, $"dim {dim}, element {i}: backward {dx[i]}, numeric {numeric[i]}");
        }
    }

    private static double[] SoftmaxInDouble(double[] x, int[] shape, int dim)
    {
        int inner = 1;
        for (int d = dim + 1; d < shape.Length; d++)
        {
            inner *= shape[d];
        }

        int length = shape[dim], outer = x.Length / (length * inner);
        var y = new double[x.Length];
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < inner; c++)
            {
                int start = (o * length * inner) + c;
                double max = double.NegativeInfinity, sum = 0;
                for (int k = 0; k < length; k++)
                {
                    max = Math.Max(max, x[start + (k * inner)]);
                }

                for (int k = 0; k < length; k++)
                {
                    sum += y[start + (k * inner)] = Math.Exp(x[start + (k * inner)] - max);
                }

                for (int k = 0; k < length; k++)
                {
                    y[start + (k * inner)] /= sum;
                }
            }
        }

        return y;
    }
}
