using TinyTorch.Core;

namespace TinyTorch.Tests.Support;

/// <summary>
/// One input and upstream gradient for the gated units' PyTorch 1.13 pins: x of shape (2, 6), halved along dim −1
/// (g of shape (2, 3)) and along dim 0 (g of shape (1, 6)); the values each test pins were printed by PyTorch 1.13.1
/// from these tensors (F.glu, and a * F.silu(b), a * F.gelu(b, approximate=...), a * F.relu(b) with a, b = x.chunk(2, dim)).
/// </summary>
public static class PyTorchPins
{
    /// <summary>The input.</summary>
    public static Tensor X => new(new[] { 0.5f, -1.25f, 2.0f, -3.0f, 7.5f, -0.1f, 1.5f, 0.25f, -0.75f, 4.0f, -2.5f, 0.3f }, [2, 6]);

    /// <summary>dL/dy along dim −1.</summary>
    public static Tensor GradLast => new(new[] { 1.0f, -2.0f, 0.5f, 0.25f, 3.0f, -1.5f }, [2, 3]);

    /// <summary>dL/dy along dim 0.</summary>
    public static Tensor GradFirst => new(new[] { 1.0f, -2.0f, 0.5f, 0.25f, 3.0f, -1.5f }, [1, 6]);

    /// <summary>
    /// Forward and backward along both dims against the pinned values: within <paramref name="ulps"/> ULPs of PyTorch's
    /// float, or 2e−6 relative plus 4e−7 absolute of it. NOTE: PyTorch rounds more often and cancels where this library
    /// does not (σ(b)(1 − σ(b)) at b = 7.5, 1 + tanh(u) in GELU's negative tail), so its last digits are off by up to
    /// ~1 ULP of 1 times the scale (GLU's dL/db at b = 7.5: 1.38132e−3 against the true 1.38118e−3, which this library
    /// gives); this library's own values are held to the float64 truth in GatedActivationTests and the operator tests.
    /// </summary>
    public static void Check(Func<int, GatedActivation> make, float[] yLast, float[] dxLast, float[] yFirst, float[] dxFirst, double ulps = 3)
    {
        GatedActivation last = make(-1);
        Near(yLast, last.Forward(X).ToArray(), ulps, "y (dim −1)");
        Near(dxLast, last.Backward(GradLast).ToArray(), ulps, "dx (dim −1)");
        GatedActivation first = make(0);
        Near(yFirst, first.Forward(X).ToArray(), ulps, "y (dim 0)");
        Near(dxFirst, first.Backward(GradFirst).ToArray(), ulps, "dx (dim 0)");
    }

    private static void Near(float[] expected, float[] actual, double ulps, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Ulp.Error(actual[i], expected[i]) <= ulps || Math.Abs(actual[i] - expected[i]) <= (2e-6 * Math.Abs(expected[i])) + 4e-7, $"{what}[{i}]: {actual[i]:R}, PyTorch {expected[i]:R}");
        }
    }
}
