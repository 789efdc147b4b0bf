using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels;

/// <summary>The gated units' loop: halves along any dim, segments of every length, and the same bits on any thread count.</summary>
[Collection(KernelOptionsCollection.Name)]
public class GateLoopTests
{
    // Lengths around every vector width (a segment shorter than a vector, exactly one, one and a bit) and past the
    // threading threshold (2 threads from 32 768 outputs of a heavy operator).
    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 6)]
    [InlineData(5, 8)]
    [InlineData(7, 34)]
    [InlineData(2, 66)]
    [InlineData(300, 258)]
    [InlineData(64, 2050)]
    public void RowsMatchTheTruthAtEveryLength(int rows, int rowLength)
    {
        float[] x = Random(rows * rowLength, rowLength);
        var y = new float[x.Length / 2];
        ActivationKernels.GLU(x, y, rowLength);
        double[] truth = GatedUnits.Naive("GLU", x, [rows, rowLength], 1);
        for (int i = 0; i < y.Length; i++)
        {
            Assert.True(Ulp.Error(y[i], truth[i]) <= 0.57, $"output {i}: {y[i]:R} vs {truth[i]:R}");
        }
    }

    [Fact]
    public void OneThreadAndTwoGiveTheSameBits()
    {
        int previous = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            float[] x = Random(3 * 40_002, 1);
            float[] g = Random(x.Length / 2, 2);
            var results = new List<(float[] Y, float[] Dx)>();
            foreach (int threads in new[] { 1, 2 })
            {
                KernelOptions.MaxDegreeOfParallelism = threads;
                var y = new float[x.Length / 2];
                var dx = new float[x.Length];
                ActivationKernels.SwiGLUStrided(x, y, 6, 20_001);
                ActivationKernels.SwiGLUStridedBackward(g, x, dx, 6, 20_001);
                results.Add((y, dx));
            }

            Assert.Equal(results[0].Y, results[1].Y);
            Assert.Equal(results[0].Dx, results[1].Dx);
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = previous;
        }
    }

    [Fact]
    public void RowsAreTheStridedCaseWithStrideOne()
    {
        float[] x = Random(12 * 10, 3);
        var rows = new float[60];
        var strided = new float[60];
        ActivationKernels.GeGLU(x, rows, 10);
        ActivationKernels.GeGLUStrided(x, strided, 10, 1);
        Assert.Equal(rows, strided);
    }

    private static float[] Random(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 16) - 8))];
    }
}
