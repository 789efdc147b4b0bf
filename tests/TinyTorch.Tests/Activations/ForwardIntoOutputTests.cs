using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// Forward(x, output) and Functional.X(x, output): the opt-in overloads that write into a tensor the caller owns.
/// They must give exactly what the allocating forward gives, leave x alone, keep Backward working, and refuse an
/// output of the wrong shape before touching anything.
/// </summary>
public class ForwardIntoOutputTests
{
    public static TheoryData<string> Names => ["ReLU", "Sigmoid", "Tanh", "GELU", "GELU-Tanh", "GELU-None", "Softmax", "Softmax-dim0"];

    /// <summary>The activations whose module accepts x itself as the output (GELU saves its input, so it refuses).</summary>
    public static TheoryData<string> InPlaceNames => ["ReLU", "Sigmoid", "Tanh", "Softmax", "Softmax-dim0"];

    private static IActivation Make(string name) => ActivationModules.Make(name);

    private static Tensor ForwardInto(IActivation activation, Tensor x, Tensor output) => activation switch
    {
        ReLU relu => relu.Forward(x, output),
        Sigmoid sigmoid => sigmoid.Forward(x, output),
        Tanh tanh => tanh.Forward(x, output),
        GELU gelu => gelu.Forward(x, output),
        Softmax softmax => softmax.Forward(x, output),
        _ => throw new ArgumentException(activation.ToString()),
    };

    private static Tensor FunctionalInto(string name, Tensor x, Tensor output) => name switch
    {
        "ReLU" => Functional.ReLU(x, output),
        "Sigmoid" => Functional.Sigmoid(x, output),
        "Tanh" => Functional.Tanh(x, output),
        "GELU" => Functional.GELU(x, output),
        "GELU-Tanh" => Functional.GELU(x, output, GeluApproximation.Tanh),
        "GELU-None" => Functional.GELU(x, output, GeluApproximation.None),
        "Softmax" => Functional.Softmax(x, output),
        "Softmax-dim0" => Functional.Softmax(x, output, 0),
        _ => throw new ArgumentException(name),
    };

    private static Tensor FunctionalFresh(string name, Tensor x) => name switch
    {
        "ReLU" => Functional.ReLU(x),
        "Sigmoid" => Functional.Sigmoid(x),
        "Tanh" => Functional.Tanh(x),
        "GELU" => Functional.GELU(x),
        "GELU-Tanh" => Functional.GELU(x, GeluApproximation.Tanh),
        "GELU-None" => Functional.GELU(x, GeluApproximation.None),
        "Softmax" => Functional.Softmax(x),
        "Softmax-dim0" => Functional.Softmax(x, 0),
        _ => throw new ArgumentException(name),
    };

