using System.Numerics.Tensors;
using TinyTorch.Core;
using TinyTorch.Kernels;

// NOTE: the one line a user needs to use both namespaces (docs/guide.md): System.Numerics.Tensors has a static class
// Tensor too, so with both usings above `Tensor` alone is ambiguous (CS0104); an alias beats both imports. Tensor<float>
// is not ambiguous, and the static class stays reachable by its full name. This file compiling is the test.
using Tensor = TinyTorch.Core.Tensor;

namespace TinyTorch.Tests.Core;

/// <summary>Conversions to and from System.Numerics.Tensors: views share memory, copies are copies.</summary>
public class TensorNumericsTensorsTests
{
    /// <summary>docs/guide.md §10's example, as written there.</summary>
    [Fact]
    public void TheGuidesExampleRunsAsDocumented()
    {
        float[] buffer = [-1f, 0.5f, 2f, -3f];
        Tensor t = Tensor.FromArray(buffer, 2, 2);          // no copy: t is buffer
        Functional.ReLU(t, t);                              // in place: buffer is now [0, 0.5, 2, 0]
        Assert.Equal([0f, 0.5f, 2f, 0f], buffer);

        Tensor<float> numerics = t.AsNumericsTensor();      // no copy either: the same array behind a Tensor<float>
        ActivationKernels.Sigmoid(numerics, numerics);      // the kernels take TensorSpan<float> too
        Tensor copy = Tensor.CopyOf(numerics);              // CopyOf always copies (any layout, in row-major order)
        Assert.Equal(0.5f, buffer[0]);
        Assert.Equal(buffer, copy.ToArray());
        buffer[0] = 7f;
        Assert.Equal(0.5f, copy[0, 0]);

        Half[] h = [(Half)0.5f, (Half)(-2f)];
        ActivationKernels.GELU(h, h);                       // Half in, Half out, correctly rounded
        Assert.Equal((Half)TinyTorch.Activations.Reference.GELUMath.SigmoidForm(0.5), h[0]);
    }

    [Fact]
    public void AsTensorSpan_SharesMemoryBothWays()
    {
        Tensor t = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        TensorSpan<float> span = t.AsTensorSpan();
        Assert.Equal([2, 3], span.Lengths.ToArray().Select(l => (int)l));
        span[1, 2] = 60f;
        Assert.Equal(60f, t[1, 2]);
        t[0, 0] = 10f;
        Assert.Equal(10f, t.AsReadOnlyTensorSpan()[0, 0]);
    }

    [Fact]
    public void AsNumericsTensor_SharesTheArray()
    {
        float[] buffer = [1f, -2f, 3f, -4f];
        Tensor t = Tensor.FromArray(buffer, 2, 2);
        Tensor<float> numerics = t.AsNumericsTensor();
        Assert.Equal([2, 2], numerics.Lengths.ToArray().Select(l => (int)l));
        numerics[1, 1] = 40f;
        Assert.Equal(40f, buffer[3]);
        Assert.Equal(40f, t[1, 1]);
    }

