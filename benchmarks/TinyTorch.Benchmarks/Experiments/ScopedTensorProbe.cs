using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks.Experiments;

/// <summary>
/// <c>--probe scoped</c>: issue 13's Tensor-level target, interleaved. For each of the five course activations, the
/// span kernel into a preallocated array, the module's <c>Forward(x)</c> inside a dispose scope opened and disposed
/// around every call (the output's storage goes back to the pool and the next call reuses it), and the same
/// <c>Forward(x)</c> without a scope (a fresh array every call, collected by the GC), for contrast.
/// Target: the scoped Forward within 1.25× of the span kernel at every size, 1 and 2 threads.
/// </summary>
internal static class ScopedTensorProbe
{
    /// <summary>Runs the suite.</summary>
    /// <param name="sizes">Element counts (multiples of 1 024: Softmax runs over rows of 1 024).</param>
    public static void Run(int[] sizes)
    {
        foreach (int n in sizes)
        {
            float[] x = new float[n], y = new float[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)((Random.Shared.NextDouble() * 16) - 8);
            }

            var xt = new Tensor(x, [n / 1024, 1024]);
            (string Name, Action<float[], float[]> Span, IActivation Module)[] activations =
            [
                ("ReLU", (a, b) => ActivationKernels.ReLU(a, b), new ReLU()),
                ("Sigmoid", (a, b) => ActivationKernels.Sigmoid(a, b), new Sigmoid()),
                ("Tanh", (a, b) => ActivationKernels.Tanh(a, b), new Tanh()),
                ("GELU", (a, b) => ActivationKernels.GELU(a, b), new GELU()),
                ("Softmax", (a, b) => ActivationKernels.Softmax(a, b, 1024), new Softmax()),
            ];
            // SCOPED_PARTS=1: where the fixed cost per scoped call goes, next to the kernel it wraps.
            if (Environment.GetEnvironmentVariable("SCOPED_PARTS") == "1")
            {
                var relu = new ReLU();
                Probe.Compare($"parts, {n}", n,
                [
                    ("ReLU span", () => ActivationKernels.ReLU(x, y)),
                    ("empty scope", () => Tensor.NewDisposeScope().Dispose()),
                    ("pool Rent + Return", () => TensorStoragePool.Shared.Return(TensorStoragePool.Shared.Rent(n))),
                    ("Borrowing + Dispose", () => Tensor.Borrowing(y, [n]).Dispose()),
                    ("int[] shape copy", () => GC.KeepAlive(new int[] { n / 1024, 1024 }.AsSpan().ToArray())),
                    ("Uninitialized + Dispose", () => Tensor.Uninitialized([n / 1024, 1024]).Dispose()),
                    ("scope + Uninitialized", () => { using var s = Tensor.NewDisposeScope(); Tensor.Uninitialized([n / 1024, 1024]); }),
                    ("Functional.ReLU + Dispose", () => Functional.ReLU(xt).Dispose()),
                    ("relu.Forward + Dispose", () => relu.Forward(xt).Dispose()),
                    ("relu.Forward in scope", () => { using var s = Tensor.NewDisposeScope(); relu.Forward(xt); }),
                ]);
                continue;
            }

            foreach (int threads in new[] { 1, 2 })
            {
                KernelOptions.MaxDegreeOfParallelism = threads;
                foreach (var (name, span, module) in activations)
                {
                    Probe.Compare($"scoped Forward vs span: {name}, {n:N0} floats, {threads} thread(s)", n,
                    [
                        ($"{name} span", () => span(x, y)),
                        ($"{name} Forward in a scope", () =>
                        {
                            using DisposeScope scope = Tensor.NewDisposeScope();
                            module.Forward(xt);
                        }),
                        ($"{name} Forward, no scope", () => module.Forward(xt)),
                    ], rounds: n > 1_000_000 ? 15 : 31);
                }
            }

            KernelOptions.MaxDegreeOfParallelism = Environment.ProcessorCount;
        }
    }
}