    // Both signs, zeros of both signs, values past every saturation point, and enough elements (3 × 37) that each
    // vector width runs its main loop and its overlapping remainder.
    private static Tensor Input(int seed = 11)
    {
        var random = new Random(seed);
        float[] data = new float[3 * 37];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 20) - 10);
        }

        data[0] = 0f;
        data[1] = -0f;
        data[2] = 95f;
        data[3] = -95f;
        return new Tensor(data, [3, 37]);
    }

    private static Tensor NaNs(params int[] shape) => Tensor.Full(shape, float.NaN);

    private static int[] Bits(Tensor t) => [.. t.ToArray().Select(BitConverter.SingleToInt32Bits)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardIntoOutput_EqualsForwardBitForBit_ReturnsOutput_AndLeavesInputAlone(string name)
    {
        Tensor x = Input();
        float[] before = x.ToArray();
        Tensor expected = Make(name).Forward(x);

        Tensor output = NaNs(3, 37);   // every element must be overwritten
        Tensor y = ForwardInto(Make(name), x, output);

        Assert.Same(output, y);
        Assert.Equal(Bits(expected), Bits(output));
        Assert.Equal(before, x.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_AfterForwardIntoOutput_EqualsBackwardAfterForward(string name)
    {
        Tensor x = Input();
        Tensor gradient = Input(seed: 12);
        IActivation allocating = Make(name), into = Make(name);
        allocating.Forward(x);
        ForwardInto(into, x, NaNs(3, 37));

        Assert.Equal(Bits(allocating.Backward(gradient)), Bits(into.Backward(gradient)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardIntoOutput_ReusedAcrossCalls_HoldsTheLatestResult_AndBackwardFollowsIt(string name)
    {
        Tensor first = Input(seed: 1), second = Input(seed: 2), gradient = Input(seed: 3);
        IActivation reference = Make(name), into = Make(name);
        Tensor output = NaNs(3, 37);
        ForwardInto(into, first, output);
        ForwardInto(into, second, output);

        Assert.Equal(Bits(reference.Forward(second)), Bits(output));
        Assert.Equal(Bits(reference.Backward(gradient)), Bits(into.Backward(gradient)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardIntoOutput_WithWrongShape_NamesBothShapes_WritesNothing_AndSavesNothing(string name)
    {
        IActivation activation = Make(name);
        Tensor output = NaNs(37, 3);   // the same number of elements, another shape
        var e = Assert.Throws<ArgumentException>(() => ForwardInto(activation, Input(), output));

        Assert.Equal("output", e.ParamName);
        Assert.Contains("(37, 3)", e.Message);
        Assert.Contains("(3, 37)", e.Message);
        Assert.All(output.ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.Throws<InvalidOperationException>(() => activation.Backward(Input()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardIntoOutput_WithNull_ThrowsArgumentNull(string name)
    {
        Assert.Throws<ArgumentNullException>(() => ForwardInto(Make(name), Input(), null!));
        Assert.Throws<ArgumentNullException>(() => ForwardInto(Make(name), null!, NaNs(3, 37)));
        Assert.Throws<ArgumentNullException>(() => FunctionalInto(name, Input(), null!));
        Assert.Throws<ArgumentNullException>(() => FunctionalInto(name, null!, NaNs(3, 37)));
    }

    [Theory]
    [MemberData(nameof(InPlaceNames))]
    public void ForwardIntoItself_EqualsForward_AndBackwardStillWorks(string name)
    {
        Tensor gradient = Input(seed: 12);
        IActivation reference = Make(name), inPlace = Make(name);
        Tensor expected = reference.Forward(Input());

        Tensor x = Input();
        Tensor y = ForwardInto(inPlace, x, x);

        Assert.Same(x, y);
        Assert.Equal(Bits(expected), Bits(x));
        Assert.Equal(Bits(reference.Backward(gradient)), Bits(inPlace.Backward(gradient)));
    }

    [Theory]
    [InlineData(GeluApproximation.Sigmoid)]
    [InlineData(GeluApproximation.Tanh)]
    [InlineData(GeluApproximation.None)]
    public void GeluModule_RefusesItsInputAsOutput_BecauseBackwardNeedsTheInput(GeluApproximation form)
    {
        var gelu = new GELU(form);
        Tensor x = Input();
        float[] before = x.ToArray();

        var e = Assert.Throws<ArgumentException>(() => gelu.Forward(x, x));

        Assert.Equal("output", e.ParamName);
        Assert.Equal(before, x.ToArray());
        Assert.Throws<InvalidOperationException>(() => gelu.Backward(Input()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FunctionalIntoOutput_EqualsFunctional_InPlaceToo(string name)
    {
        Tensor expected = FunctionalFresh(name, Input());

        Tensor output = NaNs(3, 37);
        Assert.Same(output, FunctionalInto(name, Input(), output));
        Assert.Equal(Bits(expected), Bits(output));

        Tensor x = Input();
        Assert.Same(x, FunctionalInto(name, x, x));
        Assert.Equal(Bits(expected), Bits(x));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FunctionalIntoOutput_WithWrongShape_ThrowsNamingOutput(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => FunctionalInto(name, Input(), NaNs(3, 36)));
        Assert.Equal("output", e.ParamName);
    }

    [Fact]
    public void SoftmaxIntoOutput_WithDimOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Softmax(Input(), NaNs(3, 37), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Softmax(-3).Forward(Input(), NaNs(3, 37)));
    }

    [Fact]
    public void ForwardIntoOutput_OfZeroDimAndEmptyTensors_Works()
    {
        Tensor scalar = NaNs();
        Assert.Equal(0.5f, new Sigmoid().Forward(Tensor.Scalar(0f), scalar).Item());
        Assert.Equal(1f, new Softmax().Forward(Tensor.Scalar(3f), scalar).Item());

        var empty = new Tensor(Array.Empty<float>(), [2, 0]);
        Assert.Equal(0, new ReLU().Forward(empty, Tensor.Zeros(2, 0)).Size);
        Assert.Equal(0, new Softmax(0).Forward(empty, Tensor.Zeros(2, 0)).Size);
    }

    [Fact]
    public void ForwardIntoOutput_OnTensorsLargeEnoughToSplitAcrossThreads_EqualsForward()
    {
        // 300 000 elements is past the threshold above which the kernels split the work over threads.
        var random = new Random(5);
        float[] data = new float[300_000];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 16) - 8);
        }

        var x = new Tensor(data, [300, 1000]);
        foreach (string name in new[] { "ReLU", "Sigmoid", "GELU", "Softmax", "Softmax-dim0" })
        {
            Tensor output = NaNs(300, 1000);
            ForwardInto(Make(name), x, output);
            Assert.Equal(Bits(Make(name).Forward(x)), Bits(output));
        }
    }
}
