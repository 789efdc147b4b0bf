using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>ReLU's properties: TinyTorch's own assertions plus the backward and the untouched input.</summary>
internal static class ReLUChecks
{
    public static CheckSuite Build(ActivationRegistry r) => new("ReLU",
    [
        new("ReLU([-2, -1, 0, 1, 2]) = [0, 0, 0, 1, 2]", () =>
            Expect.Close(Run.Forward(r.ReLU, -2, -1, 0, 1, 2), [0, 0, 0, 1, 2], 0, Hints.Formula)),
        new("All-negative input becomes zeros", () =>
            Expect.Close(Run.Forward(r.ReLU, -5, -0.5f, -1e-3f), [0, 0, 0], 0, "negative inputs must map to 0: max(0, x).")),
        new("All-positive input passes through unchanged", () =>
            Expect.Close(Run.Forward(r.ReLU, 0.5f, 3, 1e-3f), [0.5f, 3, 1e-3f], 0, "positive inputs must pass unchanged: max(0, x).")),
        new("Sparsity: [-1, -2, -3, 1] has 3 zeros", () =>
        {
            int zeros = Run.Forward(r.ReLU, -1, -2, -3, 1).Count(v => v == 0);
            Expect.That(zeros == 3, "3 zeros", () => $"{zeros} zeros", Hints.Formula);
        }),
        new("2-D [[-1, 2], [3, -4]] → [[0, 2], [3, 0]], shape (2, 2) kept", () =>
        {
            Tensor y = r.ReLU().Forward(new Tensor(new float[,] { { -1, 2 }, { 3, -4 } }));
            Expect.Shape(y, [2, 2], Hints.Shape);
            Expect.Close(y.ToArray(), [0, 2, 3, 0], 0, Hints.Formula);
        }),
        new("In-place version overwrites its input", () =>
        {
            Tensor x = Run.Vector(-1, 2, -3);
            Tensor y = r.ReLUInPlace(x);
            Expect.That(ReferenceEquals(x, y), "the same tensor back", () => "a different tensor", "the in-place form must return its input.");
            Expect.Close(x.ToArray(), [0, 2, 0], 0, "the in-place form must write max(0, x) into the input's own storage.");
        }),
        new("Forward leaves its input unchanged", () =>
        {
            Tensor x = Run.Vector(-1, 2, -3);
            r.ReLU().Forward(x);
            Expect.Close(x.ToArray(), [-1, 2, -3], 0, Hints.Mutation);
        }),
        new("Numerically stable with extreme values (±1000)", () =>
            Expect.Close(Run.Forward(r.ReLU, -1000, 1000), [0, 1000], 0, Hints.Formula)),
        new("Backward: gradient 1 where x > 0, 0 elsewhere (0 at x = 0, as PyTorch)", () =>
            Expect.Close(Run.Derivative(r.ReLU, -2, 0, 3), [0, 0, 1], 0, Hints.Backward)),
    ]);
}
