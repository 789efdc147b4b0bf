using TinyTorch.Kernels;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Tests.Kernels.Operators;

/// <summary>
/// The kernel runs sigmoid two AVX-512 vectors at a time (<see cref="SigmoidOperator.Paired"/>): every element must
/// still carry the scalar body's bits, whatever the length (odd vector counts pair the last vector with itself) and
/// in place.
/// </summary>
public class SigmoidPairedLoopTests
{
    [Fact]
    public void KernelGivesTheScalarBitsAtEveryLengthAndInPlace()
    {
        var random = new Random(17);
        foreach (int n in Enumerable.Range(1, 130).Concat([255, 256, 257, 1000, 4099]))
        {
            float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() - 0.5) * 200))];
            var y = new float[n];
            ActivationKernels.Sigmoid(x, y);
            for (int i = 0; i < n; i++)
            {
                Assert.True(OperatorChecks.SameBits(SigmoidOperator.Invoke(x[i]), y[i]), $"length {n}, index {i}, x = {x[i]:R}");
            }

            ActivationKernels.Sigmoid(x, x);
            Assert.True(x.Zip(y).All(p => OperatorChecks.SameBits(p.First, p.Second)), $"length {n}, in place");
        }
    }
}
