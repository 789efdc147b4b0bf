using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class ShortestDigitsTests
{
    [Theory]
    [InlineData(123.45f, "12345", 3, "123", "45")]
    [InlineData(0.00012f, "12", -3, "0", "00012")]
    [InlineData(1e-5f, "1", -4, "0", "00001")]
    [InlineData(1.5e20f, "15", 21, "150000000000000000000", "")]
    [InlineData(100f, "1", 3, "100", "")]
    [InlineData(0f, "0", 1, "0", "")]
    [InlineData(-2.5f, "25", 1, "-2", "5")]
    public void Of_SplitsIntoDigitsAndPointPosition(float value, string digits, int point, string integer, string fraction)
    {
        ShortestDigits d = ShortestDigits.Of(value);
        Assert.Equal(digits, d.Digits);
        Assert.Equal(point, d.Point);
        Assert.Equal(integer, d.IntegerPart);
        Assert.Equal(fraction, d.FractionPart);
    }

    [Fact]
    public void Of_MinusZero_KeepsTheSign()
    {
        Assert.Equal("-0", ShortestDigits.Of(-0f).IntegerPart);
    }

    [Fact]
    public void Of_RandomFloats_ReadsBackToTheSameFloat()
    {
        foreach (float x in Tensor.Randn([500], seed: 3).ToArray().Select(v => v * MathF.Pow(10, v * 10)))
        {
            ShortestDigits d = ShortestDigits.Of(x);
            float back = float.Parse($"{(d.Negative ? "-" : "")}0.{d.Digits}e{d.Point}", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(x, back);
        }
    }
}
