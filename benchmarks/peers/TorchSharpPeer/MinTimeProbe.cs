using TinyTorch.Catalog;
using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// A quick forward comparison for a busy machine: our span kernel and TorchSharp's call, each repeated for many rounds,
/// each side's fastest round kept. Other processes only ever slow a call down, so the minimum of many
/// rounds estimates each side's uncontended speed where BenchmarkDotNet's medians measure the contention.
/// Not a substitute for the BenchmarkDotNet tables (no warm-up statistics, no memory diagnoser): a probe while tuning.
/// </summary>
/// <remarks>
/// dotnet run -c Release -- --min [rounds]            forward: our span kernel / TorchSharp's functional call / the
///                                                    TensorPrimitives composition, where FamilyVsTensorPrimitives has one
/// dotnet run -c Release -- --min-backward [rounds]   backward: our kernel / torch.autograd.grad over a retained graph
/// (PEER_KEYS, PEER_SIZES and PEER_THREADS select the cases; "softmax-dim0" is softmax over dim 0 of a (128, n/128)
/// tensor, the column kernels; glu, swiglu, geglu and reglu are the gated units' row kernels over rows of 1 024.)
/// </remarks>
internal static class MinTimeProbe
{
    public static void Run(int rounds, bool backward)
    {
        string[] keys = Environment.GetEnvironmentVariable("PEER_KEYS")?.Split(',') ?? ["silu", "softplus", "logsigmoid"];
        int[] threads = Environment.GetEnvironmentVariable("PEER_THREADS")?.Split(',').Select(int.Parse).ToArray() ?? [1];
        Console.WriteLine($"{"activation",-12} {"N",9} {"threads",7} {"ours ns/el",11} {"torch ns/el",12} {"ours/torch",11}"
            + (backward ? "" : $" {"TP ns/el",9} {"ours/TP",8}"));
        foreach (int t in threads)
        {
            KernelOptions.MaxDegreeOfParallelism = t;
            torch.set_num_threads(t);
            foreach (string key in keys)
            {
                foreach (int n in PeerBenchmark.Sizes)
                {
                    if (backward)
                    {
                        (double ours, double peer) = MeasureBackward(key, n, rounds);
                        Console.WriteLine($"{key,-12} {n,9} {t,7} {ours,11:F3} {peer,12:F3} {ours / peer,11:F2}");
                        continue;
                    }

                    double[] best = Measure(key, n, rounds);
                    string composed = best.Length > 2 ? $" {best[2],9:F3} {best[0] / best[2],8:F2}" : "";
                    Console.WriteLine($"{key,-12} {n,9} {t,7} {best[0],11:F3} {best[1],12:F3} {best[0] / best[1],11:F2}{composed}");
                }
            }
        }
    }

    /// <summary>Ours, TorchSharp's and, where there is one, the TensorPrimitives composition's fastest ns per element
    /// (the composition runs on one thread whatever PEER_THREADS says: TensorPrimitives does not spread work).</summary>
    private static double[] Measure(string key, int n, int rounds)
    {
        if (key == SoftmaxColumnsKey)
        {
            (double mine, double theirs) = MeasureSoftmaxColumns(n, rounds);
            return [mine, theirs];
        }

        if (key == ReLUInPlaceKey)
        {
            return MeasureReLUInPlace(n, rounds);
        }

        if (key is "glu" or "swiglu" or "geglu" or "reglu")
        {
            (double mine, double theirs) = MeasureGate(key, n, rounds);
            return [mine, theirs];
        }

        ActivationVariant ours = Variant(key);
        Func<Tensor, Tensor> peer = FamilyVsTorchSharp.Torch[key];
        float[] x = Inputs(n, 8, 20_240_402);
        float[] y = new float[n];
        using Tensor input = torch.tensor(x);
        List<Action> sides =
        [
            () => ours.Forward!(x, y),
            () =>
            {
                using Tensor result = peer(input);
            },
        ];
        if (FamilyVsTensorPrimitives.Compositions.TryGetValue(key, out Action<float[], float[], float[]>? composed))
        {
            float[] scratch = new float[n];
            sides.Add(() => composed(x, y, scratch));
        }

        return PeerTiming.FastestPerElement(n, rounds, warmUp: true, [.. sides]);
    }

