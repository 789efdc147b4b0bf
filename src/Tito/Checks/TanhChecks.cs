namespace Tito.Checks;

/// <summary>Tanh's properties: zero at zero, odd, bounded, saturating at ±1.</summary>
internal static class TanhChecks
{
    public static CheckSuite Build(ActivationRegistry r) => new("Tanh",
    [
        new("Tanh(0) = 0", () =>
        {
            float y = Run.At(r.Tanh, 0);
            Expect.That(y == 0, "0", () => Expect.Format(y), Hints.Formula);
        }),
        new("Outputs for [-10, -1, 0, 1, 10] lie within [-1, 1]", () =>
        {
            float[] y = Run.Forward(r.Tanh, -10, -1, 0, 1, 10);
            Expect.That(y.All(v => v >= -1 && v <= 1), "every value in [-1, 1]", () => Expect.Format(y), Hints.Range);
        }),
        new("Odd: tanh(−2) = −tanh(2)", () =>
        {
            float[] y = Run.Forward(r.Tanh, -2, 2);
            Expect.Close([y[0]], [-y[1]], 0, Hints.Symmetry);
            Expect.Close([y[1]], [0.96402758], 1e-6, Hints.Formula);
        }),
        new("Numerically stable with extreme values (±1000) → ±1", () =>
        {
            float[] y = Run.Forward(r.Tanh, -1000, 1000);
            Expect.Finite(y, Hints.UnguardedExp + " For tanh, use 1 − 2/(e^(2x) + 1) or the sign-split form.");
            Expect.Close(y, [-1, 1], 1e-10, Hints.UnguardedExp);
        }),
        new("Saturates: |tanh(±10)| > 0.99", () =>
        {
            float[] y = Run.Forward(r.Tanh, -10, 10);
            Expect.That(y.All(v => Math.Abs(v) > 0.99), "|y| > 0.99", () => Expect.Format(y), Hints.Formula);
        }),
        new("Derivative tanh'(0) = 1, its maximum", () =>
            Expect.Close(Run.Derivative(r.Tanh, 0, 1), [1, 0.41997434], 1e-6, Hints.Backward)),
    ]);
}
