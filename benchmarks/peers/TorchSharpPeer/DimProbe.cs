using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Softmax and the along-a-dim family as a fastest-of-N probe (see <see cref="MinTimeProbe"/>: on a busy machine the minimum of many
/// rounds estimates each side's uncontended speed): Softmax, LogSoftmax and the gated units, forward and backward, our span
/// kernels into preallocated buffers against TorchSharp's allocating call (disposed) and libtorch's autograd over a graph
/// built once (the gradient disposed).
/// </summary>
/// <remarks>
/// dotnet run -c Release -- --min-dim [rounds]. Shapes are "AxB" (over the last dim) or "AxBxC@d" (over dim d); a gated
/// unit halves that dim. PEER_KEYS (softmax, logsoftmax, glu, swiglu, geglu, reglu), PEER_SHAPES and PEER_THREADS select the cases;
/// PEER_PASSES=forward or backward runs one pass only.
/// </remarks>
internal static class DimProbe
{
    public static void Run(int rounds)
    {
        string[] keys = Environment.GetEnvironmentVariable("PEER_KEYS")?.Split(',') ?? ["logsoftmax", "glu", "swiglu"];
        string[] shapes = Environment.GetEnvironmentVariable("PEER_SHAPES")?.Split(',') ?? ["32x1000", "256x1000", "1024x1024", "16384x1024", "64x1024x16@1"];
        int[] threads = Environment.GetEnvironmentVariable("PEER_THREADS")?.Split(',').Select(int.Parse).ToArray() ?? [1, 2];
        string[] passes = Environment.GetEnvironmentVariable("PEER_PASSES")?.Split(',') ?? ["forward", "backward"];
        Console.WriteLine($"{"unit",-11} {"shape",-14} {"thr",3} {"pass",-8} {"ours ns/el",11} {"torch ns/el",12} {"ours/torch",11}");
        foreach (int t in threads)
        {
            KernelOptions.MaxDegreeOfParallelism = t;
            torch.set_num_threads(t);
            foreach (string key in keys)
            {
                foreach (string shape in shapes)
                {
                    using var unit = new Case(key, shape);
                    foreach (string pass in passes)
                    {
                        bool backward = pass == "backward";
                        double[] best = PeerTiming.FastestPerElement(unit.Elements, rounds, warmUp: true,
                            backward ? unit.OursBackward : unit.OursForward,
                            backward ? unit.TorchBackward : unit.TorchForward);
                        Console.WriteLine($"{key,-11} {shape,-14} {t,3} {pass,-8} {best[0],11:F3} {best[1],12:F3} {best[0] / best[1],11:F2}");
                    }
                }
            }
        }
    }

    /// <summary>One unit on one shape: the inputs, both sides' calls, and libtorch's graph for its backward.</summary>
    private sealed class Case : IDisposable
    {
        private readonly string _key;
        private readonly int _axis, _stride;
        private readonly float[] _x, _y, _g, _dx;
        private readonly Tensor _t, _tx, _ty, _tg;
        private readonly Func<Tensor, Tensor> _torch;

        public Case(string key, string shape)
        {
            _key = key;
            string[] parts = shape.Split('@');
            long[] size = [.. parts[0].Split('x').Select(long.Parse)];
            int dim = parts.Length > 1 ? int.Parse(parts[1]) : size.Length - 1;
            _axis = (int)size[dim];
            _stride = (int)size.Skip(dim + 1).Aggregate(1L, (a, b) => a * b);
            Elements = (int)size.Aggregate(1L, (a, b) => a * b);
            bool gated = key is not ("logsoftmax" or "softmax");
            int outputs = gated ? Elements / 2 : Elements;
            var random = new Random(20_261_206);
            _x = [.. Enumerable.Range(0, Elements).Select(_ => (float)((random.NextDouble() * 16) - 8))];
            _g = [.. Enumerable.Range(0, outputs).Select(_ => (float)((random.NextDouble() * 2) - 1))];
            _y = new float[outputs];
            _dx = new float[Elements];
            _torch = gated ? GatedVsTorchSharp.Torch(key, dim)
                : key == "softmax" ? t => nn.functional.softmax(t, dim) : t => nn.functional.log_softmax(t, dim);
            long[] halved = [.. size];
            if (gated)
            {
                halved[dim] /= 2;
            }

            _t = torch.tensor(_x).reshape(size);
            _tx = torch.tensor(_x).reshape(size).requires_grad_(true);
            _ty = _torch(_tx);
            _tg = torch.tensor(_g).reshape(halved);
            OursForward();
        }

        /// <summary>The input's element count (the probe's per-element unit).</summary>
        public int Elements { get; }

        public void OursForward()
        {
            switch (_key)
            {
                case "softmax": ActivationKernels.SoftmaxStrided(_x, _y, _axis, _stride); break;
                case "logsoftmax": ActivationKernels.LogSoftmaxStrided(_x, _y, _axis, _stride); break;
                case "glu": ActivationKernels.GLUStrided(_x, _y, _axis, _stride); break;
                case "swiglu": ActivationKernels.SwiGLUStrided(_x, _y, _axis, _stride); break;
                case "geglu": ActivationKernels.GeGLUStrided(_x, _y, _axis, _stride); break;
                default: ActivationKernels.ReGLUStrided(_x, _y, _axis, _stride); break;
            }
        }

        public void OursBackward()
        {
            switch (_key)
            {
                case "softmax": ActivationKernels.SoftmaxStridedBackward(_g, _y, _dx, _axis, _stride); break;
                case "logsoftmax": ActivationKernels.LogSoftmaxStridedBackward(_g, _y, _dx, _axis, _stride); break;
                case "glu": ActivationKernels.GLUStridedBackward(_g, _x, _dx, _axis, _stride); break;
                case "swiglu": ActivationKernels.SwiGLUStridedBackward(_g, _x, _dx, _axis, _stride); break;
                case "geglu": ActivationKernels.GeGLUStridedBackward(_g, _x, _dx, _axis, _stride); break;
                default: ActivationKernels.ReGLUStridedBackward(_g, _x, _dx, _axis, _stride); break;
            }
        }

        public void TorchForward()
        {
            using Tensor result = _torch(_t);
        }

        public void TorchBackward()
        {
            IList<Tensor> grads = torch.autograd.grad([_ty], [_tx], [_tg], retain_graph: true);
            grads[0].Dispose();
        }

        public void Dispose()
        {
            _t.Dispose();
            _ty.Dispose();
            _tx.Dispose();
            _tg.Dispose();
        }
    }
}
