using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

/// <summary>What every activation promises, whatever its formula: errors, shapes, inputs, no parameters.</summary>
public class ActivationContractTests
{
    public static TheoryData<string> Names => ["ReLU", "Sigmoid", "Tanh", "GELU", "GELU-Tanh", "GELU-None", "Softmax"];

    private static IActivation Make(string name) => ActivationModules.Make(name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_OfNull_ThrowsArgumentNull(string name) =>
        Assert.Throws<ArgumentNullException>(() => Make(name).Forward(null!));

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_BeforeForward_ThrowsInvalidOperation(string name)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Make(name).Backward(Tensor.Scalar(1f)));
        Assert.Contains("before Forward", e.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_WithWrongShape_NamesBothShapes(string name)
    {
        IActivation activation = Make(name);
        activation.Forward(new Tensor(new float[6], [2, 3]));
        var e = Assert.Throws<ArgumentException>(() => activation.Backward(new Tensor(new float[6], [3, 2])));
        Assert.Contains("(3, 2)", e.Message);
        Assert.Contains("(2, 3)", e.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_OfNull_ThrowsArgumentNull(string name)
    {
        IActivation activation = Make(name);
        activation.Forward(Tensor.Scalar(1f));
        Assert.Throws<ArgumentNullException>(() => activation.Backward(null!));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_KeepsShape_ReturnsNewTensor_AndLeavesInputAlone(string name)
    {
        float[] data = [-1.5f, 0.25f, 2f, -3f, 0f, 7f];
        var x = new Tensor(data, [2, 1, 3]);
        Tensor y = Make(name).Forward(x);
        Assert.NotSame(x, y);
        Assert.Equal(new[] { 2, 1, 3 }, y.Shape);
        Assert.Equal(data, x.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_OfEmptyTensor_IsEmptyWithTheSameShape(string name)
    {
        foreach (int[] shape in new[] { new[] { 0 }, new[] { 2, 0 }, new[] { 0, 3 }, new[] { 2, 0, 3 } })
        {
            IActivation activation = Make(name);
            Tensor y = activation.Forward(new Tensor(Array.Empty<float>(), shape));
            Assert.Equal(shape, y.Shape);
            Assert.Equal(0, y.Size);
            Assert.Equal(0, activation.Backward(new Tensor(Array.Empty<float>(), shape)).Size);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_Of0d_Is0d(string name)
    {
        Tensor y = Make(name).Forward(Tensor.Scalar(0.5f));
        Assert.Equal(0, y.Rank);
        Assert.Equal(1, y.Size);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Parameters_AreEmpty(string name) => Assert.Empty(Make(name).Parameters());

    [Fact]
    public void DoubleAndIntegerInputs_BecomeFloat32Outputs()
    {
        Tensor fromDouble = new Sigmoid().Forward(new Tensor(new[] { 0.0, 1.0 }));
        Assert.Equal(new[] { 0.5f, (float)(1 / (1 + Math.Exp(-1))) }, fromDouble.ToArray());
        Tensor fromInt = new ReLU().Forward(new Tensor(new[,] { { -2, 3 } }));
        Assert.Equal(new[] { 1, 2 }, fromInt.Shape);
        Assert.Equal(new[] { 0f, 3f }, fromInt.ToArray());
        Tensor fromLong = new Tanh().Forward(new Tensor(new long[] { 0 }));
        Assert.Equal(0f, fromLong.ToArray()[0]);
    }

    [Fact]
    public void ModuleNames_ReadLikePyTorch()
    {
        Assert.Equal("ReLU()", new ReLU().ToString());
        Assert.Equal("Softmax(dim=-1)", new Softmax().ToString());
        Assert.Equal("GELU(approximate=Sigmoid)", new GELU().ToString());
    }
}
