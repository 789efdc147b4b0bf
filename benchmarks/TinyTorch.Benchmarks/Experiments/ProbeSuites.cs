using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Benchmarks.Experiments;

/// <summary>The interleaved experiments behind docs/performance.md: <c>--probe store</c> and <c>--probe threshold</c>.</summary>
internal static unsafe class ProbeSuites
{
    /// <summary>Runs the named suite.</summary>
    /// <param name="name">store, threshold, kernels, softmax, backward, tensor or scoped.</param>
    /// <param name="sizes">Element counts to measure instead of the suite's own.</param>
    public static void Run(string name, int[]? sizes)
    {
        Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, accelerated: Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}");
        switch (name)
        {
            case "store": Store(sizes ?? [262_144, 4_194_304, 8_388_608, 16_777_216]); break;
            case "threshold": Threshold(sizes ?? [16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 1_024_000]); break;
            case "kernels": Kernels(sizes ?? [4_096, 262_144, 4_194_304, 16_777_216]); break;
            case "softmax": Softmax(); break;
            case "backward": Backward(sizes ?? [4_096, 262_144, 16_777_216]); break;
            case "tensor": TensorProbe.Run(sizes ?? [262_144, 4_194_304, 16_777_216]); break;
            case "scoped": ScopedTensorProbe.Run(sizes ?? [4_096, 262_144, 4_194_304, 16_777_216]); break;
            default: throw new ArgumentException($"Unknown probe suite '{name}'; expected store, threshold, kernels, softmax, backward, tensor or scoped.", nameof(name));
        }
    }

    private static void Store(int[] sizes)
    {
        foreach (int n in sizes)
        {
            float[] x = Pinned(n), y = Pinned(n), z = Pinned(n);
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)((Random.Shared.NextDouble() * 16) - 8);   // finite values in the functions' interesting range
            }

            float* px = Address(x), py = Address(y), pz = Address(z);
            foreach (int threads in new[] { 1, 2 })
            {
                KernelOptions.MaxDegreeOfParallelism = threads;
                Probe.Compare($"store strategy, {n:N0} floats, {threads} thread(s)", n,
                [
                    ("ReLU regular 4x", () => Go<ReLUFunction>(px, py, n, threads, false, 4)),
                    ("ReLU regular 2x", () => Go<ReLUFunction>(px, py, n, threads, false, 2)),
                    ("ReLU streaming", () => Go<ReLUFunction>(px, py, n, threads, true, 4)),
                    ("ReLU in place regular", () => Go<ReLUFunction>(pz, pz, n, threads, false, 4)),
                    ("ReLU in place streaming", () => Go<ReLUFunction>(pz, pz, n, threads, true, 4)),
                    ("copy regular", () => Go<CopyFunction>(px, py, n, threads, false, 4)),
                    ("copy streaming", () => Go<CopyFunction>(px, py, n, threads, true, 4)),
                    ("copy Span.CopyTo", () => Split.Run(n, threads, (s, c) => x.AsSpan(s, c).CopyTo(y.AsSpan(s, c)))),
                    ("library ReLU", () => ActivationKernels.ReLU(x, y)),
                    ("library ReLU in place", () => ActivationKernels.ReLU(z, z)),
                    ("TensorPrimitives.Max(x, 0)", () => Split.Run(n, threads, (s, c) => TensorPrimitives.Max(x.AsSpan(s, c), 0f, y.AsSpan(s, c)))),
                    ("TensorPrimitives.Max in place", () => Split.Run(n, threads, (s, c) => TensorPrimitives.Max(z.AsSpan(s, c), 0f, z.AsSpan(s, c)))),
                    ("Sigmoid regular", () => Split.Run(n, threads, (s, c) => ElementwiseLoop.Unary<SigmoidOperator>(default(SigmoidOperator), x.AsSpan(s, c), y.AsSpan(s, c), false))),
                    ("Sigmoid streaming", () => Split.Run(n, threads, (s, c) => ElementwiseLoop.Unary<SigmoidOperator>(default(SigmoidOperator), x.AsSpan(s, c), y.AsSpan(s, c), true))),
                    ("GELU exact regular", () => Split.Run(n, threads, (s, c) => ElementwiseLoop.Unary<GeluExactFormOperator>(default(GeluExactFormOperator), x.AsSpan(s, c), y.AsSpan(s, c), false))),
                    ("GELU exact streaming", () => Split.Run(n, threads, (s, c) => ElementwiseLoop.Unary<GeluExactFormOperator>(default(GeluExactFormOperator), x.AsSpan(s, c), y.AsSpan(s, c), true))),
                    ("library Sigmoid", () => ActivationKernels.Sigmoid(x, y)),
                ], rounds: n > 1_000_000 ? 15 : 41);
            }
        }
    }

    private static void Threshold(int[] sizes)
    {
        KernelOptions.MaxDegreeOfParallelism = 1;
        foreach (int n in sizes)
        {
            float[] x = new float[n], y = new float[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)((Random.Shared.NextDouble() * 16) - 8);
            }

            Probe.Compare($"splitting, {n:N0} floats", n,
            [
                ("ReLU 1 thread", () => ActivationKernels.ReLU(x, y)),
                ("ReLU 2 threads, Parallel.For", () => ParallelFor(x, y, static (a, b) => ActivationKernels.ReLU(a, b))),
                ("ReLU 2 threads, task + caller", () => TaskAndCaller(x, y, static (a, b) => ActivationKernels.ReLU(a, b))),
                ("ReLU library, cap 2 (ParallelRunner)", () => WithCap(2, () => ActivationKernels.ReLU(x, y))),
                ("Sigmoid 1 thread", () => ActivationKernels.Sigmoid(x, y)),
                ("Sigmoid 2 threads, task + caller", () => TaskAndCaller(x, y, static (a, b) => ActivationKernels.Sigmoid(a, b))),
                ("Softmax rows of 1000, 1 thread", () => ActivationKernels.Softmax(x, y, 1000)),
                ("Softmax rows of 1000, 2 threads, task + caller", () => TaskAndCaller(x, y, static (a, b) => ActivationKernels.Softmax(a, b, 1000))),
                ("TP.Sigmoid 1 thread", () => TensorPrimitives.Sigmoid(x, y)),
                ("TP.Sigmoid 2 threads, Parallel.For", () => ParallelFor(x, y, static (a, b) => TensorPrimitives.Sigmoid(a, b))),
                ("TP.Sigmoid 2 threads, task + caller", () => TaskAndCaller(x, y, static (a, b) => TensorPrimitives.Sigmoid(a, b))),
            ]);
        }
    }

    // Every element-wise kernel next to its TensorPrimitives counterpart and a copy, one thread and all threads:
    // the quick A/B check while changing a kernel (BenchmarkDotNet's suite is the record).
    private static void Kernels(int[] sizes)
    {
        foreach (int n in sizes)
        {
            float[] x = new float[n], y = new float[n], t = new float[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)((Random.Shared.NextDouble() * 16) - 8);
            }

            foreach (int threads in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                Probe.Compare($"kernels, {n:N0} floats, {threads} thread(s)", n,
                [
                    ("copy", () => Split.Run(n, threads, (s, c) => x.AsSpan(s, c).CopyTo(y.AsSpan(s, c)))),
                    ("ReLU", () => WithCap(threads, () => ActivationKernels.ReLU(x, y))),
                    ("TP.Max(x, 0)", () => Split.Run(n, threads, (s, c) => TensorPrimitives.Max(x.AsSpan(s, c), 0f, y.AsSpan(s, c)))),
                    ("ReLU in place", () => WithCap(threads, () => ActivationKernels.ReLU(t, t))),
                    ("TP.Max in place", () => Split.Run(n, threads, (s, c) => TensorPrimitives.Max(t.AsSpan(s, c), 0f, t.AsSpan(s, c)))),
                    ("Sigmoid", () => WithCap(threads, () => ActivationKernels.Sigmoid(x, y))),
                    ("TP.Sigmoid", () => Split.Run(n, threads, (s, c) => TensorPrimitives.Sigmoid(x.AsSpan(s, c), y.AsSpan(s, c)))),
                    ("Tanh", () => WithCap(threads, () => ActivationKernels.Tanh(x, y))),
                    ("TP.Tanh", () => Split.Run(n, threads, (s, c) => TensorPrimitives.Tanh(x.AsSpan(s, c), y.AsSpan(s, c)))),
                    ("GELU exact", () => WithCap(threads, () => ActivationKernels.GELU(x, y, GeluApproximation.None))),
                    ("GELU tanh", () => WithCap(threads, () => ActivationKernels.GELU(x, y, GeluApproximation.Tanh))),
                    ("GELU sigmoid", () => WithCap(threads, () => ActivationKernels.GELU(x, y, GeluApproximation.Sigmoid))),
                    ("TP GELU sigmoid (x·σ(1.702x))", () => Split.Run(n, threads, (s, c) =>
                    {
                        TensorPrimitives.Multiply(x.AsSpan(s, c), 1.702f, t.AsSpan(s, c));
                        TensorPrimitives.Sigmoid(t.AsSpan(s, c), t.AsSpan(s, c));
                        TensorPrimitives.Multiply(x.AsSpan(s, c), t.AsSpan(s, c), y.AsSpan(s, c));
                    })),
                ]);
            }
        }
    }

    // The element-wise backward kernels, one thread and all threads, next to a copy.
    private static void Backward(int[] sizes)
    {
        foreach (int n in sizes)
        {
            float[] x = new float[n], g = new float[n], y = new float[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)((Random.Shared.NextDouble() * 16) - 8);
                g[i] = (float)(Random.Shared.NextDouble() - 0.5);
            }

            foreach (int threads in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                Probe.Compare($"backward, {n:N0} floats, {threads} thread(s)", n,
                [
                    ("copy", () => Split.Run(n, threads, (s, c) => x.AsSpan(s, c).CopyTo(y.AsSpan(s, c)))),
                    ("Sigmoid backward", () => WithCap(threads, () => ActivationKernels.SigmoidBackward(g, x, y))),
                    ("GELU exact backward", () => WithCap(threads, () => ActivationKernels.GELUBackward(g, x, y, GeluApproximation.None))),
                    ("GELU tanh backward", () => WithCap(threads, () => ActivationKernels.GELUBackward(g, x, y, GeluApproximation.Tanh))),
                    ("GELU sigmoid backward", () => WithCap(threads, () => ActivationKernels.GELUBackward(g, x, y, GeluApproximation.Sigmoid))),
                ]);
            }
        }
    }

    // The softmax shapes of issue 4 next to TensorPrimitives.SoftMax per row (which overflows past x ≈ 88.7, so the
    // inputs stay in ±8 here) and a copy.
    private static void Softmax()
    {
        foreach ((int rows, int columns, bool lastDim) in new[] { (32, 1000, true), (4096, 1024, true), (16384, 1024, true), (256, 65536, true), (1024, 4096, false) })
        {
            int n = rows * columns;
            float[] x = new float[n], y = new float[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)((Random.Shared.NextDouble() * 16) - 8);
            }

            foreach (int threads in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                Probe.Compare($"softmax {rows}×{columns} over dim {(lastDim ? 1 : 0)}, {threads} thread(s)", n,
                [
                    ("copy", () => Split.Run(n, threads, (s, c) => x.AsSpan(s, c).CopyTo(y.AsSpan(s, c)))),
                    ("Softmax", () => WithCap(threads, () =>
                    {
                        if (lastDim)
                        {
                            ActivationKernels.Softmax(x, y, columns);
                        }
                        else
                        {
                            ActivationKernels.SoftmaxStrided(x, y, rows, columns);
                        }
                    })),
                    ("TP.SoftMax per row", () => Split.Run(rows, (long)columns * ParallelRunner.SoftmaxElementWeight, 1, threads, (s, c) =>
                    {
                        for (int r = s; r < s + c; r++)
                        {
                            TensorPrimitives.SoftMax(x.AsSpan(r * columns, columns), y.AsSpan(r * columns, columns));
                        }
                    })),
                ]);
            }
        }
    }

    private static void Go<TF>(float* x, float* y, int n, int threads, bool nonTemporal, int unroll)
        where TF : IVectorFunction
    {
        nint xs = (nint)x, ys = (nint)y;
        Split.Run(n, threads, (s, c) => StoreVariants.Run<TF>((float*)xs + s, (float*)ys + s, c, nonTemporal, unroll));
    }

    private static void WithCap(int threads, Action body)
    {
        KernelOptions.MaxDegreeOfParallelism = threads;
        body();
        KernelOptions.MaxDegreeOfParallelism = 1;
    }

    private static void ParallelFor(float[] x, float[] y, Body body)
    {
        int half = x.Length / 2;
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t => body(x.AsSpan(t * half, half), y.AsSpan(t * half, half)));
    }

    private static void TaskAndCaller(float[] x, float[] y, Body body)
    {
        int half = x.Length / 2;
        Task other = Task.Run(() => body(x.AsSpan(half, half), y.AsSpan(half, half)));
        body(x.AsSpan(0, half), y.AsSpan(0, half));
        other.Wait();
    }

    private static float[] Pinned(int n) => GC.AllocateArray<float>(n, pinned: true);

    private static float* Address(float[] array) => (float*)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);

    private delegate void Body(ReadOnlySpan<float> x, Span<float> y);
}
