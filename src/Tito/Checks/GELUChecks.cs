using TinyTorch.Activations.Reference;
using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>GELU's properties: TinyTorch's assertions on the default (sigmoid) form, then the other two forms.</summary>
internal static class GELUChecks
{
    public static CheckSuite Build(ActivationRegistry r)
    {
        Func<IActivation> gelu = () => r.GELU(GeluApproximation.Sigmoid);
        return new("GELU", [
            new("GELU(0) = 0 exactly", () =>
            {
                float y = Run.At(gelu, 0);
                Expect.That(y == 0, "0", () => Expect.Format(y), Hints.Formula);
            }),
            new("GELU(1) > 0.8 (≈ 0.8458)", () =>
            {
                float y = Run.At(gelu, 1);
                Expect.That(y > 0.8f, "> 0.8", () => Expect.Format(y), Hints.Formula);
            }),
            new("−0.2 < GELU(−1) < 0 (≈ −0.1542): a small negative dip, unlike ReLU", () =>
            {
                float y = Run.At(gelu, -1);
                Expect.That(y > -0.2f && y < 0, "in (−0.2, 0)", () => Expect.Format(y), Hints.Formula);
            }),
            new("Default form equals x·σ(1.702x) (atol 1e−5, rtol 1e−4)", () =>
            {
                float[] xs = Enumerable.Range(0, 41).Select(i => -5f + (i * 0.25f)).ToArray();
                float[] y = Run.Forward(gelu, xs);
                for (int i = 0; i < xs.Length; i++)
                {
                    double want = xs[i] / (1 + Math.Exp(-1.702 * xs[i]));
                    Expect.That(Math.Abs(y[i] - want) <= 1e-5 + (1e-4 * Math.Abs(want)), $"GELU({xs[i]}) ≈ {Expect.Format(want)}",
                        () => Expect.Format(y[i]), "the default GELU is TinyTorch's sigmoid form x·σ(1.702x); 1.702 is a fitted constant, not √(2/π).");
                }
            }),
            new("Smooth at 0: steps across [−0.001, 0, 0.001] are < 0.01", () =>
            {
                float[] y = Run.Forward(gelu, -0.001f, 0, 0.001f);
                double step = Math.Max(Math.Abs(y[1] - y[0]), Math.Abs(y[2] - y[1]));
                Expect.That(step < 0.01, "steps < 0.01", () => Expect.Format(y), Hints.Formula);
            }),
            new("Exact form: GELU([−1, 0, 1]) ≈ [−0.159, 0, 0.841]; tanh form within 1e−3 of it", () =>
            {
                float[] exact = Run.Forward(() => r.GELU(GeluApproximation.None), -1, 0, 1);
                Expect.Close(exact, [-0.15865525, 0, 0.84134475], 1e-6, "the exact form is 0.5·x·erfc(−x/√2).");
                float[] tanh = Run.Forward(() => r.GELU(GeluApproximation.Tanh), -1, 0, 1);
                Expect.Close(tanh, exact.Select(v => (double)v).ToArray(), 1e-3, "the tanh form is 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))).");
            }),
            new("Exact form keeps the negative tail: GELU(−6) ≈ −5.9e−9, not 0", () =>
            {
                float y = Run.At(() => r.GELU(GeluApproximation.None), -6);
                double want = GELUMath.ExactForm(-6);
                Expect.That(y < 0 && Math.Abs(y - want) <= 1e-6 * Math.Abs(want), Expect.Format(want), () => Expect.Format(y),
                    "1 + erf(x/√2) cancels for x ≪ 0 and leaves 0; compute Φ(x) as 0.5·erfc(−x/√2).");
            }),
            new("Each form's backward is the exact derivative of that same form", () =>
            {
                float[] xs = [-3, -1, -0.25f, 0, 0.5f, 2];
                (GeluApproximation Form, Func<double, double> D)[] forms =
                [
                    (GeluApproximation.Sigmoid, GELUMath.SigmoidFormDerivative),
                    (GeluApproximation.Tanh, GELUMath.TanhFormDerivative),
                    (GeluApproximation.None, GELUMath.ExactFormDerivative),
                ];
                foreach ((GeluApproximation form, Func<double, double> d) in forms)
                {
                    Expect.Close(Run.Derivative(() => r.GELU(form), xs), xs.Select(x => d(x)).ToArray(), 1e-5,
                        $"the {form} form's backward must differentiate the {form} forward (TinyTorch pairs a sigmoid forward with a tanh backward: a bug).");
                }
            }),
        ]);
    }
}
