using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Activations;

/// <summary>
/// The edges where implementations disagree (signed zeros, NaN in backward), pinned to what PyTorch returns.
/// </summary>
/// <remarks>
/// The constants are PyTorch's, read from torch 1.13 (Debian's python3-torch, CPU, AVX2) with
/// <c>struct.pack('&lt;f', v)</c> to see the sign bit; the tests do not run PyTorch. What it printed:
/// <c>torch.relu(tensor([-0.0]))</c> → -0.0 (bits 0x80000000), also relu_ and F.relu, at 1 to 100 000 elements;
/// <c>F.gelu(-0.0, approximate='tanh')</c> → -0.0 (0x80000000); <c>x * torch.sigmoid(1.702 * x)</c> at -0.0 → -0.0;
/// <c>F.gelu(-0.0)</c> (exact) → -0.0 for one element but +0.0 from its vectorized path (2 elements and more): PyTorch
/// disagrees with itself there, and we keep −0, which is 0.5·x·erfc(−x/√2) in IEEE arithmetic;
/// <c>torch.relu(x).backward(g)</c> with x = [nan, -1, 0, -0.0, 2, inf, -inf], g = 3 → [3, 0, 0, 0, 3, 3, 0]
/// (and <c>aten.threshold_backward(g, relu(x), 0)</c> the same): the gradient passes where the input is NaN;
/// the GELU gradients at ±0 are 0.5 (0x3f000000) for 'none' and 'tanh'; tanh(−0) = −0, sigmoid(±0) = 0.5.
/// </remarks>
public class PyTorchEdgeTests
{
    private const uint MinusZeroBits = 0x80000000;   // torch.relu(-0.0), F.gelu(-0.0, approximate='tanh'), -0.0 * sigmoid(-0.0)
    private const uint PlusZeroBits = 0x00000000;
    private const uint HalfBits = 0x3f000000;        // GELU′(±0) in every form

