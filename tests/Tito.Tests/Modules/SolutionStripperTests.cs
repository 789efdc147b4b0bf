using Tito.Modules;

namespace Tito.Tests.Modules;

public class SolutionStripperTests
{
    private const string Source = """
        public static class DemoMath
        {
            public static double Forward(double x)
            {
                // BEGIN SOLUTION
                // NOTE: never exponentiate a large positive number.
                double e = Math.Exp(-x);
                return 1.0 / (1.0 + e);
                // END SOLUTION
            }

            public static double Untouched(double x) => x;
        }
        """;

    [Fact]
    public void Strip_ReplacesTheRegionWithAStub_KeepingCommentsAsHints()
    {
        (string text, int regions) = SolutionStripper.Strip(Source);

        Assert.Equal(1, regions);
        Assert.Contains("        // TODO: implement DemoMath.Forward.", text);
        Assert.Contains("        // HINT: never exponentiate a large positive number.", text);
        Assert.Contains("        throw new NotImplementedException(\"TODO: implement DemoMath.Forward\");", text);
        Assert.DoesNotContain("Math.Exp", text);
        Assert.Contains("public static double Untouched(double x) => x;", text);
    }

    [Fact]
    public void Strip_WithoutAnEndMarker_IsAUserError()
    {
        var e = Assert.Throws<UserErrorException>(() => SolutionStripper.Strip("// BEGIN SOLUTION\nreturn 1;\n"));
        Assert.Contains("END SOLUTION", e.Message);
    }
}
