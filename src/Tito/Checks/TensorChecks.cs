using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>Module 01's tensor, as far as the activations stand on it: creation, shape, reading, memory.</summary>
internal static class TensorChecks
{
    private const string Hint = "the tensor stores float32 in row-major order; its shape is the product of its dimensions.";

    public static CheckSuite Build() => new("Tensor",
    [
        new("From a flat array and a shape: shape (2, 3), rank 2, 6 elements, row-major", () =>
        {
            var t = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
            Expect.Shape(t, [2, 3], Hint);
            Expect.That(t.Rank == 2 && t.Size == 6, "rank 2, size 6", () => $"rank {t.Rank}, size {t.Size}", Hint);
            Expect.Close([t[1, 0], t[0, 2]], [4, 3], 0, Hint);
        }),
        new("From a .NET float[,]: the shape comes from the array", () =>
            Expect.Shape(new Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }), [2, 3], Hint)),
        new("Doubles and integers become float32", () =>
        {
            Expect.Close(new Tensor(new double[] { 0.1, -2.5 }).ToArray(), [0.1f, -2.5f], 0, Hint);
            Expect.Close(new Tensor(new int[,] { { 7 }, { -3 } }).ToArray(), [7, -3], 0, Hint);
        }),
        new("A 0-d scalar has rank 0, one element and Item()", () =>
        {
            Tensor s = Tensor.Scalar(3.5f);
            Expect.Shape(s, [], Hint);
            Expect.That(s.Rank == 0 && s.Size == 1 && s.Item() == 3.5f, "rank 0, size 1, item 3.5", () => $"rank {s.Rank}, size {s.Size}", Hint);
        }),
        new("An empty tensor (0, 3) has no elements", () =>
        {
            var e = new Tensor([], [0, 3]);
            Expect.That(e.Size == 0 && e.Rank == 2, "size 0, rank 2", () => $"size {e.Size}, rank {e.Rank}", Hint);
        }),
        new("Negative indices count from the end", () =>
        {
            var t = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
            Expect.Close([t[-1, -1], t[0, -3]], [6, 1], 0, "index −1 is the last element of a dimension.");
        }),
        new("ToArray() is a copy: changing it leaves the tensor alone", () =>
        {
            var t = new Tensor([1, 2], [2]);
            float[] copy = t.ToArray();
            copy[0] = 99;
            Expect.Close(t.ToArray(), [1, 2], 0, "ToArray must copy, not expose the storage.");
        }),
        new("Memory footprint: elements × 4 bytes (32×4096 → 512 KB)", () =>
        {
            var t = new Tensor(new float[32 * 4096], [32, 4096]);
            Expect.That(t.NBytes == 524_288, "524288 bytes", () => $"{t.NBytes} bytes", "float32 is 4 bytes per element.");
        }),
        new("A shape that does not match the data is an error naming the shape", () =>
        {
            string message = "";
            try
            {
                _ = new Tensor([1, 2, 3], [2, 2]);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Expect.That(message.Contains("(2, 2)", StringComparison.Ordinal), "an ArgumentException mentioning (2, 2)",
                () => message.Length == 0 ? "no exception" : message, "reject data whose length is not the shape's product, and say both.");
        }),
    ]);
}
