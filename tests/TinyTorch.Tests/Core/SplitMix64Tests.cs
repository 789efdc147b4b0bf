using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

public class SplitMix64Tests
{
    [Fact]
    public void Next_FromSeedZero_MatchesTheReferenceImplementation()
    {
        // The first outputs of Vigna's splitmix64.c started from state 0.
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
        Assert.Equal(0x06C45D188009454FUL, random.Next());
    }

    [Fact]
    public void NextSingle_IsTheTop24BitsScaled_SoNeverOne()
    {
        var a = new SplitMix64(0);
        var b = new SplitMix64(0);
        Assert.Equal((0xE220A8397B1DCDAFUL >> 40) / 16_777_216f, a.NextSingle());
        Assert.Equal(0xE220A8397B1DCDAFUL >> 11, (ulong)(b.NextDouble() * (1UL << 53)));
    }
}
