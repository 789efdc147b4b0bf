using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Activations;

public class SquaredReLUTests
{
    // PyTorch 1.13, torch.relu(x) ** 2 and the gradient of its sum (no module ships it; Primer's definition).
    private static readonly float[] X = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, -0f, 0f, -1f, 3f, 0.5f, 1e20f];
    private static readonly float[] TorchY = [float.NaN, 0f, float.PositiveInfinity, 0f, 0f, 0f, 9f, 0.25f, float.PositiveInfinity];
    private static readonly float[] TorchDx = [float.NaN, 0f, float.PositiveInfinity, 0f, 0f, 0f, 6f, 1f, 2.0000000400817547e+20f];

    [Fact]
    public void Forward_GivesPyTorchsBits_AtTheEdges_OverflowingToInfinity() =>
        ElementwiseProbe.AssertBits(X, TorchY, ElementwiseProbe.Forward(new SquaredReLU(), X));

    [Fact]
    public void Backward_IsTwiceTheReLU_AsPyTorch() =>
        ElementwiseProbe.AssertBits(X, TorchDx, ElementwiseProbe.GradientOfSum(new SquaredReLU(), X));

    [Fact]
    public void Backward_IsZeroForNonPositiveInputs_WhateverTheGradient()
    {
        var squared = new SquaredReLU();
        squared.Forward(new Tensor(new[] { -2f, 0f }));
        float[] dx = squared.Backward(new Tensor(new[] { float.PositiveInfinity, float.NaN })).ToArray();
        ElementwiseProbe.AssertBits([-2f, 0f], [0f, 0f], dx);
    }

    [Fact]
    public void TheLargestFiniteResult_SitsJustBelowTheOverflow()
    {
        // √MaxValue ≈ 1.8446743e19: the float below squares to a finite value, the float above to ∞.
        float root = MathF.Sqrt(float.MaxValue);
        float[] y = ElementwiseProbe.Forward(new SquaredReLU(), MathF.BitDecrement(root), MathF.BitIncrement(root));
        Assert.True(float.IsFinite(y[0]));
        Assert.Equal(float.PositiveInfinity, y[1]);
    }

    [Fact]
    public void ToString_IsTheModuleName() => Assert.Equal("SquaredReLU()", new SquaredReLU().ToString());
}
