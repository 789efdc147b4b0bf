using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class TensorFormatterTests
{
    private static string Show(params float[] values) => new Tensor(values).ToString();

    [Fact]
    public void Matrix_PrintsLikeNumPy_WithAlignedColumnsAndTheShape()
    {
        var t = new Tensor(new float[,] { { -1, 2 }, { 3, -4 } });
        Assert.Equal("Tensor([[-1.  2.]\n        [ 3. -4.]], shape=(2, 2))", t.ToString());
    }

    [Fact]
    public void ZeroD_PrintsTheBareValue()
    {
        Assert.Equal("Tensor(0.5, shape=())", Tensor.Scalar(0.5f).ToString());
        Assert.Equal("Tensor(-0., shape=())", Tensor.Scalar(-0f).ToString());
    }

    [Fact]
    public void Empty_PrintsEmptyBracketsAndTheShape()
    {
        Assert.Equal("Tensor([], shape=(0, 3))", Tensor.Zeros(0, 3).ToString());
        Assert.Equal("Tensor([], shape=(0,))", Tensor.Zeros(0).ToString());
    }

    [Fact]
    public void Fractions_UseShortestDigits_PaddedRightToAlignThePoint()
    {
        Assert.Equal("Tensor([0.5  0.25], shape=(2,))", Show(0.5f, 0.25f));
        Assert.Equal("Tensor([ 1.5 -2. ], shape=(2,))", Show(1.5f, -2f));
    }

    [Fact]
    public void Float32Values_ShowTheirShortestRoundTripDigits()
    {
        Assert.Equal("Tensor([0.1        0.33333334], shape=(2,))", Show(0.1f, 1f / 3));
        Assert.Equal("Tensor([123456.79], shape=(1,))", Show(123456.79f));
    }

    [Fact]
    public void MoreThanEightDecimals_AreRoundedToEight()
    {
        Assert.Equal("Tensor([0.00123457 1.        ], shape=(2,))", Show(0.0012345679f, 1f));
    }

    [Theory]
    [InlineData(1e-5f, 1.5f, "Tensor([1.0e-05 1.5e+00], shape=(2,))")]     // a value below 1e-4
    [InlineData(1e8f, 1f, "Tensor([1.e+08 1.e+00], shape=(2,))")]           // a value at or above 1e8
    [InlineData(2000f, 1f, "Tensor([2.e+03 1.e+00], shape=(2,))")]          // a ratio above 1000
    [InlineData(1000f, 1f, "Tensor([1000.    1.], shape=(2,))")]             // a ratio of exactly 1000
    [InlineData(-1e20f, 1f, "Tensor([-1.e+20  1.e+00], shape=(2,))")]
    [InlineData(1e-30f, 0f, "Tensor([1.e-30 0.e+00], shape=(2,))")]
    [InlineData(1.5e-100f, 0f, "Tensor([0. 0.], shape=(2,))")]               // underflows to 0 as a float
    public void ScientificNotation_WhenNumPyWouldUseIt(float a, float b, string expected)
    {
        Assert.Equal(expected, Show(a, b));
    }

    [Fact]
    public void NonFiniteValues_AreRightAlignedInTheColumnWidth()
    {
        Assert.Equal("Tensor([  1.  nan -inf], shape=(3,))", Show(1f, float.NaN, float.NegativeInfinity));
        Assert.Equal("Tensor([0.25  inf], shape=(2,))", Show(0.25f, float.PositiveInfinity));
        Assert.Equal("Tensor([1.e-05    nan], shape=(2,))", Show(1e-5f, float.NaN));
        Assert.Equal("Tensor([nan inf], shape=(2,))", Show(float.NaN, float.PositiveInfinity));
    }

    [Fact]
    public void ThreeD_SeparatesMatricesWithABlankLine()
    {
        const string expected =
            "Tensor([[[ 0.  1.  2.  3.]\n" +
            "         [ 4.  5.  6.  7.]\n" +
            "         [ 8.  9. 10. 11.]]\n" +
            "\n" +
            "        [[12. 13. 14. 15.]\n" +
            "         [16. 17. 18. 19.]\n" +
            "         [20. 21. 22. 23.]]], shape=(2, 3, 4))";
        Assert.Equal(expected, Tensor.Arange(24).Reshape(2, 3, 4).ToString());
    }

    [Fact]
    public void LongRows_WrapAt75Columns_AndTheShapeMovesToItsOwnLine()
    {
        const string expected =
            "Tensor([ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15.\n" +
            "        16. 17. 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.],\n" +
            "       shape=(30,))";
        string text = Tensor.Arange(30).ToString();
        Assert.Equal(expected, text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 75));
    }

    [Fact]
    public void MoreThan1000Elements_AreSummarizedWithThreeAtEachEdge()
    {
        Assert.Equal(
            "Tensor([   0.    1.    2. ...  998.  999. 1000.], shape=(1001,))",
            Tensor.Arange(1001).ToString());
    }

    [Fact]
    public void Exactly1000Elements_AreAllShown()
    {
        Assert.DoesNotContain("...", Tensor.Arange(1000).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SummarizedMatrix_ElidesRowsAndColumns()
    {
        const string expected =
            "Tensor([[1000. 1001. 1002. ... 1037. 1038. 1039.]\n" +
            "        [1040. 1041. 1042. ... 1077. 1078. 1079.]\n" +
            "        [1080. 1081. 1082. ... 1117. 1118. 1119.]\n" +
            "        ...\n" +
            "        [2080. 2081. 2082. ... 2117. 2118. 2119.]\n" +
            "        [2120. 2121. 2122. ... 2157. 2158. 2159.]\n" +
            "        [2160. 2161. 2162. ... 2197. 2198. 2199.]], shape=(30, 40))";
        Assert.Equal(expected, (Tensor.Arange(1200).Reshape(30, 40) + 1000).ToString());
    }

    [Fact]
    public void Summarized_FormatIsFittedToTheShownElementsOnly()
    {
        // A huge value hidden in the middle must not switch the visible ones to scientific notation.
        Tensor t = Tensor.Ones(2000);
        t[1000] = 1e20f;
        Assert.Equal("Tensor([1. 1. 1. ... 1. 1. 1.], shape=(2000,))", t.ToString());
    }
}
