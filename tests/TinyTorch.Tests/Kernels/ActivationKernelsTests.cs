using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Kernels.Operators;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels;

public class ActivationKernelsTests
{
    private delegate void Forward(ReadOnlySpan<float> x, Span<float> destination);

    private delegate void Backward(ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> destination);

    private static readonly Dictionary<string, (Forward Kernel, Func<double, double> Truth, double Ulps)> Forwards = new()
    {
        ["Sigmoid"] = (ActivationKernels.Sigmoid, Oracle.Sigmoid, 1),
        ["Tanh"] = (ActivationKernels.Tanh, Oracle.Tanh, 1),
        ["GeluSigmoid"] = ((x, d) => ActivationKernels.GELU(x, d, GeluApproximation.Sigmoid), Oracle.GeluSigmoid, 2),
        ["GeluTanh"] = ((x, d) => ActivationKernels.GELU(x, d, GeluApproximation.Tanh), Oracle.GeluTanh, 2),
        ["GeluExact"] = ((x, d) => ActivationKernels.GELU(x, d, GeluApproximation.None), Oracle.GeluExact, 2),
    };

    // Sigmoid and Tanh backward take the forward's output; their truth is the slope at that output.
    private static readonly Dictionary<string, (Backward Kernel, Func<float, float> Saved, Func<double, double, double> Truth)> Backwards = new()
    {
        ["Sigmoid"] = (ActivationKernels.SigmoidBackward, x => (float)Oracle.Sigmoid(x), (y, g) => g * y * (1 - y)),
        ["Tanh"] = (ActivationKernels.TanhBackward, x => (float)Oracle.Tanh(x), (y, g) => g * (1 - y) * (1 + y)),
        ["GeluSigmoid"] = ((x, g, d) => ActivationKernels.GELUBackward(x, g, d, GeluApproximation.Sigmoid), x => x, (x, g) => g * Oracle.GeluSigmoidDerivative(x)),
        ["GeluTanh"] = ((x, g, d) => ActivationKernels.GELUBackward(x, g, d, GeluApproximation.Tanh), x => x, (x, g) => g * Oracle.GeluTanhDerivative(x)),
        ["GeluExact"] = ((x, g, d) => ActivationKernels.GELUBackward(x, g, d, GeluApproximation.None), x => x, (x, g) => g * Oracle.GeluExactDerivative(x)),
    };

    public static TheoryData<string> FunctionNames => [.. Forwards.Keys];

    private static float[] Inputs(int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = i % 17 == 5
                ? OperatorChecks.SpecialValues[random.Next(OperatorChecks.SpecialValues.Length)]
                : (float)((random.NextDouble() - 0.5) * 30);
        }

        return x;
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void ForwardIsWithinTheBoundAtEveryLengthUpTo256(string name)
    {
        (Forward kernel, Func<double, double> truth, double ulps) = Forwards[name];
        for (int n = 0; n <= 256; n++)
        {
            float[] x = Inputs(n, n);
            var y = new float[n + 3];   // longer than needed: only the first n are written
            y.AsSpan(n).Fill(42f);
            kernel(x, y);
            OperatorChecks.AssertWithin(x, y.AsSpan(0, n), truth, ulps);
            Assert.All(y[n..], v => Assert.Equal(42f, v));
        }
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void ForwardInPlaceEqualsOutOfPlace(string name)
    {
        Forward kernel = Forwards[name].Kernel;
        foreach (int n in new[] { 1, 7, 8, 9, 31, 33, 100, 257 })
        {
            float[] x = Inputs(n, 1000 + n);
            var expected = new float[n];
            kernel(x, expected);
            kernel(x, x);
            Assert.True(x.Zip(expected).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"{name}, length {n}");
        }
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void BackwardIsWithinTheBoundAtEveryLengthUpTo256AndInPlace(string name)
    {
        (Backward kernel, Func<float, float> saved, Func<double, double, double> truth) = Backwards[name];
        for (int n = 0; n <= 256; n++)
        {
            float[] a = [.. Inputs(n, 7 * n).Select(saved)];
            float[] g = OperatorChecks.Gradients(n);
            var dx = new float[n];
            kernel(a, g, dx);
            OperatorChecks.AssertBackwardWithin(a, g, dx, truth);

            kernel(a, g, g);    // in place over the incoming gradient
            Assert.True(g.Zip(dx).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"{name}, length {n}, in place");
        }
    }

    // "No allocations in hot loops": a single-threaded call allocates nothing at all (a closure for the threaded
    // path once cost 48 bytes per call even when it ran on one thread).
    [Fact]
    public void ASingleThreadedCallAllocatesNothing()
    {
        float[] x = Inputs(4096, 3), y = new float[4096], g = Inputs(4096, 4);
        ActivationKernels.ReLU(x, y);   // warm up: JIT and type initializers allocate once
        ActivationKernels.ReLUBackward(x, g, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ActivationKernels.ReLU(x, y);
        ActivationKernels.ReLUBackward(x, g, y);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ShortDestinationIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.Tanh(new float[10], new float[9]));
        Assert.Contains("too short", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => ActivationKernels.SigmoidBackward(new float[10], new float[10], new float[4]));
        Assert.Contains("too short", ex.Message);
    }

    [Fact]
    public void PartialOverlapIsRejected()
    {
        var buffer = new float[20];
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.GELU(buffer.AsSpan(0, 10), buffer.AsSpan(1, 10)));
        Assert.Contains("partially overlaps x", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => ActivationKernels.Softmax(buffer.AsSpan(2, 12), buffer.AsSpan(0, 12), 4));
        Assert.Contains("partially overlaps", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => ActivationKernels.TanhBackward(buffer.AsSpan(0, 8), buffer.AsSpan(10, 8), buffer.AsSpan(11, 8)));
        Assert.Contains("partially overlaps gradOutput", ex.Message);
    }

    [Fact]
    public void MismatchedBackwardInputsAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.GELUBackward(new float[8], new float[7], new float[8]));
        Assert.Contains("Length mismatch", ex.Message);
    }

    [Fact]
    public void RowLengthThatDoesNotDivideTheInputIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.Softmax(new float[10], new float[10], 3));
        Assert.Contains("not a whole number of slices", ex.Message);
        Assert.Throws<ArgumentException>(() => ActivationKernels.SoftmaxBackward(new float[10], new float[10], new float[10], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.Softmax(new float[10], new float[10], -1));
    }

    [Fact]
    public void UnknownGeluFormIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.GELU(new float[4], new float[4], (GeluApproximation)99));
}
