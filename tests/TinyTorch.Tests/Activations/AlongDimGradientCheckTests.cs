using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// The backward of each activation along a dim against central finite differences of its forward in double, over every
/// dim of a 3-d input (Softmax2d over its channels of 3-d and 4-d inputs), as <see cref="GradientCheckTests"/> does for
/// softmax.
/// </summary>
public class AlongDimGradientCheckTests
{
    private const double H = 1e-5;
    private const double Tolerance = 2e-6;

    public static TheoryData<string, int> Cases => new()
    {
        { "LogSoftmax", 0 }, { "LogSoftmax", 1 }, { "LogSoftmax", 2 }, { "LogSoftmax", -1 },
        { "Softmin", 0 }, { "Softmin", 1 }, { "Softmin", 2 }, { "Softmin", -1 },
        { "Softmax2d", 3 }, { "Softmax2d", 4 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_MatchesFiniteDifferences(string name, int dimOrRank)
    {
        (IActivation module, int[] shape, int dim) = name switch
        {
            "LogSoftmax" => ((IActivation)new LogSoftmax(dimOrRank), new[] { 2, 3, 4 }, dimOrRank < 0 ? dimOrRank + 3 : dimOrRank),
            "Softmin" => (new Softmin(dimOrRank), [2, 3, 4], dimOrRank < 0 ? dimOrRank + 3 : dimOrRank),
            _ => (new Softmax2d(), dimOrRank == 3 ? [3, 2, 4] : [2, 3, 2, 2], dimOrRank - 3),
        };
        int size = shape.Aggregate(1, (a, b) => a * b);
        var random = new Random(17 + dimOrRank + name.Length);
        float[] x = [.. Enumerable.Range(0, size).Select(_ => (float)((random.NextDouble() * 6) - 3))];
        float[] g = [.. Enumerable.Range(0, size).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        module.Forward(new Tensor(x, shape));
        float[] dx = module.Backward(new Tensor(g, shape)).ToArray();

        double Loss(double[] v)
        {
            double[] y = ForwardInDouble(name, v, shape, dim);
            return y.Select((yi, i) => yi * g[i]).Sum();
        }

        double[] numeric = CentralDifference.Gradient([.. x.Select(v => (double)v)], Loss, H);
        for (int i = 0; i < numeric.Length; i++)
        {
            Assert.True(Math.Abs(dx[i] - numeric[i]) <= Tolerance * Math.Max(1, Math.Abs(numeric[i])), $"{name} over dim {dim}, element {i}: backward {dx[i]}, numeric {numeric[i]}");
        }
    }

    /// <summary>The forward in double over <paramref name="dim"/>: log-softmax, softmin, or softmax (Softmax2d).</summary>
    private static double[] ForwardInDouble(string name, double[] x, int[] shape, int dim)
    {
        int length = shape[dim], inner = shape.Skip(dim + 1).Aggregate(1, (a, b) => a * b);
        int outer = x.Length / (length * inner);
        var y = new double[x.Length];
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < inner; c++)
            {
                int start = (o * length * inner) + c;
                double[] v = [.. Enumerable.Range(0, length).Select(i => name == "Softmin" ? -x[start + (i * inner)] : x[start + (i * inner)])];
                double max = v.Max();
                double log = Math.Log(v.Sum(t => Math.Exp(t - max)));
                for (int i = 0; i < length; i++)
                {
                    double logSoftmax = v[i] - max - log;
                    y[start + (i * inner)] = name == "LogSoftmax" ? logSoftmax : Math.Exp(logSoftmax);
                }
            }
        }

        return y;
    }
}
