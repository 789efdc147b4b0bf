using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// Log-softmax and Softmin over Half: every result the Half nearest the float64 truth (of the Half inputs), PyTorch's
/// edges as the float overloads, and Softmin exactly the Half softmax of −x.
/// </summary>
public class HalfLogSoftmaxTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(1000, 1)]
    [InlineData(5, 12)]
    [InlineData(64, 3)]
    public void LogSoftmaxIsCorrectlyRoundedForwardAndBackward(int axisLength, int stride)
    {
        var random = new Random((axisLength * 31) + stride);
        const int Outer = 40;
        int n = Outer * axisLength * stride;
        Half[] x = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 16))];
        Half[] g = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 4))];
        var y = new Half[n];
        var dx = new Half[n];
        ActivationKernels.LogSoftmaxStrided(x, y, axisLength, stride);
        ActivationKernels.LogSoftmaxStridedBackward(g, y, dx, axisLength, stride);
        var wrong = new List<string>();
        for (int o = 0; o < Outer; o++)
        {
            for (int c = 0; c < stride; c++)
            {
                int start = (o * axisLength * stride) + c;
                int[] slice = [.. Enumerable.Range(0, axisLength).Select(j => start + (j * stride))];
                double max = slice.Max(i => (double)x[i]);
                double logSum = max + Math.Log(slice.Sum(i => Math.Exp((double)x[i] - max)));
                double gradSum = slice.Sum(i => (double)g[i]);
                foreach (int i in slice)
                {
                    Check(wrong, "forward", i, y[i], (double)x[i] - logSum);
                    Check(wrong, "backward", i, dx[i], (double)g[i] - (Math.Exp((double)y[i]) * gradSum));
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} misrounded\n" + string.Join("\n", wrong.Take(20)));
    }

    /// <summary>
    /// Every finite Half beside a fixed partner, forward and backward: the float results of these rows round to the
    /// wrong Half in 1 to 48 lanes out of 126 976 per partner (counted once by hand), so this fails without the fix-up.
    /// </summary>
    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-3.5f)]
    public void LogSoftmaxOfEveryHalfBesideAPartnerIsCorrectlyRounded(float partner)
    {
        Half[] values = [.. Enumerable.Range(0, 65536).Select(b => BitConverter.UInt16BitsToHalf((ushort)b)).Where(Half.IsFinite)];
        int n = 2 * values.Length;
        var x = new Half[n];
        for (int r = 0; r < values.Length; r++)
        {
            x[2 * r] = values[r];
            x[(2 * r) + 1] = (Half)partner;
        }

        var random = new Random(3);
        Half[] g = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 4))];
        var y = new Half[n];
        var dx = new Half[n];
        ActivationKernels.LogSoftmax(x, y, 2);
        ActivationKernels.LogSoftmaxBackward(g, y, dx, 2);
        var wrong = new List<string>();
        for (int r = 0; r < values.Length; r++)
        {
            double a = (double)x[2 * r], b = partner, max = Math.Max(a, b);
            double logSum = max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
            Check(wrong, "forward", 2 * r, y[2 * r], a - logSum);
            Check(wrong, "forward", (2 * r) + 1, y[(2 * r) + 1], b - logSum);
            double gradSum = (double)g[2 * r] + (double)g[(2 * r) + 1];
            for (int i = 2 * r; i < (2 * r) + 2; i++)
            {
                Check(wrong, "backward", i, dx[i], (double)g[i] - (Math.Exp((double)y[i]) * gradSum));
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {n} misrounded\n" + string.Join("\n", wrong.Take(10)));
    }

    [Fact]
    public void LogSoftmaxEdgeRowsFollowTheFloatKernel_AndRowsEqualTheStridedForm()
    {
        Half inf = Half.PositiveInfinity, nan = Half.NaN;
        Half[] x = [(Half)1, nan, (Half)2, (Half)1, inf, (Half)2, -inf, -inf, -inf, -inf, (Half)3, (Half)(-2), (Half)500, (Half)(-500), (Half)0];
        var half = new Half[x.Length];
        var strided = new Half[x.Length];
        var single = new float[x.Length];
        ActivationKernels.LogSoftmax(x, half, 3);
        ActivationKernels.LogSoftmaxStrided(x, strided, 3, 1);
        ActivationKernels.LogSoftmax([.. x.Select(h => (float)h)], single, 3);
        Assert.Equal(half, strided);
        Assert.Equal(single.Select(v => (Half)v), half);
        Assert.True(Half.IsNaN(half[0]) && Half.IsNaN(half[3]) && Half.IsNaN(half[6]), "NaN, +∞ and all −∞ rows are NaN");
        Assert.True(Half.IsNegativeInfinity(half[9]), "−∞ beside finite values is −∞");
        Assert.Equal((Half)(-1000), half[13]);   // ±500: the stable form, not log of a softmax that underflows to 0
    }

    [Theory]
    [InlineData(9, 1)]
    [InlineData(6, 5)]
    public void SoftminIsTheHalfSoftmaxOfMinusX_ForwardAndBackward_InPlaceToo(int axisLength, int stride)
    {
        var random = new Random(axisLength + stride);
        int n = 30 * axisLength * stride;
        Half[] x = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 20))];
        Half[] g = [.. Enumerable.Range(0, n).Select(_ => (Half)((random.NextDouble() - 0.5) * 4))];
        var y = new Half[n];
        var expected = new Half[n];
        ActivationKernels.SoftminStrided(x, y, axisLength, stride);
        ActivationKernels.SoftmaxStrided([.. x.Select(v => -v)], expected, axisLength, stride);
        Assert.Equal(expected, y);

        var dx = new Half[n];
        var softmaxDx = new Half[n];
        ActivationKernels.SoftminStridedBackward(g, y, dx, axisLength, stride);
        ActivationKernels.SoftmaxStridedBackward(g, y, softmaxDx, axisLength, stride);
        Assert.Equal(softmaxDx.Select(v => -v), dx);

        Half[] inPlace = [.. x];
        ActivationKernels.SoftminStrided(inPlace, inPlace, axisLength, stride);
        Assert.Equal(y, inPlace);
        if (stride == 1)
        {
            var rows = new Half[n];
            ActivationKernels.Softmin(x, rows, axisLength);
            Assert.Equal(y, rows);
            ActivationKernels.SoftminBackward(g, y, rows, axisLength);
            Assert.Equal(dx, rows);
        }
    }

    [Fact]
    public void BadArgumentsAreNamedAsForFloat()
    {
        var e = Assert.Throws<ArgumentException>(() => ActivationKernels.LogSoftmax(new Half[10], new Half[10], 3));
        Assert.Equal("x", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.LogSoftmaxBackward(new Half[6], new Half[6], new Half[5], 3));
        Assert.Equal("destination", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.SoftminStrided(new Half[10], new Half[10], 3, 2));
        Assert.Equal("x", e.ParamName);
    }

    private static void Check(List<string> wrong, string pass, int i, Half actual, double truth)
    {
        Half expected = (Half)truth;
        if (Half.IsNaN(expected) ? !Half.IsNaN(actual) : actual != expected)
        {
            wrong.Add($"{pass} [{i}]: got {actual}, truth {truth:R}");
        }
    }
}
