using System.Reflection;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// Every backward kernel takes PyTorch's order, (gradOutput, saved…, destination), as <c>Functional</c> and
/// <c>sigmoid_backward(grad_output, output)</c> do. Both leading arguments are float spans, so a swapped call compiles:
/// these tests pick values where the swap gives a different answer, so a kernel (or a caller) that reads them the other
/// way round fails.
/// </summary>
public class ActivationKernelsArgumentOrderTests
{
    private static MethodInfo[] BackwardKernels =>
    [
        .. typeof(ActivationKernels).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.EndsWith("Backward", StringComparison.Ordinal)
                && m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(ReadOnlySpan<float>)),
    ];

    [Fact]
    public void EveryBackwardKernelNamesGradOutputFirstAndTheDestinationThird()
    {
        Assert.True(BackwardKernels.Length >= 25, $"found only {BackwardKernels.Length} backward kernels");
        Assert.All(BackwardKernels, m =>
        {
            ParameterInfo[] p = m.GetParameters();
            Assert.True(p[0].Name == "gradOutput", $"{m.Name}: first parameter is '{p[0].Name}', expected gradOutput");
            Assert.True(p[1].Name is "input" or "output" or "x" or "noise", $"{m.Name}: second parameter is '{p[1].Name}', expected the saved tensor");
            Assert.True(p[2].Name == "destination", $"{m.Name}: third parameter is '{p[2].Name}', expected destination");
        });
    }

    [Fact]
    public void ReLUBackwardReadsTheGradientFirst()
    {
        float[] g = [3f, -2f], output = [-1f, 5f];
        Assert.Equal([0f, -2f], Run(ActivationKernels.ReLUBackward, g, output));
        Assert.Equal([-1f, 0f], Run(ActivationKernels.ReLUBackward, output, g));   // the swap differs
    }

    [Fact]
    public void SigmoidBackwardReadsTheGradientFirst()
    {
        float[] g = [2f], output = [0.25f];
        Assert.Equal([2f * 0.25f * 0.75f], Run(ActivationKernels.SigmoidBackward, g, output));
        Assert.Equal([0.25f * 2f * (1f - 2f)], Run(ActivationKernels.SigmoidBackward, output, g));
    }

    [Fact]
    public void TanhBackwardReadsTheGradientFirst()
    {
        float[] g = [2f], output = [0.5f];
        Assert.Equal([2f * 0.75f], Run(ActivationKernels.TanhBackward, g, output));
        Assert.Equal([0.5f * (1f - 4f)], Run(ActivationKernels.TanhBackward, output, g));
    }

    [Theory]
    [InlineData(GeluApproximation.Sigmoid)]
    [InlineData(GeluApproximation.Tanh)]
    [InlineData(GeluApproximation.None)]
    public void GELUBackwardReadsTheGradientFirst(GeluApproximation form)
    {
        float[] g = [2f], x = [1f];
        Func<double, double> slope = form switch
        {
            GeluApproximation.Sigmoid => Oracle.GeluSigmoidDerivative,
            GeluApproximation.Tanh => Oracle.GeluTanhDerivative,
            _ => Oracle.GeluExactDerivative,
        };
        float[] dx = Run((a, b, d) => ActivationKernels.GELUBackward(a, b, d, form), g, x);
        Assert.Equal(2 * slope(1), dx[0], 1e-6);
        float[] swapped = Run((a, b, d) => ActivationKernels.GELUBackward(a, b, d, form), x, g);
        Assert.Equal(1 * slope(2), swapped[0], 1e-6);
    }

    [Fact]
    public void SoftmaxBackwardReadsTheGradientFirst()
    {
        // dx = y ⊙ (g − Σ g·y): with y = [¼, ¾] and g = [1, 0], Σ g·y = ¼ and dx = [3/16, −3/16]; swapped, it is [0, 0].
        float[] g = [1f, 0f], output = [0.25f, 0.75f];
        Assert.Equal([0.1875f, -0.1875f], Run((a, b, d) => ActivationKernels.SoftmaxBackward(a, b, d, 2), g, output));
        Assert.Equal([0f, 0f], Run((a, b, d) => ActivationKernels.SoftmaxBackward(a, b, d, 2), output, g));
        Assert.Equal([0.1875f, -0.1875f], Run((a, b, d) => ActivationKernels.SoftmaxStridedBackward(a, b, d, 2, 1), g, output));
    }

    /// <summary>
    /// Every element-wise backward, through the catalog (which holds the kernels themselves, at default parameters):
    /// dL/dx at a point where gradOutput and the saved value differ must be gradOutput · f′(x), not the swap.
    /// </summary>
    [Fact]
    public void EveryCatalogBackwardMultipliesTheGradientByTheSlopeAtTheSavedValue()
    {
        var problems = new List<string>();
        foreach (var v in TinyTorch.Catalog.ActivationCatalog.Variants.Where(v => v.Backward is not null && v.ReferenceDerivative is not null))
        {
            float[] x = [-1.5f, -0.75f, 0.625f, 1.25f];
            float[] saved = v.Saves == TinyTorch.Catalog.SavedForBackward.Output ? Forward(v.Forward!, x) : x;
            float[] g = [3f, -0.5f, 2.5f, -4f];
            float[] dx = Run((a, b, d) => v.Backward!(a, b, d), g, saved);
            for (int i = 0; i < x.Length; i++)
            {
                double expected = g[i] * v.ReferenceDerivative!(x[i]);
                if (Math.Abs(dx[i] - expected) > 1e-4 * Math.Max(1, Math.Abs(expected)))
                {
                    problems.Add($"{v.Key} at x = {x[i]}: {dx[i]}, expected {expected}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private delegate void BackwardKernel(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> saved, Span<float> destination);

    private static float[] Run(BackwardKernel kernel, float[] gradOutput, float[] saved)
    {
        var dx = new float[saved.Length];
        kernel(gradOutput, saved, dx);
        return dx;
    }

    private static float[] Forward(TinyTorch.Catalog.ElementwiseKernel forward, float[] x)
    {
        var y = new float[x.Length];
        forward(x, y);
        return y;
    }
}
