using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

public class PythonReprTests
{
    // Python's repr of the same values (what PyTorch's module reprs show).
    [Theory]
    [InlineData(1f, "1.0")]
    [InlineData(-1f, "-1.0")]
    [InlineData(0f, "0.0")]
    [InlineData(-0f, "-0.0")]
    [InlineData(0.5f, "0.5")]
    [InlineData(0.1f, "0.1")]
    [InlineData(20f, "20.0")]
    [InlineData(-2.5f, "-2.5")]
    [InlineData(0.0001f, "0.0001")]
    [InlineData(1e-5f, "1e-05")]
    [InlineData(-1.5e-7f, "-1.5e-07")]
    [InlineData(3e10f, "30000000000.0")]
    [InlineData(123456.7f, "123456.7")]
    [InlineData(1e16f, "1e+16")]
    [InlineData(3.4028235e38f, "3.4028235e+38")]
    [InlineData(float.PositiveInfinity, "inf")]
    [InlineData(float.NegativeInfinity, "-inf")]
    [InlineData(float.NaN, "nan")]
    public void Float_IsPythonsRepr(float value, string expected) => Assert.Equal(expected, PythonRepr.Float(value));
}
