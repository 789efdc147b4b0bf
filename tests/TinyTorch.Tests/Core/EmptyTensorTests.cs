using TinyTorch.Core;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Core;

/// <summary>
/// Tensors with a 0 among huge dims: valid whatever the order of the dims (as torch.empty(65536, 65536, 0) is),
/// and every operation on them works without overflowing a stride or a count.
/// </summary>
public class EmptyTensorTests
{
    public static TheoryData<int[]> Shapes =>
    [
        [65536, 65536, 0],
        [0, 65536, 65536],
        [65536, 0, 65536],
        [0, 65536, 32768],
        [65536, 32768, 0],
    ];

    public static TheoryData<string> Activations => ["ReLU", "Sigmoid", "Tanh", "GELU", "GELU-Tanh", "GELU-None", "Softmax", "Softmax-dim0"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Creation_AcceptsTheShapeInAnyOrder(int[] shape)
    {
        foreach (Tensor t in new[] { Tensor.Zeros(shape), Tensor.Full(shape, 2f), new Tensor([], shape) })
        {
            Assert.Equal(shape, t.Shape);
            Assert.Equal(0, t.Size);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryActivation_ForwardAndBackward_GivesAnEmptyTensorOfTheShape(int[] shape)
    {
        foreach (string name in Activations)
        {
            IActivation module = ActivationModules.Make(name);
            Tensor y = module.Forward(Tensor.Zeros(shape));
            Tensor dx = module.Backward(Tensor.Zeros(shape));
            Assert.Equal(shape, y.Shape);
            Assert.Equal(shape, dx.Shape);
        }

        Tensor x = Tensor.Zeros(shape);
        Assert.Same(x, Functional.ReLUInPlace(x));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Softmax_OverEachDim_ForwardAndBackward(int[] shape)
    {
        for (int dim = -shape.Length; dim < shape.Length; dim++)
        {
            Tensor y = Functional.Softmax(Tensor.Zeros(shape), dim);
            Assert.Equal(shape, y.Shape);
            Assert.Equal(shape, Functional.SoftmaxBackward(Tensor.Zeros(shape), y, dim).Shape);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Reductions_OverEachDim_GiveTheirShapeOrSayTheResultIsTooLarge(int[] shape)
    {
        Tensor x = Tensor.Zeros(shape);
        Assert.Equal(0f, x.Sum().Item());
        Assert.True(float.IsNaN(x.Mean().Item()));
        for (int dim = 0; dim < shape.Length; dim++)
        {
            int[] kept = [.. shape.Where((_, d) => d != dim)];
            if (kept.Aggregate(1L, (a, b) => a * b) > Array.MaxLength)
            {
                // e.g. (65536, 65536, 0) summed over its 0: PyTorch would return 2^32 zeros; one array cannot hold them.
                var e = Assert.Throws<ArgumentException>(() => x.Sum(dim));
                Assert.Contains("more elements than one array can hold", e.Message);
                continue;
            }

            Assert.Equal(kept, x.Sum(dim).Shape);
            Assert.Equal(kept, x.Mean(dim).Shape);
            if (shape[dim] == 0)
            {
                Assert.Throws<InvalidOperationException>(() => x.Max(dim));   // PyTorch: "Expected reduction dim to have non-zero size"
            }
            else
            {
                Assert.Equal(kept, x.Max(dim).Shape);
            }
        }
    }

    [Fact]
    public void Max_OverNonEmptyDimsWhoseProductPassesLongsRange_IsEmpty()
    {
        // The reduced count, 2^64, once wrapped to 0 in long arithmetic, and Max called the selection empty.
        Tensor x = Tensor.Zeros(0, 65536, 65536, 65536, 65536);
        Assert.Equal(new[] { 0 }, x.Max([1, 2, 3, 4]).Shape);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ShapeOperations_Arithmetic_AndPrinting_Work(int[] shape)
    {
        Tensor x = Tensor.Zeros(shape);
        Assert.Equal(new[] { 0 }, x.Reshape(-1).Shape);
        Assert.Equal(new[] { shape[2], shape[1], shape[0] }, x.Reshape(shape).Transpose(0, 2).Shape);
        Assert.Equal(shape, (x + x).Shape);
        Assert.Equal(shape, (x * 2f).Shape);
        Assert.Equal($"Tensor([], shape=({string.Join(", ", shape)}))", x.ToString());
    }
}
