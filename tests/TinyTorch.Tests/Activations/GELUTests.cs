using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class GELUTests
{
    private static float[] Gelu(GeluApproximation form, params float[] x) => new GELU(form).Forward(new Tensor(x)).ToArray();

    [Fact]
    public void GELU_DefaultForm_IsTheSigmoidForm()
    {
        Assert.Equal(GeluApproximation.Sigmoid, new GELU().Approximate);
        Assert.Equal(Gelu(GeluApproximation.Sigmoid, 1.5f), new GELU().Forward(new Tensor(new[] { 1.5f })).ToArray());
    }

    [Theory]
    [InlineData(GeluApproximation.Sigmoid)]
    [InlineData(GeluApproximation.Tanh)]
    [InlineData(GeluApproximation.None)]
    public void GELU_AtZero_IsExactlyZero(GeluApproximation form) => Assert.Equal(0f, Gelu(form, 0f)[0]);

    [Fact]
    public void GELU_AtOne_IsAbove08()
    {
        float v = Gelu(GeluApproximation.Sigmoid, 1f)[0];
        Assert.True(v > 0.8f);
        Assert.Equal(0.8458, v, 4);
    }

    [Fact]
    public void GELU_AtMinusOne_IsSmallAndNegative()
    {
        float v = Gelu(GeluApproximation.Sigmoid, -1f)[0];
        Assert.InRange(v, -0.2f, -1e-6f);
        Assert.Equal(-0.1542, v, 4);
    }

    [Fact]
    public void GELU_EqualsXTimesSigmoidOf1702X_WithinTinyTorchTolerance()
    {
        float[] x = Enumerable.Range(-50, 101).Select(i => i / 10f).ToArray();
        float[] y = Gelu(GeluApproximation.Sigmoid, x);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = x[i] / (1 + Math.Exp(-1.702 * x[i]));
            Assert.True(Math.Abs(y[i] - expected) <= 1e-5 + (1e-4 * Math.Abs(expected)), $"GELU({x[i]}) = {y[i]}, expected {expected}");
        }
    }

    [Fact]
    public void GELU_IsSmoothAcrossZero() =>
        Assert.True(Gelu(GeluApproximation.Sigmoid, -0.001f, 0f, 0.001f).Zip(Gelu(GeluApproximation.Sigmoid, 0f, 0.001f)).All(p => Math.Abs(p.First - p.Second) < 0.01));

    [Fact]
    public void ExactGELU_DocExamples_Hold() =>
        Assert.Equal(new[] { -0.159, 0, 0.841 }, Gelu(GeluApproximation.None, -1f, 0f, 1f).Select(v => Math.Round(v, 3)));

    [Fact]
    public void TanhForm_MatchesPyTorchFormula() =>
        Assert.Equal(0.5 * 1.5 * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (1.5 + (0.044715 * 1.5 * 1.5 * 1.5)))), Gelu(GeluApproximation.Tanh, 1.5f)[0], 6);

    [Theory]
    [InlineData(GeluApproximation.Sigmoid)]
    [InlineData(GeluApproximation.Tanh)]
    [InlineData(GeluApproximation.None)]
    public void GELU_AtInfinities_ReachesItsLimits_AndPropagatesNaN(GeluApproximation form)
    {
        float[] y = Gelu(form, float.NegativeInfinity, float.PositiveInfinity, float.NaN);
        Assert.Equal(0f, y[0]);
        Assert.Equal(float.PositiveInfinity, y[1]);
        Assert.True(float.IsNaN(y[2]));
    }

    [Theory]
    [InlineData(GeluApproximation.Tanh, -10f)]
    [InlineData(GeluApproximation.None, -6f)]
    [InlineData(GeluApproximation.None, -12f)]
    [InlineData(GeluApproximation.Sigmoid, -50f)]
    public void GELU_NegativeTail_KeepsFullRelativeAccuracy(GeluApproximation form, float x)
    {
        // The naive ½x(1 + erf(x/√2)) or ½x(1 + tanh(u)) returns 0 here; the truth is a tiny negative number.
        double truth = form switch
        {
            GeluApproximation.None => Oracle.GeluExact(x),
            GeluApproximation.Tanh => Oracle.GeluTanh(x),
            _ => Oracle.GeluSigmoid(x),
        };
        float y = Gelu(form, x)[0];
        Assert.True(y < 0f, $"GELU({x}) = {y} but the truth {truth:R} is negative");
        Assert.True(Ulp.Error(y, truth) <= 2, $"GELU({x}) = {y:R}, truth {truth:R}");
    }

    [Theory]
    [InlineData(GeluApproximation.Sigmoid)]
    [InlineData(GeluApproximation.Tanh)]
    [InlineData(GeluApproximation.None)]
    public void Backward_AtZero_IsOneHalf(GeluApproximation form)
    {
        var gelu = new GELU(form);
        gelu.Forward(Tensor.Scalar(0f));
        Assert.Equal(0.5f, gelu.Backward(Tensor.Scalar(1f)).Item());
    }

    [Fact]
    public void Backward_OfEachForm_IsThatFormsOwnDerivative()
    {
        // At x = 1 the three forms' slopes differ in the third decimal; a mismatched pair (TinyTorch's
        // sigmoid forward with a tanh backward) fails this.
        var x = Tensor.Scalar(1f);
        foreach ((GeluApproximation form, double expected) in new[]
                 {
                     (GeluApproximation.Sigmoid, Oracle.GeluSigmoidDerivative(1)),
                     (GeluApproximation.Tanh, Oracle.GeluTanhDerivative(1)),
                     (GeluApproximation.None, Oracle.GeluExactDerivative(1)),
                 })
        {
            var gelu = new GELU(form);
            gelu.Forward(x);
            Assert.Equal(expected, gelu.Backward(Tensor.Scalar(1f)).Item(), 6);
        }

        Assert.True(Math.Abs(Oracle.GeluSigmoidDerivative(1) - Oracle.GeluTanhDerivative(1)) > 1e-3);
    }

    [Fact]
    public void Constructor_RejectsUndefinedForm() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GELU((GeluApproximation)7));

    [Fact]
    public void ToString_NamesTheForm() => Assert.Equal("GELU(approximate=Tanh)", new GELU(GeluApproximation.Tanh).ToString());
}
