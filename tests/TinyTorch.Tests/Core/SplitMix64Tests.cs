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

    [Fact]
    public void After_JumpsToTheSameDrawsASequentialGeneratorMakes()
    {
        var sequential = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.After(0, 0).Next());
        Assert.Equal(0x06C45D188009454FUL, SplitMix64.After(0, 2).Next());
        var stream = new SplitMix64(12345);
        for (ulong i = 0; i < 100; i++)
        {
            Assert.Equal(stream.Next(), SplitMix64.After(12345, i).Next());
        }

        Assert.Equal(sequential.Next(), SplitMix64.After(0, 0).Next());
    }
}
