using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class TensorFactoryTests
{
    [Fact]
    public void Zeros_Ones_Full_HaveTheShapeAndValue()
    {
        Assert.Equal(new float[6], Tensor.Zeros(2, 3).ToArray());
        Assert.Equal(new[] { 2, 3 }, Tensor.Zeros(2, 3).Shape);
        Assert.Equal(Enumerable.Repeat(1f, 4), Tensor.Ones(4).ToArray());
        Assert.Equal(Enumerable.Repeat(-2.5f, 6), Tensor.Full([3, 2], -2.5f).ToArray());
        Assert.Equal(new[] { 3, 2 }, Tensor.Full([3, 2], -2.5f).Shape);
    }

    [Fact]
    public void Full_WithMinusZero_KeepsTheSign()
    {
        Assert.True(float.IsNegative(Tensor.Full([2], -0f)[1]));
    }

    [Fact]
    public void Zeros_WithNoDims_IsAZeroDScalar()
    {
        Tensor z = Tensor.Zeros();
        Assert.Equal(0, z.Rank);
        Assert.Equal(0f, z.Item());
    }

    [Fact]
    public void Zeros_WithANegativeDim_Throws()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, -1));
    }

    [Fact]
    public void ZerosLikeAndOnesLike_TakeTheShape()
    {
        Tensor x = Tensor.Randn([2, 0, 3], seed: 1);
        Assert.Equal(x.Shape, Tensor.ZerosLike(x).Shape);
        Tensor y = Tensor.Randn([2, 3], seed: 1);
        Assert.All(Tensor.OnesLike(y).ToArray(), v => Assert.Equal(1f, v));
        Assert.All(Tensor.ZerosLike(y).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Arange_Stop_CountsFromZero()
    {
        Assert.Equal(new float[] { 0, 1, 2, 3, 4 }, Tensor.Arange(5).ToArray());
        Assert.Equal(new[] { 0 }, Tensor.Arange(0).Shape);
        Assert.Equal(new[] { 0 }, Tensor.Arange(-3).Shape);
    }

    [Fact]
    public void Arange_WithStep_StopsBeforeStop()
    {
        Assert.Equal(new float[] { 1, 3, 5 }, Tensor.Arange(1, 7, 2).ToArray());
        Assert.Equal(new float[] { 1, 3, 5, 7 }, Tensor.Arange(1, 8, 2).ToArray());
        Assert.Equal(new float[] { 5, 4, 3 }, Tensor.Arange(5, 2, -1).ToArray());
    }

    [Fact]
    public void Arange_FractionalStep_ComputesEachValueFromItsIndex()
    {
        Tensor t = Tensor.Arange(0, 1, 0.1f);
        Assert.Equal(10, t.Size);
        Assert.Equal((float)(7 * (double)0.1f), t[7]);   // not seven float additions of 0.1f
    }

    [Theory]
    [InlineData(0f, 1f, 0f)]
    [InlineData(0f, float.PositiveInfinity, 1f)]
    [InlineData(float.NaN, 1f, 1f)]
    public void Arange_WithZeroStepOrNonFiniteArguments_Throws(float start, float stop, float step)
    {
        Assert.Throws<ArgumentException>(() => Tensor.Arange(start, stop, step));
    }

    [Fact]
    public void Linspace_IncludesBothEnds_EvenlySpaced()
    {
        Assert.Equal(new float[] { 0, 0.25f, 0.5f, 0.75f, 1 }, Tensor.Linspace(0, 1, 5).ToArray());
        Assert.Equal(new float[] { 5, 0, -5 }, Tensor.Linspace(5, -5, 3).ToArray());
    }

    [Fact]
    public void Linspace_EndsExactlyAtStop()
    {
        Tensor t = Tensor.Linspace(-5, 0.3f, 7);
        Assert.Equal(-5f, t[0]);
        Assert.Equal(0.3f, t[-1]);
    }

    [Fact]
    public void Linspace_WithOneOrZeroPoints()
    {
        Assert.Equal(new float[] { 2 }, Tensor.Linspace(2, 9, 1).ToArray());
        Assert.Equal(0, Tensor.Linspace(2, 9, 0).Size);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Linspace(0, 1, -1));
    }

    [Fact]
    public void Rand_SameSeed_SameTensor_DifferentSeed_DifferentTensor()
    {
        Assert.Equal(Tensor.Rand([4, 5], seed: 42).ToArray(), Tensor.Rand([4, 5], seed: 42).ToArray());
        Assert.NotEqual(Tensor.Rand([4, 5], seed: 42).ToArray(), Tensor.Rand([4, 5], seed: 43).ToArray());
    }

    [Fact]
    public void Rand_IsInZeroToOne_WithMeanAndVarianceOfTheUniform()
    {
        float[] u = Tensor.Rand([20_000], seed: 7).ToArray();
        Assert.All(u, x => Assert.InRange(x, 0f, 0.99999994f));
        double mean = u.Average(x => (double)x);
        double variance = u.Average(x => (x - mean) * (x - mean));
        Assert.InRange(mean, 0.49, 0.51);          // 1/2, standard error 0.002
        Assert.InRange(variance, 0.080, 0.087);    // 1/12 = 0.0833
    }

    [Fact]
    public void Randn_SameSeed_SameTensor_DifferentSeed_DifferentTensor()
    {
        Assert.Equal(Tensor.Randn([7], seed: 1).ToArray(), Tensor.Randn([7], seed: 1).ToArray());
        Assert.NotEqual(Tensor.Randn([7], seed: 1).ToArray(), Tensor.Randn([7], seed: 2).ToArray());
    }

    [Fact]
    public void Randn_HasStandardNormalMoments()
    {
        float[] z = Tensor.Randn([20_001], seed: 11).ToArray();   // odd length: the last pair is half used
        Assert.All(z, x => Assert.True(float.IsFinite(x)));
        double mean = z.Average(x => (double)x);
        double variance = z.Average(x => (x - mean) * (x - mean));
        double withinOneSigma = z.Count(x => Math.Abs(x) < 1) / (double)z.Length;
        Assert.InRange(mean, -0.03, 0.03);           // standard error 0.007
        Assert.InRange(variance, 0.96, 1.04);
        Assert.InRange(withinOneSigma, 0.672, 0.693); // 68.27 %
    }

    [Fact]
    public void RandAndRandn_HaveTheShape_AndWorkWhenEmpty()
    {
        Assert.Equal(new[] { 2, 3, 4 }, Tensor.Randn([2, 3, 4], seed: 0).Shape);
        Assert.Equal(0, Tensor.Rand([0, 3], seed: 0).Size);
        Assert.Equal(0, Tensor.Rand([], seed: 0).Rank);
    }
}
