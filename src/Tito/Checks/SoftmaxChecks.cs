using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>Softmax's properties: a distribution per slice, stable at 1000, shift-invariant, along the right dim.</summary>
internal static class SoftmaxChecks
{
    public static CheckSuite Build(ActivationRegistry r) => new("Softmax",
    [
        new("[1, 2, 3] sums to 1, every value in (0, 1), argmax kept (≈ [0.090, 0.245, 0.665])", () =>
        {
            float[] y = Run.Forward(r.SoftmaxDefault, 1, 2, 3);
            Expect.Close([y.Sum()], [1], 1e-6, Hints.Formula);
            Expect.That(y.All(v => v > 0 && v < 1), "every value in (0, 1)", () => Expect.Format(y), Hints.Range);
            Expect.Close(y, [0.09003057, 0.24472847, 0.66524096], 1e-6, Hints.Formula);
        }),
        new("Numerically stable: [1000, 1001, 1002] gives no NaN/∞ and sums to 1", () =>
        {
            float[] y = Run.Forward(r.SoftmaxDefault, 1000, 1001, 1002);
            Expect.Finite(y, Hints.SoftmaxMax);
            Expect.Close(y, [0.09003057, 0.24472847, 0.66524096], 1e-6, Hints.SoftmaxMax);
        }),
        new("[[1, 2], [3, 4]]: each row sums to 1, shape (2, 2) kept", () =>
        {
            Tensor y = r.SoftmaxDefault().Forward(new Tensor(new float[,] { { 1, 2 }, { 3, 4 } }));
            Expect.Shape(y, [2, 2], Hints.Shape);
            float[] v = y.ToArray();
            Expect.Close([v[0] + v[1], v[2] + v[3]], [1, 1], 1e-6, Hints.SoftmaxDim);
        }),
        new("Zeros give the uniform distribution 1/n", () =>
            Expect.Close(Run.Forward(r.SoftmaxDefault, 0, 0, 0, 0), [0.25, 0.25, 0.25, 0.25], 1e-7, Hints.Formula)),
        new("Shift-invariant: softmax([1, 2, 3]) = softmax([11, 12, 13])", () =>
            Expect.Close(Run.Forward(r.SoftmaxDefault, 11, 12, 13),
                Run.Forward(r.SoftmaxDefault, 1, 2, 3).Select(v => (double)v).ToArray(), 1e-6, Hints.SoftmaxMax)),
        new("A (2, 2, 3) input over dim −1 sums to 1 along the last axis", () =>
        {
            float[] data = Enumerable.Range(0, 12).Select(i => (i * 0.7f) - 3).ToArray();
            float[] y = r.Softmax(-1).Forward(new Tensor(data, [2, 2, 3])).ToArray();
            float[] sums = Enumerable.Range(0, 4).Select(s => (y[3 * s] + y[(3 * s) + 1] + y[(3 * s) + 2])).ToArray();
            Expect.Close(sums, [1, 1, 1, 1], 1e-6, Hints.SoftmaxDim);
        }),
        new("Default dim is −1, for the constructor and for the call", () =>
        {
            var x = new Tensor(new float[,] { { 1, 2, 3 }, { 0, 5, -1 } });
            float[] byDefault = r.SoftmaxDefault().Forward(x).ToArray();
            float[] lastDim = r.Softmax(-1).Forward(x).ToArray();
            Expect.Close(byDefault, lastDim.Select(v => (double)v).ToArray(), 0, Hints.SoftmaxDim);
            if (r.SoftmaxDefault() is Softmax module)
            {
                Expect.Close(module.Forward(x, -1).ToArray(), lastDim.Select(v => (double)v).ToArray(), 0, Hints.SoftmaxDim);
            }
        }),
        new("Backward y ⊙ (g − Σ g·y): gradients along a row sum to 0", () =>
        {
            IActivation softmax = r.SoftmaxDefault();
            float[] y = softmax.Forward(Run.Vector(1, 2, 3)).ToArray();
            float[] g = [0.5f, -1, 2];
            float[] dx = softmax.Backward(Run.Vector(g)).ToArray();
            double dot = (g[0] * y[0]) + (g[1] * y[1]) + (g[2] * y[2]);
            Expect.Close(dx, y.Select((v, i) => v * (g[i] - dot)).ToArray(), 1e-6, Hints.Backward);
            Expect.Close([dx.Sum()], [0], 1e-6, Hints.Backward);
        }),
    ]);
}