    // Lengths that run the scalar body alone, each vector width with and without a scalar tail.
    public static TheoryData<int> Lengths => [1, 3, 4, 7, 8, 15, 16, 17, 33, 64, 100];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ReLU_OfMinusZero_IsMinusZero_AndOfPlusZeroIsPlusZero(int n)
    {
        AssertEveryBit(MinusZeroBits, Kernel(ActivationKernels.ReLU, -0f, n));
        AssertEveryBit(PlusZeroBits, Kernel(ActivationKernels.ReLU, 0f, n));
        AssertEveryBit(MinusZeroBits, Functional.ReLU(Filled(-0f, n)).ToArray());
        AssertEveryBit(MinusZeroBits, new ReLU().ForwardInPlace(Filled(-0f, n)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ReLU_StillMapsNegativesToPlusZero_AndKeepsNaN(int n)
    {
        AssertEveryBit(PlusZeroBits, Kernel(ActivationKernels.ReLU, -1e-30f, n));
        AssertEveryBit(PlusZeroBits, Kernel(ActivationKernels.ReLU, float.NegativeInfinity, n));
        Assert.All(Kernel(ActivationKernels.ReLU, float.NaN, n), v => Assert.True(float.IsNaN(v)));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ReLUBackward_PassesTheGradientWhereTheSavedValueIsNaN(int n)
    {
        // PyTorch's threshold backward is y <= 0 ? 0 : g: NaN fails the comparison, so g passes.
        float[] g = [.. Enumerable.Range(0, n).Select(i => 3f + i)];
        var dx = new float[n];
        ActivationKernels.ReLUBackward(g, Enumerable.Repeat(float.NaN, n).ToArray(), dx);
        Assert.Equal(g, dx);
    }

    [Fact]
    public void ReLUModule_ForwardThenBackward_MatchesPyTorchAtEveryEdge()
    {
        // torch: x = [nan, -1, 0, -0.0, 2, inf, -inf]; relu(x).backward(3) → grad [3, 0, 0, 0, 3, 3, 0].
        var relu = new ReLU();
        float[] y = relu.Forward(new Tensor(new[] { float.NaN, -1f, 0f, -0f, 2f, float.PositiveInfinity, float.NegativeInfinity })).ToArray();
        Assert.True(float.IsNaN(y[0]));
        Assert.Equal(MinusZeroBits, BitConverter.SingleToUInt32Bits(y[3]));
        float[] dx = relu.Backward(Tensor.Full([7], 3f)).ToArray();
        Assert.Equal(new[] { 3f, 0f, 0f, 0f, 3f, 3f, 0f }, dx);
        Assert.All(dx, v => Assert.False(float.IsNegative(v)));   // the zeros PyTorch gives are +0
    }

    [Fact]
    public void ReferenceReLU_FollowsPyTorch_AtMinusZeroAndNaN()
    {
        Assert.True(double.IsNegative(ReLUMath.Forward(-0.0)));
        Assert.True(double.IsNaN(ReLUMath.Forward(double.NaN)));
        Assert.Equal(1.0, ReLUMath.Derivative(double.NaN));
        Assert.Equal(0.0, ReLUMath.Derivative(-0.0));
        Assert.Equal(0.0, ReLUMath.Derivative(0.0));
    }

    [Theory]
    [InlineData(GeluApproximation.Sigmoid, 1)]
    [InlineData(GeluApproximation.Sigmoid, 17)]
    [InlineData(GeluApproximation.Sigmoid, 100)]
    [InlineData(GeluApproximation.Tanh, 1)]
    [InlineData(GeluApproximation.Tanh, 17)]
    [InlineData(GeluApproximation.Tanh, 100)]
    [InlineData(GeluApproximation.None, 1)]
    [InlineData(GeluApproximation.None, 17)]
    [InlineData(GeluApproximation.None, 100)]
    public void GELU_OfMinusZero_IsMinusZero_AndOfPlusZeroIsPlusZero(GeluApproximation form, int n)
    {
        AssertEveryBit(MinusZeroBits, Kernel((x, d) => ActivationKernels.GELU(x, d, form), -0f, n));
        AssertEveryBit(PlusZeroBits, Kernel((x, d) => ActivationKernels.GELU(x, d, form), 0f, n));
        AssertEveryBit(MinusZeroBits, new GELU(form).Forward(Filled(-0f, n)).ToArray());
    }

    [Theory]
    [InlineData(GeluApproximation.Sigmoid)]
    [InlineData(GeluApproximation.Tanh)]
    [InlineData(GeluApproximation.None)]
    public void GELUBackward_AtPlusAndMinusZero_IsOneHalf(GeluApproximation form)
    {
        float[] dx = Functional.GELUBackward(Tensor.Full([17], 1f), new Tensor(Enumerable.Range(0, 17).Select(i => i % 2 == 0 ? -0f : 0f).ToArray()), form).ToArray();
        AssertEveryBit(HalfBits, dx);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void TanhAndSigmoid_AtMinusZero_AreMinusZeroAndOneHalf(int n)
    {
        AssertEveryBit(MinusZeroBits, Kernel(ActivationKernels.Tanh, -0f, n));
        AssertEveryBit(HalfBits, Kernel(ActivationKernels.Sigmoid, -0f, n));
    }

    private static float[] Kernel(KernelSpan kernel, float value, int n)
    {
        float[] x = Enumerable.Repeat(value, n).ToArray(), y = new float[n];
        kernel(x, y);
        return y;
    }

    private delegate void KernelSpan(ReadOnlySpan<float> x, Span<float> destination);

    private static Tensor Filled(float value, int n) => Tensor.Full([n], value);

    private static void AssertEveryBit(uint expected, float[] actual) =>
        Assert.All(actual, v => Assert.Equal($"0x{expected:x8}", $"0x{BitConverter.SingleToUInt32Bits(v):x8}"));
}
