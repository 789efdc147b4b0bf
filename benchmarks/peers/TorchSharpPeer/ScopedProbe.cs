using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Issue 13's targets as fastest-of-N probes (see <see cref="MinTimeProbe"/>: on a busy machine the
/// minimum of many rounds estimates each side's uncontended speed):
/// <c>--min-scoped [rounds]</c>: our Forward(x) in a dispose scope, our span kernel and TorchSharp's allocating call
/// (disposed), for the five course activations; <c>--min-train [rounds]</c>: the training step of
/// <see cref="TrainingStepVsTorchSharp"/>. PEER_SIZES, PEER_KEYS and PEER_THREADS select the cases.
/// </summary>
internal static class ScopedProbe
{
    public static void Forward(int rounds)
    {
        int[] threads = Environment.GetEnvironmentVariable("PEER_THREADS")?.Split(',').Select(int.Parse).ToArray() ?? [1, 2];
        Console.WriteLine($"{"activation",-11} {"N",9} {"thr",3} {"scoped ns/el",12} {"span ns/el",11} {"torch ns/el",12} {"scoped/span",12} {"scoped/torch",13}");
        foreach (int t in threads)
        {
            KernelOptions.MaxDegreeOfParallelism = t;
            torch.set_num_threads(t);
            foreach (string key in ScopedVsTorchSharp.Keys)
            {
                foreach (int n in PeerBenchmark.Sizes)
                {
                    var random = new Random(20_240_402);
                    float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)(((random.NextDouble() * 2) - 1) * 8))];
                    float[] y = new float[n];
                    var (span, peer, module) = ScopedVsTorchSharp.Pair(key);
                    var ours = new TinyTorch.Core.Tensor(x, [n / 1024, 1024]);
                    using Tensor input = torch.tensor(x).reshape(n / 1024, 1024);
                    double[] best = Alternate(n, rounds,
                        () =>
                        {
                            using TinyTorch.Core.DisposeScope scope = TinyTorch.Core.Tensor.NewDisposeScope();
                            module.Forward(ours);
                        },
                        () => span(x, y),
                        () =>
                        {
                            using Tensor result = peer(input);
                        });
                    Console.WriteLine($"{key,-11} {n,9} {t,3} {best[0],12:F3} {best[1],11:F3} {best[2],12:F3} {best[0] / best[1],12:F2} {best[0] / best[2],13:F2}");
                }
            }
        }
    }

    public static void Train(int rounds)
    {
        int[] threads = Environment.GetEnvironmentVariable("PEER_THREADS")?.Split(',').Select(int.Parse).ToArray() ?? [1, 2];
        Console.WriteLine($"{"shape",-10} {"thr",3} {"ours ns/el",11} {"torch ns/el",12} {"ours/torch",11} {"ours ms",8} {"torch ms",9}");
        foreach (int t in threads)
        {
            KernelOptions.MaxDegreeOfParallelism = t;
            torch.set_num_threads(t);
            foreach (int rows in new[] { 32, 256, 1024 })
            {
                using var step = new TrainingStep(rows, 4096);
                int n = step.Elements;
                if (t == threads[0])
                {
                    (double ours, double peer) = step.Check();
                    Console.WriteLine($"  (same step? sum |dL/dx|: ours {ours:G7}, torch {peer:G7})");
                }

                if (Environment.GetEnvironmentVariable("TRAIN_PARTS") == "1")
                {
                    foreach (var (name, call) in step.OurParts())
                    {
                        Console.WriteLine($"  {name,-15} {Alternate(n, rounds, call)[0],8:F3} ns/el");
                    }
                }

                double[] best = Alternate(n, rounds, () => step.Ours(), () => step.Torch());
                Console.WriteLine($"{rows + "x4096",-10} {t,3} {best[0],11:F3} {best[1],12:F3} {best[0] / best[1],11:F2} {best[0] * n / 1e6,8:F2} {best[1] * n / 1e6,9:F2}");
            }
        }
    }

    /// <summary>Each side's fastest ns per element, warmed up first (<see cref="PeerTiming.FastestPerElement"/>).</summary>
    private static double[] Alternate(int n, int rounds, params Action[] sides) =>
        PeerTiming.FastestPerElement(n, rounds, warmUp: true, sides);
}
