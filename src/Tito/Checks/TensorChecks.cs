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
        new("+ − * / element-wise, with a scalar on either side", () =>
        {
            var a = new Tensor([1, 2, 3], [3]);
            var b = new Tensor([4, 5, 6], [3]);
            Expect.Close((a + b).ToArray(), [5, 7, 9], 0, "+ adds element by element.");
            Expect.Close((b - a).ToArray(), [3, 3, 3], 0, "− subtracts element by element.");
            Expect.Close((a * b).ToArray(), [4, 10, 18], 0, "* multiplies element by element.");
            Expect.Close((b / a).ToArray(), [4, 2.5, 2], 0, "/ divides element by element.");
            Expect.Close((2f * a).ToArray(), [2, 4, 6], 0, "a scalar multiplies every element.");
            Expect.Close((10f - a).ToArray(), [9, 8, 7], 0, "scalar − tensor keeps the order.");
            Expect.Close((-a).ToArray(), [-1, -2, -3], 0, "unary minus negates.");
        }),
        new("Broadcasting: (2, 3) + (3,) adds the row to each row; (2, 1) * (1, 3) → (2, 3)", () =>
        {
            var m = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
            Tensor sum = m + new Tensor([10, 20, 30], [3]);
            Expect.Shape(sum, [2, 3], "broadcasting aligns shapes from the right.");
            Expect.Close(sum.ToArray(), [11, 22, 33, 14, 25, 36], 0, "the (3,) row is added to each row.");
            Tensor outer = new Tensor([1, 2], [2, 1]) * new Tensor([1, 10, 100], [1, 3]);
            Expect.Shape(outer, [2, 3], "size-1 dimensions stretch.");
            Expect.Close(outer.ToArray(), [1, 10, 100, 2, 20, 200], 0, "size-1 dimensions stretch.");
        }),
        new("Shape mismatch in + is an error naming both shapes", () =>
        {
            string message = Message(() => _ = new Tensor([1, 2, 3], [3]) + new Tensor([1, 2], [2]));
            Expect.That(message.Contains("(3,)", StringComparison.Ordinal) && message.Contains("(2,)", StringComparison.Ordinal),
                "an error mentioning (3,) and (2,)", () => message, "name both shapes so the caller sees the mismatch.");
        }),
        new("MatMul: (2, 3) @ (3, 2); inner mismatch says \"Inner dimensions must match: 2 ≠ 3\"", () =>
        {
            var a = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
            var b = new Tensor([1, 0, 0, 1, 1, 1], [3, 2]);
            Tensor c = a.MatMul(b);
            Expect.Shape(c, [2, 2], "(m, k) @ (k, n) is (m, n).");
            Expect.Close(c.ToArray(), [4, 5, 10, 11], 0, "each output is a row of a dotted with a column of b.");
            string message = Message(() => b.MatMul(b));   // (3, 2) @ (3, 2): inner 2 against 3
            Expect.That(message.Contains("Inner dimensions must match: 2 ≠ 3", StringComparison.Ordinal),
                "\"Inner dimensions must match: 2 ≠ 3\"", () => message, "check a's last dim against b's first before multiplying.");
        }),
        new("Reshape with one −1; two −1s or a size change are errors", () =>
        {
            Tensor r = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]).Reshape(3, -1);
            Expect.Shape(r, [3, 2], "−1 is inferred from the other dimensions.");
            string two = Message(() => new Tensor([1, 2, 3, 4], [4]).Reshape(-1, -1));
            Expect.That(two.Contains("Can only specify one unknown dimension with -1", StringComparison.Ordinal), "the one-unknown message", () => two, "at most one −1.");
            string size = Message(() => new Tensor([1, 2, 3, 4, 5, 6], [6]).Reshape(2, 2));
            Expect.That(size.Contains("Total elements must match: 6 ≠ 4", StringComparison.Ordinal), "\"Total elements must match: 6 ≠ 4\"", () => size, "a reshape keeps the element count.");
        }),
        new("Sum, Mean and Max over all elements and over an axis (keepDims, negative axes)", () =>
        {
            var m = new Tensor([1, 2, 3, 4, 5, 6], [2, 3]);
            Expect.Close([m.Sum().Item(), m.Mean().Item(), m.Max().Item()], [21, 3.5, 6], 1e-6, "reductions over everything give a 0-d tensor.");
            Expect.Close(m.Sum(0).ToArray(), [5, 7, 9], 0, "Sum(0) adds down the columns.");
            Tensor rows = m.Max(-1, keepDims: true);
            Expect.Shape(rows, [2, 1], "keepDims leaves a size-1 dimension.");
            Expect.Close(rows.ToArray(), [3, 6], 0, "axis −1 is the last axis.");
        }),
        new("ToString() shows the values and the shape", () =>
        {
            string text = new Tensor([1, 2, 3, 4], [2, 2]).ToString();
            Expect.That(text.Contains("(2, 2)", StringComparison.Ordinal) && text.Contains('4'), "text with the values and (2, 2)", () => text, "print like NumPy, with the shape.");
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

    private static string Message(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return e.Message;
        }

        return "no error";
    }
}
