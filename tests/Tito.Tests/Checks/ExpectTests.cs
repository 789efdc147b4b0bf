using Tito.Checks;

namespace Tito.Tests.Checks;

public class ExpectTests
{
    [Fact]
    public void Close_AcceptsValuesWithinTolerance_AndMatchingNaN() =>
        Expect.Close([1.0000001f, float.NaN], [1, double.NaN], 1e-6, "hint");

    [Fact]
    public void Close_RejectsNaNWhereANumberBelongs_WithExpectedGotAndHint()
    {
        var e = Assert.Throws<CheckFailedException>(() => Expect.Close([float.NaN], [1], 1e-6, "the hint"));
        Assert.Equal("[NaN]", e.Actual);
        Assert.StartsWith("[1]", e.Expected);
        Assert.Equal("the hint", e.Hint);
    }
}
