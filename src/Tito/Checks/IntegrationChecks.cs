using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>The scenarios where the activations meet each other and the tensor: TinyTorch's integration tests.</summary>
internal static class IntegrationChecks
{
    public static CheckSuite Build(ActivationRegistry r)
    {
        (string Name, Func<IActivation> Make)[] all =
        [
            ("ReLU", r.ReLU), ("Sigmoid", r.Sigmoid), ("Tanh", r.Tanh),
            ("GELU", () => r.GELU(GeluApproximation.Sigmoid)), ("Softmax", r.SoftmaxDefault),
        ];

        return new("Activations together", [
            new("Every activation keeps a 2×2 input's shape and returns a new Tensor", () =>
            {
                var x = new Tensor(new float[,] { { -1, 0.5f }, { 2, -3 } });
                foreach ((string name, Func<IActivation> make) in all)
                {
                    Tensor y = make().Forward(x);
                    Expect.That(y is not null && !ReferenceEquals(x, y), $"{name}: a new tensor", () => "the input itself", Hints.Mutation);
                    Expect.Shape(y!, [2, 2], $"{name}: {Hints.Shape}");
                }
            }),
            new("ReLU → Softmax on [[−1, 0, 1, 2]]: hidden [0, 0, 1, 2], output sums to 1", () =>
            {
                Tensor hidden = r.ReLU().Forward(new Tensor(new float[,] { { -1, 0, 1, 2 } }));
                Expect.Close(hidden.ToArray(), [0, 0, 1, 2], 0, Hints.Formula);
                Tensor output = r.SoftmaxDefault().Forward(hidden);
                Expect.Shape(output, [1, 4], Hints.Shape);
                Expect.Close([output.ToArray().Sum()], [1], 1e-6, Hints.SoftmaxDim);
            }),
            new("Outputs combine with + and *: ReLU(x) + Sigmoid(x) and Tanh(x) * GELU(x), shape kept", () =>
            {
                var x = new Tensor(new float[,] { { -2, -0.5f }, { 0, 3 } });
                float[] v = x.ToArray();
                float[] relu = r.ReLU().Forward(x).ToArray(), sigmoid = r.Sigmoid().Forward(x).ToArray();
                float[] tanh = r.Tanh().Forward(x).ToArray(), gelu = r.GELU(GeluApproximation.Sigmoid).Forward(x).ToArray();
                Tensor sum = r.ReLU().Forward(x) + r.Sigmoid().Forward(x);
                Tensor product = r.Tanh().Forward(x) * r.GELU(GeluApproximation.Sigmoid).Forward(x);
                Expect.Shape(sum, [2, 2], Hints.Shape);
                Expect.Shape(product, [2, 2], Hints.Shape);
                Expect.Close(sum.ToArray(), [.. v.Select((_, i) => (double)(relu[i] + sigmoid[i]))], 0, "+ adds element by element.");
                Expect.Close(product.ToArray(), [.. v.Select((_, i) => (double)(tanh[i] * gelu[i]))], 0, "* multiplies element by element.");
            }),
            new("A gated unit: x * Sigmoid(x) equals GELU's sigmoid form at 1.702x / 1.702", () =>
            {
                // x·σ(1.702x) written with tensor ops: the sigmoid form of GELU is a sigmoid-gated linear unit.
                Tensor x = Run.Vector(-3, -1, 0, 0.5f, 2);
                Tensor gated = x * r.Sigmoid().Forward(x * 1.702f);
                Expect.Close(gated.ToArray(), [.. r.GELU(GeluApproximation.Sigmoid).Forward(x).ToArray().Select(v => (double)v)], 1e-6,
                    "GELU's default form must be exactly x·σ(1.702x).");
            }),
            new("Inputs given as doubles become float32 outputs with the same values", () =>
            {
                foreach ((string name, Func<IActivation> make) in all)
                {
                    float[] fromDouble = make().Forward(new Tensor(new double[] { -1.5, 0, 2.25 })).ToArray();
                    float[] fromFloat = Run.Forward(make, -1.5f, 0, 2.25f);
                    Expect.Close(fromDouble, fromFloat.Select(v => (double)v).ToArray(), 0, $"{name}: double input must be converted to float32 at creation.");
                }
            }),
            new("Integer inputs work", () =>
            {
                foreach ((string name, Func<IActivation> make) in all)
                {
                    float[] fromInt = make().Forward(new Tensor(new int[] { -2, 0, 3 })).ToArray();
                    float[] fromFloat = Run.Forward(make, -2, 0, 3);
                    Expect.Close(fromInt, fromFloat.Select(v => (double)v).ToArray(), 0, $"{name}: integer input must be converted to float32.");
                }
            }),
            new("An empty tensor (shape (0,)) and a 0-d scalar go through every activation", () =>
            {
                foreach ((string name, Func<IActivation> make) in all)
                {
                    Tensor empty = make().Forward(new Tensor([], [0]));
                    Expect.Shape(empty, [0], $"{name}: an empty input gives an empty output of the same shape.");
                    Tensor scalar = make().Forward(Tensor.Scalar(0.5f));
                    Expect.Shape(scalar, [], $"{name}: a 0-d input gives a 0-d output.");
                }
            }),
            new("Backward through every activation returns a gradient of the input's shape", () =>
            {
                var x = new Tensor(new float[,] { { -1, 0.5f, 2 } });
                foreach ((string name, Func<IActivation> make) in all)
                {
                    IActivation a = make();
                    a.Forward(x);
                    Tensor dx = a.Backward(new Tensor(new float[,] { { 1, 1, 1 } }));
                    Expect.Shape(dx, [1, 3], $"{name}: {Hints.Backward}");
                    Expect.Finite(dx.ToArray(), $"{name}: {Hints.Backward}");
                }
            }),
        ]);
    }
}
