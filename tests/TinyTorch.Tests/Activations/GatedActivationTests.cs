using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// The contract every gated unit (GLU, SwiGLU, GeGLU in its three forms, ReGLU) keeps, over the shared base class:
/// every dim of 1- to 4-d inputs against the float64 truth, zero-size dims, extreme and special rows, PyTorch's errors,
/// Forward into an output, and Backward against the truth's derivatives and against finite differences.
/// </summary>
public class GatedActivationTests
{
    public static TheoryData<string, int[], int> DimCases()
    {
        var data = new TheoryData<string, int[], int>();
        int[][] shapes = [[6], [4, 6], [6, 3], [2, 4, 6], [4, 3, 2], [2, 2, 4, 6], [2, 6, 3, 2], [40, 34], [3, 2, 70]];
        foreach (string name in GatedUnits.Names)
        {
            foreach (int[] shape in shapes)
            {
                for (int dim = -shape.Length; dim < shape.Length; dim++)
                {
                    int d = dim < 0 ? dim + shape.Length : dim;
                    if (shape[d] % 2 == 0)
                    {
                        data.Add(name, shape, dim);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DimCases))]
    public void EveryDimOfOneToFourDInputsMatchesTheTruth(string name, int[] shape, int dim)
    {
        int d = dim < 0 ? dim + shape.Length : dim;
        float[] x = Random(shape.Aggregate(1, (p, n) => p * n), 3 + dim);
        Tensor y = GatedUnits.Make(name, dim).Forward(new Tensor(x, shape));

        Assert.Equal(GatedUnits.Halved(shape, d), y.Shape.ToArray());
        double[] truth = GatedUnits.Naive(name, x, shape, d);
        float[] actual = y.ToArray();
        for (int i = 0; i < truth.Length; i++)
        {
            Assert.True(Ulp.WithinForwardBound(actual[i], truth[i], GatedUnits.BoundAt(name, truth[i])), $"{name} dim {dim}, output {i}: {actual[i]:R} vs {truth[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(DimCases))]
    public void BackwardOverEveryDimMatchesTheTruthsDerivatives(string name, int[] shape, int dim)
    {
        int d = dim < 0 ? dim + shape.Length : dim;
        int size = shape.Aggregate(1, (p, n) => p * n);
        float[] x = Random(size, 7 + dim);
        float[] g = Random(size / 2, 11 + dim);
        GatedActivation module = GatedUnits.Make(name, dim);
        module.Forward(new Tensor(x, shape));
        Tensor dx = module.Backward(new Tensor(g, GatedUnits.Halved(shape, d)));

        Assert.Equal(shape, dx.Shape.ToArray());
        // The layout is what is checked here (the operator tests hold each backward to its bound): 1e−5 relative to
        // max(1, |dL/dx|) covers every form's bound, stated relative to |g·a| for the GELU and SiLU slopes.
        double[] truth = GatedUnits.NaiveBackward(name, g, x, shape, d);
        float[] actual = dx.ToArray();
        for (int i = 0; i < truth.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - truth[i]) <= 1e-5 * Math.Max(1, Math.Abs(truth[i])), $"{name} dim {dim}, dx[{i}]: {actual[i]:R} vs {truth[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(GatedUnits.All), MemberType = typeof(GatedUnits))]
    public void BackwardMatchesFiniteDifferencesOfTheForward(string name)
    {
        const double H = 1e-4;
        int[] shape = [3, 8];
        float[] x = Random(24, 5);
        float[] g = Random(12, 6);
        GatedActivation module = GatedUnits.Make(name, 1);
        module.Forward(new Tensor(x, shape));
        float[] dx = module.Backward(new Tensor(g, [3, 4])).ToArray();

        double Loss(double[] v)
        {
            double sum = 0;
            for (int r = 0; r < 3; r++)
            {
                for (int j = 0; j < 4; j++)
                {
                    sum += g[(r * 4) + j] * GatedUnits.Truth(name, v[(r * 8) + j], v[(r * 8) + j + 4]);
                }
            }

            return sum;
        }

        double[] numeric = CentralDifference.Gradient([.. x.Select(v => (double)v)], Loss, H);
        for (int i = 0; i < numeric.Length; i++)
        {
            Assert.True(Math.Abs(dx[i] - numeric[i]) <= 2e-5 * Math.Max(1, Math.Abs(numeric[i])), $"{name}, x[{i}] = {x[i]}: backward {dx[i]}, numeric {numeric[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(GatedUnits.All), MemberType = typeof(GatedUnits))]
    public void ZeroSizeDimsGiveEmptyResults(string name)
    {
        foreach ((int[] shape, int dim, int[] halved) in new[] { (new[] { 0, 4 }, 1, new[] { 0, 2 }), ([3, 0], 1, [3, 0]), ([0, 4], 0, [0, 4]), ([2, 0, 6], 2, [2, 0, 3]) })
        {
            GatedActivation module = GatedUnits.Make(name, dim);
            Tensor y = module.Forward(Tensor.Zeros(shape));
            Assert.Equal(halved, y.Shape.ToArray());
            Tensor dx = module.Backward(Tensor.Zeros(halved));
            Assert.Equal(shape, dx.Shape.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(GatedUnits.All), MemberType = typeof(GatedUnits))]
    public void ExtremeAndSpecialHalvesFollowTheTruth(string name)
    {
        float[] a = [1000f, -1000f, 1000f, -1000f, 1f, float.NaN, 2f, float.PositiveInfinity, -3f, 5f, 0.5f, float.NegativeInfinity];
        float[] b = [1000f, 1000f, -1000f, -1000f, float.NaN, 1f, float.PositiveInfinity, 2f, float.NegativeInfinity, -150f, 1e-30f, 7f];
        float[] y = GatedUnits.Make(name).Forward(new Tensor([.. a, .. b], [24])).ToArray();
        for (int i = 0; i < a.Length; i++)
        {
            double truth = GatedUnits.Truth(name, a[i], b[i]);
            Assert.True(Ulp.WithinForwardBound(y[i], truth, GatedUnits.BoundAt(name, truth)), $"{name}({a[i]}, {b[i]}) = {y[i]:R}, truth {truth:R}");
        }
    }

    [Theory]
    [MemberData(nameof(GatedUnits.All), MemberType = typeof(GatedUnits))]
    public void OddHalvingSizeIsRefusedInPyTorchsWords(string name)
    {
        // torch.nn.functional.glu(torch.zeros(2, 5), 1), PyTorch 1.13: "Halving dimension must be even, but dimension 1 is size 5".
        var e = Assert.Throws<ArgumentException>(() => GatedUnits.Make(name).Forward(Tensor.Zeros(2, 5)));
        Assert.Equal("x", e.ParamName);
        Assert.StartsWith("Halving dimension must be even, but dimension 1 is size 5", e.Message);
        var atZero = Assert.Throws<ArgumentException>(() => GatedUnits.Make(name, 0).Forward(Tensor.Zeros(3, 4)));
        Assert.StartsWith("Halving dimension must be even, but dimension 0 is size 3", atZero.Message);
    }

    [Theory]
    [MemberData(nameof(GatedUnits.All), MemberType = typeof(GatedUnits))]
    public void ScalarsAndDimsOutOfRangeAreRefused(string name)
    {
        // PyTorch 1.13: "glu does not support scalars because halving size must be even" and
        // "Dimension out of range (expected to be in range of [-2, 1], but got 2)".
        var scalar = Assert.Throws<ArgumentException>(() => GatedUnits.Make(name).Forward(new Tensor(new[] { 1f }, [])));
        Assert.Contains("does not support scalars because halving size must be even", scalar.Message);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => GatedUnits.Make(name, 2).Forward(Tensor.Zeros(2, 4)));
        Assert.Equal("dim", range.ParamName);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", range.Message);
    }

    [Theory]
    [MemberData(nameof(GatedUnits.All), MemberType = typeof(GatedUnits))]
    public void ForwardIntoOutputWritesThereAndChecksItsShape(string name)
    {
        float[] x = Random(24, 9);
        GatedActivation module = GatedUnits.Make(name, 0);
        var output = Tensor.Zeros(2, 6);
        Assert.Same(output, module.Forward(new Tensor(x, [4, 6]), output));
        Assert.Equal(GatedUnits.Make(name, 0).Forward(new Tensor(x, [4, 6])).ToArray(), output.ToArray());
        Assert.Equal(new[] { 4, 6 }, module.Backward(Tensor.Ones(2, 6)).Shape.ToArray());

        var e = Assert.Throws<ArgumentException>(() => module.Forward(new Tensor(x, [4, 6]), Tensor.Zeros(4, 3)));
        Assert.Equal("output", e.ParamName);
        Assert.Contains("(2, 6)", e.Message);
    }

    [Theory]
    [MemberData(nameof(GatedUnits.All), MemberType = typeof(GatedUnits))]
    public void BackwardChecksItsInputs(string name)
    {
        GatedActivation module = GatedUnits.Make(name);
        var before = Assert.Throws<InvalidOperationException>(() => module.Backward(Tensor.Ones(2, 2)));
        Assert.Contains("before Forward", before.Message);

        module.Forward(Tensor.Ones(2, 4));
        var shape = Assert.Throws<ArgumentException>(() => module.Backward(Tensor.Ones(2, 4)));
        Assert.Equal("gradOutput", shape.ParamName);
        Assert.Contains("(2, 2)", shape.Message);
    }

    [Theory]
    [MemberData(nameof(GatedUnits.All), MemberType = typeof(GatedUnits))]
    public void BackwardUsesTheDimOfItsOwnForward(string name)
    {
        float[] x = Random(16, 13);
        GatedActivation module = GatedUnits.Make(name, -1);
        module.Forward(new Tensor(x, [4, 4]), 0);
        float[] dx = module.Backward(Tensor.Ones(2, 4)).ToArray();
        double[] truth = GatedUnits.NaiveBackward(name, [.. Enumerable.Repeat(1f, 8)], x, [4, 4], 0);
        for (int i = 0; i < 16; i++)
        {
            Assert.True(Math.Abs(dx[i] - truth[i]) <= 1e-6 * Math.Max(1, Math.Abs(truth[i])), $"dx[{i}]: {dx[i]} vs {truth[i]}");
        }
    }

    [Fact]
    public void ReprsNameTheDim()
    {
        Assert.Equal("GLU(dim=-1)", new GLU().ToString());
        Assert.Equal("SwiGLU(dim=0)", new SwiGLU(0).ToString());
        Assert.Equal("GeGLU(dim=-1, approximate=Tanh)", new GeGLU().ToString());
        Assert.Equal("ReGLU(dim=2)", new ReGLU(2).ToString());
        Assert.Empty(new GLU().Parameters());
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeGLU(-1, (GeluApproximation)99));
    }

    private static float[] Random(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 12) - 6))];
    }
}