    private static (double Ours, double Peer) MeasureBackward(string key, int n, int rounds)
    {
        ActivationVariant ours = Variant(key);
        float[] x = Inputs(n, 8, 20_240_402), g = Inputs(n, 1, 7), dx = new float[n];
        float[] saved = x;
        if (ours.Saves == SavedForBackward.Output)
        {
            saved = new float[n];
            ours.Forward!(x, saved);
        }

        using Tensor input = torch.tensor(x).requires_grad_(true);
        using Tensor output = FamilyVsTorchSharp.Torch[key](input);
        using Tensor gradOutput = torch.tensor(g);
        return Alternate(n, rounds, () => ours.Backward!(g, saved, dx), () =>
        {
            IList<Tensor> grads = torch.autograd.grad([output], key == "prelu" ? [input, FamilyVsTorchSharp.PReLUWeight] : [input], [gradOutput], retain_graph: true);
            foreach (Tensor grad in grads)
            {
                grad.Dispose();
            }
        });
    }

    /// <summary>ReLU written over its input on both sides (ours: the span kernel with x as destination; torch: relu_).</summary>
    private const string ReLUInPlaceKey = "relu-inplace";

    private static double[] MeasureReLUInPlace(int n, int rounds)
    {
        // NOTE: after the first call every value is ≥ 0 and stays so: both sides then rewrite the same values, as a
        // training loop's in-place ReLU over a fresh pre-activation would not; the memory traffic is the same.
        float[] x = Inputs(n, 8, 20_240_402);
        using Tensor input = torch.tensor(x);
        return PeerTiming.FastestPerElement(n, rounds, warmUp: true, () => ActivationKernels.ReLU(x, x), () => input.relu_());
    }

    /// <summary>Softmax over dim 0 of a (128, n/128) tensor: the column kernels (a non-last dim), not a catalog key.</summary>
    private const string SoftmaxColumnsKey = "softmax-dim0";

    private const int ColumnLength = 128;

    private static (double Ours, double Peer) MeasureSoftmaxColumns(int n, int rounds)
    {
        float[] x = Inputs(n, 8, 20_240_402);
        float[] y = new float[n];
        using Tensor input = torch.tensor(x).reshape(ColumnLength, n / ColumnLength);
        return Alternate(n, rounds, () => ActivationKernels.SoftmaxStrided(x, y, ColumnLength, n / ColumnLength), () =>
        {
            using Tensor result = input.softmax(0);
        });
    }

    /// <summary>A gated unit's row kernel over n inputs in rows of 1 024 (n/2 outputs), against GatedVsTorchSharp's TorchSharp form.</summary>
    private static (double Ours, double Peer) MeasureGate(string key, int n, int rounds)
    {
        GatedForm gate = Variant(key).Gate!;
        Func<Tensor, Tensor> peer = GatedVsTorchSharp.Torch(key, -1);
        float[] x = Inputs(n, 8, 20_240_402);
        float[] y = new float[n / 2];
        using Tensor input = torch.tensor(x).reshape(n / 1024, 1024);
        return Alternate(n, rounds, () => gate.Forward(x, y, 1024), () =>
        {
            using Tensor result = peer(input);
        });
    }

    private static ActivationVariant Variant(string key) =>
        ActivationCatalog.FindVariant(key) ?? throw new ArgumentException($"no activation '{key}'");

    private static float[] Inputs(int n, float spread, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(((random.NextDouble() * 2) - 1) * spread))];
    }

    /// <summary>Our side's and TorchSharp's fastest ns per element (<see cref="PeerTiming.FastestPerElement"/>).</summary>
    private static (double Ours, double Peer) Alternate(int n, int rounds, Action ours, Action peer)
    {
        double[] best = PeerTiming.FastestPerElement(n, rounds, warmUp: true, ours, peer);
        return (best[0], best[1]);
    }
}
