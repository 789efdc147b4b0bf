using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

[Collection(KernelOptionsCollection.Name)]
public class KernelOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_cap_below_one_is_rejected_and_leaves_the_setting_unchanged(int value)
    {
        int before = KernelOptions.MaxDegreeOfParallelism;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => KernelOptions.MaxDegreeOfParallelism = value);
        Assert.Equal("value", error.ParamName);
        Assert.Equal(before, KernelOptions.MaxDegreeOfParallelism);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void A_cap_of_one_or_more_is_kept(int value)
    {
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            KernelOptions.MaxDegreeOfParallelism = value;
            Assert.Equal(value, KernelOptions.MaxDegreeOfParallelism);
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }

    [Fact]
    public void Heavy_operators_split_from_fewer_elements_than_light_ones()
    {
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            KernelOptions.MaxDegreeOfParallelism = 2;
            long heavyEnough = 2L * ParallelRunner.MinElementsPerThread / ParallelRunner.HeavyElementWeight;
            Assert.Equal(2, ParallelRunner.ThreadsFor(ParallelRunner.Work(heavyEnough, light: false)));
            Assert.Equal(1, ParallelRunner.ThreadsFor(ParallelRunner.Work(heavyEnough - 1, light: false)));
            Assert.Equal(1, ParallelRunner.ThreadsFor(ParallelRunner.Work(heavyEnough, light: true)));
            Assert.Equal(2, ParallelRunner.ThreadsFor(ParallelRunner.Work(2L * ParallelRunner.MinElementsPerThread, light: true)));
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }

    [Fact]
    public void The_cap_limits_how_many_threads_a_call_uses()
    {
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            long huge = 64L * ParallelRunner.MinElementsPerThread;
            KernelOptions.MaxDegreeOfParallelism = 1;
            Assert.Equal(1, ParallelRunner.ThreadsFor(huge));
            KernelOptions.MaxDegreeOfParallelism = 5;
            Assert.Equal(5, ParallelRunner.ThreadsFor(huge));
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }
}
