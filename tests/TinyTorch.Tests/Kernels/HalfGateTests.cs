using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// The gated units over Half: for every finite Half b (beside a few values of a), forward and backward, each result the
/// Half nearest the float64 truth of the Half inputs; the strided form likewise; the checks name the Half parameters.
/// </summary>
public class HalfGateTests
{
    private delegate void Forward(ReadOnlySpan<Half> x, Span<Half> destination, int axisLength, int stride);

    private delegate void Backward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination, int axisLength, int stride);

    public static TheoryData<string> Units => ["glu", "swiglu", "reglu", "geglu-tanh", "geglu-sigmoid", "geglu-exact"];

    [Theory]
    [MemberData(nameof(Units))]
    public void EveryHalfGateBesideSomeValuesIsCorrectlyRounded_ForwardAndBackward(string unit)
    {
        (Forward forward, Backward backward, Func<double, double, double> f, Func<double, double, double> da, Func<double, double, double> db) = Unit(unit);
        Half[] bs = [.. Enumerable.Range(0, 65536).Select(b => BitConverter.UInt16BitsToHalf((ushort)b)).Where(Half.IsFinite)];
        var random = new Random(unit.Length);
        var wrong = new List<string>();
        foreach (double aValue in new[] { 1.0, -2.5, double.NaN })
        {
            // Rows [a, b]; a drawn per row when aValue is NaN.
            int rows = bs.Length;
            var x = new Half[2 * rows];
            for (int r = 0; r < rows; r++)
            {
                x[2 * r] = double.IsNaN(aValue) ? (Half)((random.NextDouble() - 0.5) * 8) : (Half)aValue;
                x[(2 * r) + 1] = bs[r];
            }

            Half[] g = [.. Enumerable.Range(0, rows).Select(_ => (Half)((random.NextDouble() - 0.5) * 4))];
            var y = new Half[rows];
            var dx = new Half[2 * rows];
            forward(x, y, 2, 1);
            backward(g, x, dx, 2, 1);
            for (int r = 0; r < rows; r++)
            {
                double a = (double)x[2 * r], b = (double)x[(2 * r) + 1], gr = (double)g[r];
                Check(wrong, $"forward a={a} b={b}", y[r], f(a, b));
                Check(wrong, $"dL/da a={a} b={b}", dx[2 * r], gr * da(a, b));
                Check(wrong, $"dL/db a={a} b={b}", dx[(2 * r) + 1], gr * db(a, b));
            }
        }

        Assert.True(wrong.Count == 0, $"{unit}: {wrong.Count} misrounded\n" + string.Join("\n", wrong.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void TheStridedFormIsCorrectlyRoundedAtItsIndices(string unit)
    {
        (Forward forward, Backward backward, Func<double, double, double> f, Func<double, double, double> da, Func<double, double, double> db) = Unit(unit);
        const int Outer = 7, Axis = 6, Stride = 5, HalfSlab = Axis / 2 * Stride;
        var random = new Random(3);
        Half[] x = [.. Enumerable.Range(0, Outer * Axis * Stride).Select(_ => (Half)((random.NextDouble() - 0.5) * 10))];
        Half[] g = [.. Enumerable.Range(0, x.Length / 2).Select(_ => (Half)((random.NextDouble() - 0.5) * 4))];
        var y = new Half[x.Length / 2];
        var dx = new Half[x.Length];
        forward(x, y, Axis, Stride);
        backward(g, x, dx, Axis, Stride);
        var wrong = new List<string>();
        for (int i = 0; i < y.Length; i++)
        {
            int ai = (i / HalfSlab * 2 * HalfSlab) + (i % HalfSlab), bi = ai + HalfSlab;
            double a = (double)x[ai], b = (double)x[bi];
            Check(wrong, $"forward [{i}]", y[i], f(a, b));
            Check(wrong, $"dL/da [{ai}]", dx[ai], (double)g[i] * da(a, b));
            Check(wrong, $"dL/db [{bi}]", dx[bi], (double)g[i] * db(a, b));
        }

        Assert.True(wrong.Count == 0, $"{unit}: {wrong.Count} misrounded\n" + string.Join("\n", wrong.Take(10)));
    }

    [Fact]
    public void BadArgumentsAreNamedAsForFloat()
    {
        var e = Assert.Throws<ArgumentException>(() => ActivationKernels.GLU(new Half[10], new Half[5], 5));
        Assert.Equal("rowLength", e.ParamName);
        Assert.Contains("Halving dimension must be even", e.Message);
        var x = new Half[8];
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.SwiGLU(x, x, 4));
        Assert.Equal("destination", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.ReGLUBackward(new Half[3], new Half[8], new Half[8], 4));
        Assert.Equal("gradOutput", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.GeGLUStridedBackward(new Half[4], new Half[8], new Half[7], 4, 1));
        Assert.Equal("destination", e.ParamName);
    }

    private static (Forward, Backward, Func<double, double, double>, Func<double, double, double>, Func<double, double, double>) Unit(string unit) => unit switch
    {
        "glu" => (ActivationKernels.GLUStrided, ActivationKernels.GLUStridedBackward, GLUMath.Forward, GLUMath.DerivativeA, GLUMath.DerivativeB),
        "swiglu" => (ActivationKernels.SwiGLUStrided, ActivationKernels.SwiGLUStridedBackward, SwiGLUMath.Forward, SwiGLUMath.DerivativeA, SwiGLUMath.DerivativeB),
        "reglu" => (ActivationKernels.ReGLUStrided, ActivationKernels.ReGLUStridedBackward, ReGLUMath.Forward, ReGLUMath.DerivativeA, ReGLUMath.DerivativeB),
        _ => GeGLU(unit switch { "geglu-tanh" => GeluApproximation.Tanh, "geglu-sigmoid" => GeluApproximation.Sigmoid, _ => GeluApproximation.None }),
    };

    private static (Forward, Backward, Func<double, double, double>, Func<double, double, double>, Func<double, double, double>) GeGLU(GeluApproximation form) => (
        (x, d, n, s) => ActivationKernels.GeGLUStrided(x, d, n, s, form),
        (g, x, d, n, s) => ActivationKernels.GeGLUStridedBackward(g, x, d, n, s, form),
        (a, b) => GeGLUMath.Forward(a, b, form),
        (a, b) => GeGLUMath.DerivativeA(a, b, form),
        (a, b) => GeGLUMath.DerivativeB(a, b, form));

    private static void Check(List<string> wrong, string what, Half actual, double truth)
    {
        Half expected = (Half)truth;
        if (Half.IsNaN(expected) ? !Half.IsNaN(actual) : actual != expected)
        {
            wrong.Add($"{what}: got {actual}, truth {truth:R}");
        }
    }
}
