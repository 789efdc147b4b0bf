using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// One module shared by threads: each thread's Backward differentiates that thread's own most recent Forward
/// (the saved state is kept per thread), and a Backward on a thread that ran no Forward says how to fix the call.
/// </summary>
public class ActivationStateTests
{
    private const int Threads = 8;
    private const int PairsPerThread = 2000;

    /// <summary>Every module and every forward overload that saves state for Backward.</summary>
    public static TheoryData<string> Uses =>
    [
        "ReLU", "ReLU-InPlace", "ReLU-Output", "Sigmoid", "Sigmoid-Output", "Tanh", "Tanh-Output",
        "GELU", "GELU-Tanh", "GELU-None", "GELU-Output", "Softmax", "Softmax-dim0", "Softmax-Output", "Softmax-DimPerThread",
    ];

    public static TheoryData<string> Names => ["ReLU", "Sigmoid", "Tanh", "GELU", "GELU-Tanh", "GELU-None", "Softmax", "Softmax-dim0"];

    [Theory]
    [MemberData(nameof(Uses))]
    public void SharedModule_EightThreadsOfForwardBackwardPairs_EveryGradientIsTheThreadsOwn(string use)
    {
        // NOTE: the old single saved field got ~300 of 40 000 Sigmoid gradients wrong this way: another thread's
        // Forward replaced the saved output between this thread's Forward and Backward.
        var module = Module(use);
        int mismatches = 0, errors = 0;
        string? firstProblem = null;
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var random = new Random(1000 + t);
            start.SignalAndWait();
            for (int i = 0; i < PairsPerThread; i++)
            {
                int dim = DimOf(use, t);
                Tensor x = RandomTensor(random, t);
                Tensor g = RandomTensor(random, t);
                Tensor expected = FunctionalGradient(use, x, g, dim);
                try
                {
                    Forward(use, module, x, dim);
                    Tensor dx = module.Backward(g);
                    if (!SameBits(expected, dx))
                    {
                        Interlocked.Increment(ref mismatches);
                        Interlocked.CompareExchange(ref firstProblem, $"thread {t}, pair {i}: a gradient differs", null);
                    }
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstProblem, $"thread {t}, pair {i}: {e.Message}", null);
                }
            }
        })).ToArray();

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.True(
            mismatches == 0 && errors == 0,
            $"{mismatches} wrong gradients and {errors} errors in {Threads * PairsPerThread} pairs; first: {firstProblem}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_AfterAnotherThreadsForward_DifferentiatesThisThreadsForward(string name)
    {
        IActivation module = ActivationModules.Make(name);
        var x = new Tensor([-1.5f, 0.25f, 2f, -3f, 0.5f, 7f], [2, 3]);
        var g = new Tensor([0.5f, -1f, 2f, 3f, -0.25f, 1f], [2, 3]);
        module.Forward(x);

        // Deterministic: the other thread's Forward (other values, other shape) runs to completion in between.
        var other = new Thread(() => module.Forward(new Tensor([4f, -4f, 1f, 1f, -2f, 3f, 0.5f, -0.5f], [2, 4])));
        other.Start();
        other.Join();

        Assert.True(SameBits(FunctionalGradient(name, x, g, DimOf(name, 0)), module.Backward(g)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_OnAThreadThatRanNoForward_ThrowsNamingTheFix(string name)
    {
        IActivation module = ActivationModules.Make(name);
        module.Forward(new Tensor([1f, -2f, 3f], [3]));

        Exception? caught = null;
        var other = new Thread(() => caught = Record.Exception(() => module.Backward(new Tensor([1f, 1f, 1f], [3]))));
        other.Start();
        other.Join();

        var e = Assert.IsType<InvalidOperationException>(caught);
        Assert.Contains("thread that ran no Forward", e.Message);
        Assert.Contains("Call Backward on the thread that ran Forward", e.Message);
        Assert.Contains($"Functional.{name.Split('-')[0]}Backward(gradOutput, ", e.Message);
        Assert.Contains("its own module", e.Message);
    }

    [Fact]
    public void Softmax_ForwardWithADimPerThread_BackwardUsesThatThreadsOutputAndDim()
    {
        var softmax = new Softmax();
        var x = new Tensor([.. Enumerable.Range(0, 24).Select(i => (float)Math.Sin(i))], [2, 3, 4]);
        var g = new Tensor([.. Enumerable.Range(0, 24).Select(i => (float)Math.Cos(i))], [2, 3, 4]);
        softmax.Forward(x, 0);

        // Same shape, other dims: only the saved dim tells the gradients apart.
        var others = new[] { 1, 2, -1 }.Select(dim => new Thread(() => softmax.Forward(x, dim))).ToArray();
        foreach (Thread other in others)
        {
            other.Start();
            other.Join();
        }

        Tensor expected = Functional.SoftmaxBackward(g, Functional.Softmax(x, 0), 0);
        Assert.True(SameBits(expected, softmax.Backward(g)));
    }

    private static IActivation Module(string use) => use switch
    {
        "ReLU-InPlace" or "ReLU-Output" => new ReLU(),
        "Sigmoid-Output" => new Sigmoid(),
        "Tanh-Output" => new Tanh(),
        "GELU-Output" => new GELU(),
        "Softmax-Output" or "Softmax-DimPerThread" => new Softmax(),
        _ => ActivationModules.Make(use),
    };

    /// <summary>The softmax dim a thread uses: each thread its own for Softmax-DimPerThread (−3 … 2 over rank 3).</summary>
    private static int DimOf(string use, int thread) => use switch
    {
        "Softmax-DimPerThread" => (thread % 6) - 3,
        "Softmax-dim0" => 0,
        _ => -1,
    };

    private static void Forward(string use, IActivation module, Tensor x, int dim)
    {
        switch (use)
        {
            case "ReLU-InPlace": ((ReLU)module).ForwardInPlace(x); break;
            case "ReLU-Output": ((ReLU)module).Forward(x, Tensor.ZerosLike(x)); break;
            case "Sigmoid-Output": ((Sigmoid)module).Forward(x, Tensor.ZerosLike(x)); break;
            case "Tanh-Output": ((Tanh)module).Forward(x, Tensor.ZerosLike(x)); break;
            case "GELU-Output": ((GELU)module).Forward(x, Tensor.ZerosLike(x)); break;
            case "Softmax-Output": ((Softmax)module).Forward(x, Tensor.ZerosLike(x)); break;
            case "Softmax-DimPerThread": ((Softmax)module).Forward(x, dim); break;
            default: module.Forward(x); break;
        }
    }

    /// <summary>The gradient the module must return, computed by the functional form alone.</summary>
    private static Tensor FunctionalGradient(string use, Tensor x, Tensor g, int dim) => use.Split('-')[0] switch
    {
        "ReLU" => Functional.ReLUBackward(g, Functional.ReLU(x)),
        "Sigmoid" => Functional.SigmoidBackward(g, Functional.Sigmoid(x)),
        "Tanh" => Functional.TanhBackward(g, Functional.Tanh(x)),
        "GELU" => Functional.GELUBackward(g, x, GeluForm(use)),
        "Softmax" => Functional.SoftmaxBackward(g, Functional.Softmax(x, dim), dim),
        _ => throw new ArgumentException($"Unknown use '{use}'.", nameof(use)),
    };

    private static GeluApproximation GeluForm(string use) => use switch
    {
        "GELU-Tanh" => GeluApproximation.Tanh,
        "GELU-None" => GeluApproximation.None,
        _ => GeluApproximation.Sigmoid,
    };

    /// <summary>A [3, 4, 5] tensor of values in [−4, 4) shifted by the thread's index, so no two threads share inputs.</summary>
    private static Tensor RandomTensor(Random random, int thread) =>
        new([.. Enumerable.Range(0, 60).Select(_ => (float)((random.NextDouble() * 8) - 4 + (thread * 0.125)))], [3, 4, 5]);

    private static bool SameBits(Tensor expected, Tensor actual) =>
        expected.Shape.SequenceEqual(actual.Shape)
        && expected.ToArray().Select(BitConverter.SingleToUInt32Bits).SequenceEqual(actual.ToArray().Select(BitConverter.SingleToUInt32Bits));
}
