using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks.Experiments;

/// <summary>
/// <c>--probe tensor</c>: the Tensor level against the span kernel it calls (issue 4: "Tensor-level Forward,
/// which allocates its output, within 1.3× of the span kernel at 262 144 elements and up"), and where the
/// difference goes: the allocation itself, the collections it triggers, and the page faults of fresh memory.
/// <c>Forward(x, output)</c> is the opt-in overload that writes into a tensor the caller owns.
/// </summary>
internal static unsafe partial class TensorProbe
{
    /// <summary>Runs the suite.</summary>
    /// <param name="sizes">Element counts.</param>
    public static void Run(int[] sizes)
    {
        Console.WriteLine($"GC: server {System.Runtime.GCSettings.IsServerGC}, latency mode {System.Runtime.GCSettings.LatencyMode}");
        foreach (int n in sizes)
        {
            float[] x = new float[n], y = new float[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)((Random.Shared.NextDouble() * 16) - 8);
            }

            var xt = new Tensor(x, [n / 1024, 1024]);
            var relu = new ReLU();
            var sigmoid = new Sigmoid();
            var tanh = new Tanh();
            var gelu = new GELU();
            var geluExact = new GELU(GeluApproximation.None);
            var softmax = new Softmax();
            Tensor output = Tensor.ZerosLike(xt);
            foreach (int threads in new[] { 1, 2 })
            {
                KernelOptions.MaxDegreeOfParallelism = threads;
                string at = $"{n:N0} floats, {threads} thread(s)";
                Probe.Compare($"tensor vs span: ReLU, {at}", n,
                [
                    ("ReLU span", () => ActivationKernels.ReLU(x, y)),
                    ("ReLU Forward", () => relu.Forward(xt)),
                    ("ReLU Forward(x, output)", () => relu.Forward(xt, output)),
                ]);
                Probe.Compare($"tensor vs span: Sigmoid, {at}", n,
                [
                    ("Sigmoid span", () => ActivationKernels.Sigmoid(x, y)),
                    ("Sigmoid Forward", () => sigmoid.Forward(xt)),
                    ("Sigmoid Forward(x, output)", () => sigmoid.Forward(xt, output)),
                ]);
                Probe.Compare($"tensor vs span: Tanh, {at}", n,
                [
                    ("Tanh span", () => ActivationKernels.Tanh(x, y)),
                    ("Tanh Forward", () => tanh.Forward(xt)),
                    ("Tanh Forward(x, output)", () => tanh.Forward(xt, output)),
                ]);
                Probe.Compare($"tensor vs span: GELU (sigmoid form, the default; exact form), {at}", n,
                [
                    ("GELU span", () => ActivationKernels.GELU(x, y)),
                    ("GELU Forward", () => gelu.Forward(xt)),
                    ("GELU Forward(x, output)", () => gelu.Forward(xt, output)),
                    ("GELU exact span", () => ActivationKernels.GELU(x, y, GeluApproximation.None)),
                    ("GELU exact Forward", () => geluExact.Forward(xt)),
                ]);
                Probe.Compare($"tensor vs span: Softmax over rows of 1024, {at}", n,
                [
                    ("Softmax span", () => ActivationKernels.Softmax(x, y, 1024)),
                    ("Softmax Forward", () => softmax.Forward(xt)),
                    ("Softmax Forward(x, output)", () => softmax.Forward(xt, output)),
                ]);

                // What a fresh output costs by itself, next to the cheapest kernel: an uninitialized array with one
                // store per 4 KiB page (the page faults), with a store to every element (faults plus the writes),
                // a zeroed array, and the same on the pinned object heap.
                Probe.Compare($"fresh memory, {at}", n,
                [
                    ("ReLU span", () => ActivationKernels.ReLU(x, y)),
                    ("ReLU Forward", () => relu.Forward(xt)),
                    ("uninitialized array + ReLU span", () => ActivationKernels.ReLU(x, GC.AllocateUninitializedArray<float>(n))),
                    ("uninitialized array, one store per page", () => TouchPages(GC.AllocateUninitializedArray<float>(n))),
                    ("uninitialized array, Fill", () => GC.AllocateUninitializedArray<float>(n).AsSpan().Fill(1f)),
                    ("new float[n] (zeroed)", () => GC.KeepAlive(new float[n])),
                    ("preallocated array, Fill", () => y.AsSpan().Fill(1f)),
                    ("pinned uninitialized array + ReLU span", () => ActivationKernels.ReLU(x, GC.AllocateUninitializedArray<float>(n, pinned: true))),
                    ("fresh pages from the OS (mmap) + ReLU span + munmap", () => FreshPages(n, destination => ActivationKernels.ReLU(x, destination))),
                    ("fresh pages from the OS, one store per page", () => FreshPages(n, destination => destination[^1] = 0f, touchPages: true)),
                ], rounds: n > 1_000_000 ? 21 : 31);

                Console.WriteLine($"#### where the time goes, {at} (mean over the calls)");
                Console.WriteLine("| variant | ns/elem | gen0 / gen1 / gen2 per 100 calls | GC pause ns/elem | minor faults per output page |");
                Console.WriteLine("|---|---:|---:|---:|---:|");
                Account("ReLU span", n, () => ActivationKernels.ReLU(x, y));
                Account("ReLU Forward", n, () => relu.Forward(xt));
                Account("ReLU Forward(x, output)", n, () => relu.Forward(xt, output));
                Account("Sigmoid Forward", n, () => sigmoid.Forward(xt));
                Account("uninitialized array, one store per page", n, () => TouchPages(GC.AllocateUninitializedArray<float>(n)));
                Account("uninitialized array, Fill", n, () => GC.AllocateUninitializedArray<float>(n).AsSpan().Fill(1f));
                Account("pinned uninitialized array + ReLU span", n, () => ActivationKernels.ReLU(x, GC.AllocateUninitializedArray<float>(n, pinned: true)));
                Account("fresh pages from the OS (mmap) + ReLU span + munmap", n, () => FreshPages(n, destination => ActivationKernels.ReLU(x, destination)));
                Console.WriteLine();
            }

            KernelOptions.MaxDegreeOfParallelism = Environment.ProcessorCount;
        }
    }

    // The floor for an output that is not reused memory: an anonymous mapping, new from the kernel, so every 4 KiB
    // page faults (and is zeroed by the kernel) on first touch; unmapped afterwards so the next call starts afresh.
    private static void FreshPages(int n, SpanAction body, bool touchPages = false)
    {
        nuint bytes = (nuint)n * sizeof(float);
        nint address = Map(0, bytes, 3 /* PROT_READ | PROT_WRITE */, 0x22 /* MAP_PRIVATE | MAP_ANONYMOUS */, -1, 0);
        if (address == -1)
        {
            throw new InvalidOperationException($"mmap failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var destination = new Span<float>((void*)address, n);
        if (touchPages)
        {
            for (int i = 0; i < n; i += 1024)
            {
                destination[i] = 1f;
            }
        }

        body(destination);
        _ = Unmap(address, bytes);
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Map(nint address, nuint length, int protection, int flags, int descriptor, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Unmap(nint address, nuint length);

    private delegate void SpanAction(Span<float> destination);

    // One store per 4 KiB page: the cost of making the page resident, without the cost of the data.
    private static void TouchPages(float[] array)
    {
        for (int i = 0; i < array.Length; i += 1024)
        {
            array[i] = 1f;
        }
    }

    // Runs body for about half a second (at least 20 calls) and prints its mean time, the collections and the GC
    // pause it caused, and the page faults of the process per 4 KiB of one output.
    private static void Account(string name, int n, Action body)
    {
        for (int i = 0; i < 10; i++)
        {
            body();
        }

        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        TimeSpan pause = GC.GetTotalPauseDuration();
        long faults = MinorFaults();
        var clock = Stopwatch.StartNew();
        int calls = 0;
        while (calls < 20 || clock.ElapsedMilliseconds < 500)
        {
            body();
            calls++;
        }

        double elapsed = clock.Elapsed.TotalNanoseconds;
        long faulted = MinorFaults() - faults;
        double pauseNs = (GC.GetTotalPauseDuration() - pause).TotalNanoseconds;
        double per100 = 100.0 / calls;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {elapsed / calls / n:0.0000} | {(GC.CollectionCount(0) - g0) * per100:0.0} / {(GC.CollectionCount(1) - g1) * per100:0.0} / {(GC.CollectionCount(2) - g2) * per100:0.0} | {pauseNs / calls / n:0.0000} | {faulted / (double)calls / (n / 1024.0):0.00} |"));
    }

    // Field 10 of /proc/self/stat: minor page faults of the whole process (all threads) so far; -1 where there is no procfs.
    private static long MinorFaults()
    {
        try
        {
            string stat = File.ReadAllText("/proc/self/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], CultureInfo.InvariantCulture);   // fields after "(comm) ": state is index 0, minflt is field 10 overall
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