    [Fact]
    public void CopyOfANumericsTensorCopies()
    {
        Tensor<float> numerics = System.Numerics.Tensors.Tensor.Create([1f, 2f, 3f, 4f, 5f, 6f], [3, 2]);
        Tensor t = Tensor.CopyOf(numerics);
        Assert.Equal([3, 2], t.Shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], t.ToArray());
        numerics[0, 0] = 100f;
        Assert.Equal(1f, t[0, 0]);   // a copy: Tensor<T> does not expose its array
        Assert.Throws<ArgumentNullException>(() => Tensor.CopyOf((Tensor<float>)null!));
    }

    [Fact]
    public void CopyOfAStridedSpanCopiesInRowMajorOrder()
    {
        // A transposed view of [[1, 2, 3], [4, 5, 6]]: lengths [3, 2], strides [1, 3].
        float[] data = [1f, 2f, 3f, 4f, 5f, 6f];
        var transposed = new ReadOnlyTensorSpan<float>(data, [3, 2], [1, 3]);
        Tensor t = Tensor.CopyOf(transposed);
        Assert.Equal([3, 2], t.Shape);
        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], t.ToArray());
    }

    [Fact]
    public void AZeroDimensionalTensorIsAOneElementSpan()
    {
        Tensor scalar = Tensor.Scalar(2.5f);
        Assert.Equal(1, scalar.AsTensorSpan().Rank);
        Assert.Equal(2.5f, scalar.AsReadOnlyTensorSpan()[0]);
    }

    [Fact]
    public void KernelsOverDenseTensorSpansWorkInPlaceOnTheCallersMemory()
    {
        Tensor<float> x = System.Numerics.Tensors.Tensor.Create([-1f, 0f, 2f, -3f, 4f, 0.5f], [2, 3]);
        ActivationKernels.ReLU(x, x);
        Assert.Equal([0f, 0f, 2f, 0f, 4f, 0.5f], x.ToArray());

        float[] values = [0.5f, -1f, 2f, 3f];
        var expected = new float[4];
        ActivationKernels.Sigmoid(values, expected);
        Tensor<float> y = System.Numerics.Tensors.Tensor.Create(new float[4], [4]);
        ActivationKernels.Sigmoid(System.Numerics.Tensors.Tensor.Create(values, [4]), y);
        Assert.Equal(expected, y.ToArray());
    }

    [Fact]
    public void KernelsOverAStridedSpanGatherAndScatter()
    {
        // Tanh of the transposed view, written into another transposed view: element [i, j] is tanh of source [j, i].
        float[] data = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
        var source = new ReadOnlyTensorSpan<float>(data, [3, 2], [1, 3]);
        var output = new float[6];
        var destination = new TensorSpan<float>(output, [3, 2], [1, 3]);
        ActivationKernels.Tanh(source, destination);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(MathF.Tanh(data[i]), output[i], 6);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void SoftmaxWithADimMatchesFunctional(int dim)
    {
        Tensor x = Tensor.Randn([3, 4], seed: 7);
        Tensor expected = Functional.Softmax(x, dim);
        Tensor<float> y = System.Numerics.Tensors.Tensor.Create(new float[12], [3, 4]);
        ActivationKernels.Softmax(x.AsReadOnlyTensorSpan(), y, dim);
        Assert.Equal(expected.ToArray(), y.ToArray());

        Tensor g = Tensor.Randn([3, 4], seed: 8);
        Tensor expectedDx = Functional.SoftmaxBackward(g, expected, dim);
        var dx = new Tensor(new float[12], [3, 4]);
        ActivationKernels.SoftmaxBackward(g.AsReadOnlyTensorSpan(), expected.AsReadOnlyTensorSpan(), dx.AsTensorSpan(), dim);
        Assert.Equal(expectedDx.ToArray(), dx.ToArray());
    }

    [Fact]
    public void ShapeMismatchAndBadDimAreArgumentErrorsNamingTheParameter()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ActivationKernels.GELU(System.Numerics.Tensors.Tensor.Create(new float[6], [2, 3]), System.Numerics.Tensors.Tensor.Create(new float[6], [3, 2])));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains("destination has shape [3, 2] but x has shape [2, 3]", e.Message);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ActivationKernels.Softmax(System.Numerics.Tensors.Tensor.Create(new float[6], [2, 3]), System.Numerics.Tensors.Tensor.Create(new float[6], [2, 3]), 2));
        Assert.Equal("dim", range.ParamName);
        e = Assert.Throws<ArgumentException>(() => ActivationKernels.SigmoidBackward(
            System.Numerics.Tensors.Tensor.Create(new float[6], [6]), System.Numerics.Tensors.Tensor.Create(new float[4], [4]), System.Numerics.Tensors.Tensor.Create(new float[6], [6])));
        Assert.Equal("output", e.ParamName);
    }

    /// <summary>
    /// Each tensor-span overload runs its span twin, so the twin's parameter names must be its own (the exceptions the
    /// span kernel throws name them); Softmax's dim replaces the span form's rowLength.
    /// </summary>
    [Fact]
    public void EveryTensorSpanOverloadHasASpanTwinWithTheSameParameterNames()
    {
        System.Reflection.MethodInfo[] all = typeof(ActivationKernels).GetMethods(
            System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly);
        var overloads = all.Where(m => m.GetParameters() is [{ ParameterType: var t }, ..] && t == typeof(ReadOnlyTensorSpan<float>)).ToArray();
        Assert.True(overloads.Length >= 27, $"only {overloads.Length} tensor-span overloads");
        Assert.All(overloads, m =>
        {
            string[] names = [.. m.GetParameters().Select(p => p.Name!).Select(n => n == "dim" ? "rowLength" : n)];
            Assert.True(
                all.Any(twin => twin.Name == m.Name && twin.GetParameters() is [{ ParameterType: var t }, ..] && t == typeof(ReadOnlySpan<float>)
                    && twin.GetParameters().Select(p => p.Name!).SequenceEqual(names)),
                $"{m.Name}({string.Join(", ", names)}) has no span twin with those names");
        });
    }

    [Fact]
    public void EmptyTensorsPassThrough()
    {
        Tensor<float> empty = System.Numerics.Tensors.Tensor.Create(new float[0], [0, 3]);
        ActivationKernels.Sigmoid(empty, empty);
        ActivationKernels.Softmax(empty, empty, 1);
        Tensor copy = Tensor.CopyOf(empty);
        Assert.Equal([0, 3], copy.Shape);
        Assert.Equal(0, Tensor.Zeros(0, 3).AsTensorSpan().FlattenedLength);
    }

    [Fact]
    public void TheFamilyOverTensorSpansEqualsTheSpanKernels()
    {
        float[] values = [.. Enumerable.Range(0, 24).Select(i => (i - 12) * 0.4f)];
        var expected = new float[24];
        ActivationKernels.Softplus(values, expected, 2f, 10f);
        Tensor<float> y = System.Numerics.Tensors.Tensor.Create(new float[24], [2, 3, 4]);
        ActivationKernels.Softplus(System.Numerics.Tensors.Tensor.Create(values, [2, 3, 4]), y, 2f, 10f);
        Assert.Equal(expected, y.ToArray());
    }
}
