using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>Sigmoid's properties: the values, the range, the symmetry and the stability at ±1000.</summary>
internal static class SigmoidChecks
{
    public static CheckSuite Build(ActivationRegistry r) => new("Sigmoid",
    [
        new("Sigmoid(0) = 0.5 exactly", () =>
        {
            float y = Run.At(r.Sigmoid, 0);
            Expect.That(y == 0.5f, "0.5", () => Expect.Format(y), Hints.Formula);
        }),
        new("Outputs for [-10, -1, 0, 1, 10] lie strictly inside (0, 1)", () =>
        {
            float[] y = Run.Forward(r.Sigmoid, -10, -1, 0, 1, 10);
            Expect.That(y.All(v => v > 0 && v < 1), "every value in (0, 1)", () => Expect.Format(y), Hints.Range);
        }),
        new("Numerically stable with extreme values (±1000)", () =>
        {
            float[] y = Run.Forward(r.Sigmoid, -1000, 1000);
            Expect.Finite(y, Hints.UnguardedExp);
            Expect.Close(y, [0, 1], 1e-10, Hints.UnguardedExp);
        }),
        new("Symmetric: σ(−x) = 1 − σ(x)", () =>
        {
            float[] xs = [0.5f, 1, 2, 5];
            float[] pos = Run.Forward(r.Sigmoid, xs);
            float[] neg = Run.Forward(r.Sigmoid, xs.Select(v => -v).ToArray());
            Expect.Close(neg, pos.Select(v => 1.0 - v).ToArray(), 1e-6, Hints.Symmetry);
        }),
        new("[-1000, -1, 0, 1, 1000] → [0, 0.26894142, 0.5, 0.73105858, 1] within 1e-7", () =>
            Expect.Close(Run.Forward(r.Sigmoid, -1000, -1, 0, 1, 1000), [0, 0.26894142, 0.5, 0.73105858, 1], 1e-7, Hints.UnguardedExp)),
        new("Same values for a 0-d input and a (1, 5) input", () =>
        {
            Tensor scalar = r.Sigmoid().Forward(Tensor.Scalar(1));
            Expect.Shape(scalar, [], Hints.Shape);
            Expect.Close(scalar.ToArray(), [0.73105858], 1e-7, Hints.Formula);
            Tensor row = r.Sigmoid().Forward(new Tensor(new float[,] { { -1000, -1, 0, 1, 1000 } }));
            Expect.Shape(row, [1, 5], Hints.Shape);
            Expect.Close(row.ToArray(), [0, 0.26894142, 0.5, 0.73105858, 1], 1e-7, Hints.Formula);
        }),
        new("Derivative σ'(0) = 0.25, its maximum", () =>
            Expect.Close(Run.Derivative(r.Sigmoid, 0, 2, -2), [0.25, 0.104993585, 0.104993585], 1e-7, Hints.Backward)),
    ]);
}
