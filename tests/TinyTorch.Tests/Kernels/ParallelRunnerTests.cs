using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

[Collection(KernelOptionsCollection.Name)]
public class ParallelRunnerTests
{
    public static TheoryData<int> Lengths => new() { 0, 1, 15, 16, 17, 100, 1_000, 65_537, (1 << 20) + 3 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Chunks_cover_the_range_exactly_once_with_aligned_boundaries(int length)
    {
        for (int chunks = 1; chunks <= 8; chunks++)
        {
            for (int lead = 0; lead < 16; lead++)
            {
                int expectedStart = 0;
                for (int index = 0; index < chunks; index++)
                {
                    (int start, int count) = ParallelRunner.Chunk(length, chunks, index, lead);
                    string where = $"length {length}, {chunks} chunks, lead {lead}, chunk {index}";
                    Assert.True(start == expectedStart, $"{where}: starts at {start}, expected {expectedStart}");
                    Assert.True(count >= 0, $"{where}: count {count}");
                    if (index > 0 && start < length)
                    {
                        Assert.True((start - lead) % 16 == 0, $"{where}: start {start} is not lead + 16k");
                    }

                    expectedStart = start + count;
                }

                Assert.Equal(length, expectedStart);
            }
        }
    }

    [Fact]
    public void The_lead_is_the_distance_to_the_next_cache_line()
    {
        float[] buffer = GC.AllocateArray<float>(64, pinned: true);
        nint start = Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0);
        for (int offset = 0; offset < 32; offset++)
        {
            nuint address = (nuint)start + (nuint)(offset * sizeof(float));
            int lead = ParallelRunner.LeadOf(address);
            Assert.InRange(lead, 0, 15);
            Assert.Equal(0u, (address + (nuint)(lead * sizeof(float))) % 64);
        }
    }

    [Fact]
    public void ForRanges_covers_every_item_once_and_the_calling_thread_takes_the_first_range()
    {
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            KernelOptions.MaxDegreeOfParallelism = 4;
            const int items = 1_003;
            int[] visits = new int[items];
            var ranges = new ConcurrentBag<(int Start, int End, int Thread)>();
            ParallelRunner.ForRanges(items, ParallelRunner.MinElementsPerThread, (start, end) =>
            {
                ranges.Add((start, end, Environment.CurrentManagedThreadId));
                for (int i = start; i < end; i++)
                {
                    Interlocked.Increment(ref visits[i]);
                }
            });

            Assert.All(visits, v => Assert.Equal(1, v));
            Assert.Equal(4, ranges.Count);
            Assert.Contains(ranges, r => r.Start == 0 && r.Thread == Environment.CurrentManagedThreadId);
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }

    [Fact]
    public void An_exception_in_any_chunk_reaches_the_caller_after_every_chunk_ran()
    {
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            KernelOptions.MaxDegreeOfParallelism = 3;
            int ran = 0;
            var error = Assert.Throws<InvalidOperationException>(() =>
                ParallelRunner.ForRanges(3, ParallelRunner.MinElementsPerThread, (start, end) =>
                {
                    Interlocked.Increment(ref ran);
                    if (start == 2)
                    {
                        throw new InvalidOperationException("chunk 2 failed");
                    }
                }));
            Assert.Equal("chunk 2 failed", error.Message);
            Assert.Equal(3, Volatile.Read(ref ran));
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }

    [Fact]
    public void ForRanges_keeps_small_work_on_the_calling_thread_in_one_call()
    {
        var calls = new List<(int, int, int)>();
        ParallelRunner.ForRanges(10, 100, (start, end) => calls.Add((start, end, Environment.CurrentManagedThreadId)));
        Assert.Equal([(0, 10, Environment.CurrentManagedThreadId)], calls);
    }

    [Fact]
    public void Kernel_results_are_bit_identical_for_every_thread_count()
    {
        int before = KernelOptions.MaxDegreeOfParallelism;
        try
        {
            // Long enough for eight threads, and an odd length so the last chunk ends mid-vector.
            int n = (8 * ParallelRunner.MinElementsPerThread) + 13;
            float[] x = Inputs(n, 1), g = Inputs(n, 2);
            float[][] reference = Run(1, x, g);
            foreach (int threads in new[] { 2, 3, 8 })
            {
                float[][] results = Run(threads, x, g);
                for (int k = 0; k < reference.Length; k++)
                {
                    Assert.True(reference[k].AsSpan().SequenceEqual(results[k]), $"output {k} differs with {threads} threads");
                }
            }
        }
        finally
        {
            KernelOptions.MaxDegreeOfParallelism = before;
        }
    }

    private static float[][] Run(int threads, float[] x, float[] g)
    {
        KernelOptions.MaxDegreeOfParallelism = threads;
        int n = x.Length;
        float[] relu = new float[n], sigmoid = new float[n], gelu = new float[n], inPlace = (float[])x.Clone();
        float[] reluGrad = new float[n], sigmoidGrad = new float[n];
        ActivationKernels.ReLU(x, relu);
        ActivationKernels.ReLU(inPlace, inPlace);
        ActivationKernels.Sigmoid(x, sigmoid);
        ActivationKernels.GELU(x, gelu, GeluApproximation.Tanh);
        ActivationKernels.ReLUBackward(g, x, reluGrad);
        ActivationKernels.SigmoidBackward(g, sigmoid, sigmoidGrad);
        return [relu, inPlace, sigmoid, gelu, reluGrad, sigmoidGrad];
    }

    private static float[] Inputs(int n, int seed)
    {
        var random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)((random.NextDouble() * 20) - 10);
        }

        return x;
    }
}
