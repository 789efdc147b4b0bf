using Tito.Stability;
using Tito.Tests.Support;

namespace Tito.Tests.Stability;

public class GatedCaseTests
{
    [Fact]
    public void StabilityCheck_ShowsTheGatedTable_AllGreen()
    {
        TitoRun run = TitoRun.Of("check stability");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Gated units at extreme halves", run.Out);
        Assert.Contains("(Infinity, -Infinity)", run.Out);
        Assert.Contains("GeGLU (exact erf)", run.Out);
        Assert.DoesNotContain("❌", run.Out);
    }

    [Fact]
    public void Pairs_PutThousandsInfinitiesAndNaNInEachHalf()
    {
        Assert.Contains((1000f, -1000f), GatedCase.Pairs);
        Assert.Contains(GatedCase.Pairs, p => float.IsNaN(p.A));
        Assert.Contains(GatedCase.Pairs, p => float.IsNaN(p.B));
        Assert.Contains(GatedCase.Pairs, p => float.IsNegativeInfinity(p.B));
        Assert.Contains(GatedCase.Pairs, p => float.IsPositiveInfinity(p.A));
    }
}
