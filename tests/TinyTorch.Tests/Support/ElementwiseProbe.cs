using TinyTorch.Catalog;
using TinyTorch.Core;

namespace TinyTorch.Tests.Support;

/// <summary>Runs an element-wise module forward and backward over a few values, for the edge-value tests.</summary>
internal static class ElementwiseProbe
{
    /// <summary>The module's forward of each value.</summary>
    public static float[] Forward(IActivation module, params float[] x) => module.Forward(new Tensor(x, [x.Length])).ToArray();

    /// <summary>dL/dx for L = sum(y) (dL/dy = 1 everywhere), as PyTorch's y.sum().backward() gives.</summary>
    public static float[] GradientOfSum(IActivation module, params float[] x)
    {
        module.Forward(new Tensor(x, [x.Length]));
        return module.Backward(new Tensor([.. x.Select(_ => 1f)], [x.Length])).ToArray();
    }

    /// <summary>A forward span kernel at one value.</summary>
    public static float At(ElementwiseKernel kernel, float x)
    {
        float[] y = new float[1];
        kernel([x], y);
        return y[0];
    }

    /// <summary>An input-saving backward span kernel's derivative at one value (dL/dy = 1).</summary>
    public static float SlopeAt(ElementwiseBackwardKernel kernel, float x)
    {
        float[] dx = new float[1];
        kernel([1f], [x], dx);
        return dx[0];
    }

    /// <summary>The same bits (so −0 differs from +0), or both NaN.</summary>
    public static void AssertBits(float expected, float actual, string context = "") =>
        Assert.True(
            (float.IsNaN(expected) && float.IsNaN(actual)) || BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(actual),
            $"{context}expected {expected:R} (0x{BitConverter.SingleToUInt32Bits(expected):X8}), got {actual:R} (0x{BitConverter.SingleToUInt32Bits(actual):X8})");

    /// <summary>Each value checked bit for bit against its expected one.</summary>
    public static void AssertBits(float[] x, float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            AssertBits(expected[i], actual[i], $"at x = {x[i]:R}: ");
        }
    }
}
