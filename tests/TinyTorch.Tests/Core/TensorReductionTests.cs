using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class TensorReductionTests
{
    // 2 × 3 × 4 of 0…23: easy to sum by hand along any axis.
    private static Tensor Cube() => Tensor.Arange(24).Reshape(2, 3, 4);

    [Fact]
    public void Sum_OfAllElements_IsZeroD()
    {
        Tensor s = Cube().Sum();
        Assert.Equal(0, s.Rank);
        Assert.Equal(276f, s.Item());
    }

    [Fact]
    public void Sum_OverOneAxis_RemovesIt()
    {
        Tensor s = Cube().Sum(1);
        Assert.Equal(new[] { 2, 4 }, s.Shape);
        Assert.Equal(new float[] { 12, 15, 18, 21, 48, 51, 54, 57 }, s.ToArray());
    }

    [Fact]
    public void Sum_OverOneAxis_WithKeepDims_KeepsItAsOne()
    {
        Tensor s = Cube().Sum(1, keepDims: true);
        Assert.Equal(new[] { 2, 1, 4 }, s.Shape);
        Assert.Equal(Cube().Sum(1).ToArray(), s.ToArray());
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(-2, 1)]
    [InlineData(-3, 0)]
    public void Sum_WithNegativeAxis_CountsFromTheEnd(int negative, int positive)
    {
        Assert.Equal(Cube().Sum(positive).ToArray(), Cube().Sum(negative).ToArray());
    }

    [Fact]
    public void Sum_OverEveryAxisInTurn_MatchesANaiveSum()
    {
        Tensor x = Tensor.Randn([3, 4, 5], seed: 1);
        for (int axis = 0; axis < 3; axis++)
        {
            Tensor s = x.Sum(axis);
            foreach (int[] i in Naive.Indices(s.Shape))
            {
                double expected = 0;
                for (int j = 0; j < x.Shape[axis]; j++)
                {
                    expected += x[[.. i[..axis], j, .. i[axis..]]];
                }

                Assert.Equal((float)expected, s[i]);
            }
        }
    }

    [Fact]
    public void Sum_OverSeveralAxes_ReducesThemAll()
    {
        Tensor s = Cube().Sum([0, 2]);
        Assert.Equal(new[] { 3 }, s.Shape);
        Assert.Equal(new float[] { 60, 92, 124 }, s.ToArray());   // rows 0-3 + 12-15, etc.
    }

    [Fact]
    public void Sum_OverSeveralAxes_WithKeepDimsAndNegativeAxes()
    {
        Tensor s = Cube().Sum([-1, 0], keepDims: true);
        Assert.Equal(new[] { 1, 3, 1 }, s.Shape);
        Assert.Equal(new float[] { 60, 92, 124 }, s.ToArray());
    }

    [Fact]
    public void Sum_OverAllAxesListed_EqualsSumOfAll_AndKeepDimsGivesOnes()
    {
        Tensor s = Cube().Sum([0, 1, 2], keepDims: true);
        Assert.Equal(new[] { 1, 1, 1 }, s.Shape);
        Assert.Equal(276f, s.Item());
    }

    [Fact]
    public void Sum_WithNoAxesListed_ReducesNothing_AsNumPy()
    {
        Tensor s = Cube().Sum([]);
        Assert.Equal(Cube().Shape, s.Shape);
        Assert.Equal(Cube().ToArray(), s.ToArray());
    }

    [Fact]
    public void Sum_WithDuplicateAxes_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Cube().Sum([1, -2]));
        Assert.Contains("Axis 1 appears more than once", e.Message);
    }

    [Fact]
    public void Sum_WithAxisOutOfRange_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Cube().Sum(3));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-3, 2], but got 3)", e.Message);
    }

    [Fact]
    public void Sum_AccumulatesInDouble_SoSmallTermsAreNotLost()
    {
        // In float, 2^24 + 1 rounds back to 2^24, so a float running sum would stay at 16777216.
        var x = new Tensor(new float[] { 16_777_216, 1, 1, 1, 1 });
        Assert.Equal(16_777_220f, x.Sum().Item());
        Assert.Equal(16_777_220f, x.Reshape(1, 5).Sum(1).Item());
    }

    [Fact]
    public void Sum_OfEmpty_IsZero()
    {
        Assert.Equal(0f, Tensor.Zeros(0, 3).Sum().Item());
        Assert.Equal(new float[] { 0, 0, 0 }, Tensor.Zeros(0, 3).Sum(0).ToArray());
        Assert.Equal(new[] { 0 }, Tensor.Zeros(0, 3).Sum(1).Shape);
    }

    [Fact]
    public void Sum_OfZeroD_IsItself_WithAxisZeroOrMinusOneAllowed()
    {
        Assert.Equal(3f, Tensor.Scalar(3).Sum().Item());
        Assert.Equal(3f, Tensor.Scalar(3).Sum(0).Item());
        Assert.Equal(0, Tensor.Scalar(3).Sum(-1, keepDims: true).Rank);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Scalar(3).Sum(1));
    }

    [Fact]
    public void Mean_OfAll_AndAlongAxes()
    {
        Assert.Equal(11.5f, Cube().Mean().Item());
        Assert.Equal(new float[] { 1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f }, Cube().Mean(-1).ToArray());
        Assert.Equal(new float[] { 7.5f, 11.5f, 15.5f }, Cube().Mean([0, 2]).ToArray());
        Assert.Equal(new[] { 1, 3, 1 }, Cube().Mean([0, 2], keepDims: true).Shape);
    }

    [Fact]
    public void Mean_OfEmpty_IsNaN()
    {
        Assert.True(float.IsNaN(Tensor.Zeros(0).Mean().Item()));
        Assert.All(Tensor.Zeros(2, 0).Mean(1).ToArray(), x => Assert.True(float.IsNaN(x)));
    }

    [Fact]
    public void Max_OfAll_AndAlongAxes()
    {
        var x = new Tensor(new float[,] { { 1, 5, -2 }, { 7, 0, 3 } });
        Assert.Equal(7f, x.Max().Item());
        Assert.Equal(new float[] { 7, 5, 3 }, x.Max(0).ToArray());
        Assert.Equal(new float[] { 5, 7 }, x.Max(-1).ToArray());
        Assert.Equal(new[] { 2, 1 }, x.Max(1, keepDims: true).Shape);
        Assert.Equal(new float[] { 15, 19, 23 }, Cube().Max([0, 2]).ToArray());
    }

    [Fact]
    public void Max_OfAllNegative_IsTheLargestNegative()
    {
        Assert.Equal(-1f, new Tensor(new float[] { -3, -1, -2 }).Max().Item());
    }

    [Fact]
    public void Max_PropagatesNaN_WhereverItSits()
    {
        var x = new Tensor(new float[,] { { 1, float.NaN, 3 }, { 4, 5, 6 } });
        Assert.True(float.IsNaN(x.Max().Item()));
        float[] rows = x.Max(1).ToArray();
        Assert.True(float.IsNaN(rows[0]));
        Assert.Equal(6f, rows[1]);
        float[] columns = x.Max(0).ToArray();
        Assert.Equal(4f, columns[0]);
        Assert.True(float.IsNaN(columns[1]));
        Assert.True(float.IsNaN(new Tensor(new float[] { float.NaN, 1 }).Max().Item()));   // NaN first, too
    }

    [Fact]
    public void Max_OfEmpty_ThrowsClearly()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(0, 3).Max());
        Assert.Contains("empty", e.Message);
        Assert.Contains("(0, 3)", e.Message);
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(0, 3).Max(0));
    }

    [Fact]
    public void Max_AlongANonEmptyAxisOfAnEmptyTensor_IsEmpty()
    {
        Assert.Equal(new[] { 0 }, Tensor.Zeros(0, 3).Max(1).Shape);
    }

    [Fact]
    public void KeepDims_ResultBroadcastsBackAgainstTheInput()
    {
        Tensor x = Tensor.Randn([3, 4], seed: 2);
        Tensor shifted = x - x.Max(-1, keepDims: true);
        Assert.All(shifted.Max(-1).ToArray(), m => Assert.Equal(0f, m));
    }

    [Fact]
    public void Reductions_NeverChangeTheInput()
    {
        Tensor x = Tensor.Randn([3, 4], seed: 3);
        float[] before = x.ToArray();
        _ = x.Sum();
        _ = x.Mean(0);
        _ = x.Max([0, 1]);
        Assert.Equal(before, x.ToArray());
    }
}
