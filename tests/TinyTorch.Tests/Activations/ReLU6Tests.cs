using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class ReLU6Tests
{
    // PyTorch 1.13, nn.ReLU6()(x) and the gradient of its sum, on a 64-element tensor (the vectorized path).
    private static readonly float[] X = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, 0f, -1f, 1f, 6f, 7f, 3f];
    private static readonly float[] TorchY = [float.NaN, 0f, 6f, -0f, 0f, 0f, 1f, 6f, 6f, 3f];
    private static readonly float[] TorchDx = [0f, 0f, 0f, 0f, 0f, 0f, 1f, 0f, 0f, 1f];

    [Fact]
    public void Forward_GivesPyTorchsBits_AtTheEdges_IncludingMinusZero() =>
        ElementwiseProbe.AssertBits(X, TorchY, ElementwiseProbe.Forward(new ReLU6(), X));

    [Fact]
    public void Backward_IsZeroAtBothKinks_AndForNaN_AsPyTorch() =>
        ElementwiseProbe.AssertBits(X, TorchDx, ElementwiseProbe.GradientOfSum(new ReLU6(), X));

    [Fact]
    public void IsHardtanhFrom0To6_BitForBit()
    {
        float[] x = [.. Ulp.StridedFloats(1u << 20), -0f, 6f, float.NaN];
        float[] relu6 = new float[x.Length], hardtanh = new float[x.Length];
        ActivationKernels.ReLU6(x, relu6);
        ActivationKernels.Hardtanh(x, hardtanh, 0f, 6f);
        ElementwiseProbe.AssertBits(x, hardtanh, relu6);
    }

    [Fact]
    public void SavesItsOutput_SoItMayRunInPlace()
    {
        var relu6 = new ReLU6();
        var x = new Tensor(new[] { -1f, 0.5f, 6f, 8f });
        Assert.Same(x, relu6.Forward(x, x));
        Assert.Equal(new[] { 0f, 0.5f, 6f, 6f }, x.ToArray());
        Assert.Equal(new[] { 0f, 1f, 0f, 0f }, relu6.Backward(new Tensor(new[] { 1f, 1f, 1f, 1f })).ToArray());
    }

    [Fact]
    public void ToString_IsPyTorchsRepr() => Assert.Equal("ReLU6()", new ReLU6().ToString());
}
