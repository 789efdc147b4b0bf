using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

/// <summary>
/// The kernels run the paired operators (<see cref="IUnaryOperator.Paired"/>: sigmoid, tanh and the three GELU
/// forms; <see cref="IBinaryOperator.Paired"/>: the backward passes of the GELU sigmoid and tanh forms) two AVX-512 vectors at a time: every
/// element must still carry the scalar body's bits, whatever the length (odd vector counts pair the last vector with
/// itself) and in place.
/// </summary>
public class PairedOperatorTests
{
    private static readonly Dictionary<string, (Action<float[], float[]> Kernel, Func<float, float> Scalar)> Paired = new()
    {
        ["Sigmoid"] = ((x, y) => ActivationKernels.Sigmoid(x, y), default(SigmoidOperator).Invoke),
        ["Tanh"] = ((x, y) => ActivationKernels.Tanh(x, y), default(TanhOperator).Invoke),
        ["GELU tanh form"] = ((x, y) => ActivationKernels.GELU(x, y, GeluApproximation.Tanh), default(GeluTanhFormOperator).Invoke),
        ["GELU sigmoid form"] = ((x, y) => ActivationKernels.GELU(x, y, GeluApproximation.Sigmoid), default(GeluSigmoidFormOperator).Invoke),
        ["GELU exact"] = ((x, y) => ActivationKernels.GELU(x, y, GeluApproximation.None), default(GeluExactFormOperator).Invoke),
    };

    private static readonly Dictionary<GeluApproximation, Func<float, float, float>> PairedBackward = new()
    {
        [GeluApproximation.Sigmoid] = default(GeluSigmoidFormBackwardOperator).Invoke,
        [GeluApproximation.Tanh] = default(GeluTanhFormBackwardOperator).Invoke,
    };

    public static TheoryData<string> Names => [.. Paired.Keys];

    public static TheoryData<GeluApproximation> BackwardForms => [.. PairedBackward.Keys];

    [Fact]
    public void TheOperatorsAskForPairs()
    {
        Assert.True(SigmoidOperator.Paired && TanhOperator.Paired && GeluTanhFormOperator.Paired && GeluSigmoidFormOperator.Paired && GeluExactFormOperator.Paired);
        Assert.True(GeluSigmoidFormBackwardOperator.Paired && GeluTanhFormBackwardOperator.Paired);
        Assert.False(IsPaired<GeluExactFormBackwardOperator>());   // too large to pair (its remarks)
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void KernelGivesTheScalarBitsAtEveryLengthAndInPlace(string name)
    {
        (Action<float[], float[]> kernel, Func<float, float> scalar) = Paired[name];
        var random = new Random(17);
        foreach (int n in Enumerable.Range(1, 130).Concat([255, 256, 257, 1000, 4099]))
        {
            float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)Math.ScaleB(random.NextDouble() - 0.5, random.Next(-4, 8)))];
            var y = new float[n];
            kernel(x, y);
            for (int i = 0; i < n; i++)
            {
                Assert.True(OperatorChecks.SameBits(scalar(x[i]), y[i]), $"{name}: length {n}, index {i}, x = {x[i]:R}");
            }

            kernel(x, x);
            Assert.True(x.Zip(y).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"{name}: length {n}, in place");
        }
    }

    [Theory]
    [MemberData(nameof(BackwardForms))]
    public void BackwardGivesTheScalarBitsAtEveryLengthAndInPlaceOverEitherInput(GeluApproximation form)
    {
        Func<float, float, float> scalar = PairedBackward[form];
        var random = new Random(23);
        foreach (int n in Enumerable.Range(1, 130).Concat([255, 256, 257, 1000, 4099]))
        {
            float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)Math.ScaleB(random.NextDouble() - 0.5, random.Next(-4, 8)))];
            float[] g = [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5))];
            var dx = new float[n];
            ActivationKernels.GELUBackward(g, x, dx, form);
            for (int i = 0; i < n; i++)
            {
                Assert.True(OperatorChecks.SameBits(scalar(x[i], g[i]), dx[i]), $"{form}: length {n}, index {i}, x = {x[i]:R}, g = {g[i]:R}");
            }

            float[] overX = [.. x], overG = [.. g];
            ActivationKernels.GELUBackward(g, overX, overX, form);
            ActivationKernels.GELUBackward(overG, x, overG, form);
            Assert.True(overX.Zip(dx).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"{form}: length {n}, in place over x");
            Assert.True(overG.Zip(dx).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"{form}: length {n}, in place over the gradient");
        }
    }

    // A default interface member is reached through the interface, not the struct's name.
    private static bool IsPaired<TOp>()
        where TOp : struct, IBinaryOperator => TOp.Paired;
}
