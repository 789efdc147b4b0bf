using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

/// <summary>Disposing one tensor: its storage is released once, and every later use of its elements says so.</summary>
public class TensorDisposeTests
{
    public static TheoryData<string> Uses =>
    [
        "AsSpan", "Indexer-get", "Indexer-set", "ToArray", "Item", "Size", "NBytes", "Add", "Sum", "Reshape", "ToString",
        "MoveToOuterDisposeScope", "DetachFromDisposeScope", "Functional.ReLU", "Module.Forward",
    ];

    [Theory]
    [MemberData(nameof(Uses))]
    public void UseAfterDispose_ThrowsObjectDisposedNamingTheShape(string use)
    {
        var t = new Tensor(new float[6], [2, 3]);
        t.Dispose();

        var e = Assert.Throws<ObjectDisposedException>(() => Use(t, use));
        Assert.Contains("disposed tensor of shape (2, 3)", e.Message);
    }

    [Fact]
    public void DisposedTensor_StillAnswersItsShapeAndIsDisposed()
    {
        var t = Tensor.Zeros(4, 5);
        Assert.False(t.IsDisposed);
        t.Dispose();

        Assert.True(t.IsDisposed);
        Assert.Equal(new[] { 4, 5 }, t.Shape);
        Assert.Equal(2, t.Rank);
        Assert.Equal("(4, 5)", t.ShapeString);
    }

    [Fact]
    public void DoubleDispose_IsHarmless_AndReturnsTheStorageOnce()
    {
        const int length = 13_331;   // a length no other test uses, so the shared pool's bucket is this test's
        var t = Tensor.Uninitialized([length]);
        float[] storage = t.Data;
        t.Dispose();
        t.Dispose();

        float[] first = TensorStoragePool.Shared.Rent(length);
        float[] second = TensorStoragePool.Shared.Rent(length);
        Assert.Same(storage, first);
        Assert.NotSame(storage, second);
    }

    [Fact]
    public void OutsideAnyScope_ATensorIsNeverDisposedAutomatically()
    {
        var t = new Tensor(new float[] { 1, 2, 3 }, [3]);
        using (Tensor.NewDisposeScope())
        {
        }

        Assert.False(t.IsDisposed);
        Assert.Equal(new float[] { 1, 2, 3 }, t.ToArray());
    }

    [Fact]
    public void EveryFactoryThatAllocates_OwnsItsStorage()
    {
        Assert.True(Tensor.Uninitialized([2]).OwnsStorage);
        Assert.True(new Tensor(new float[] { 1 }, [1]).OwnsStorage);
        Assert.True(new Tensor(new float[,] { { 1 } }).OwnsStorage);
        Assert.True(Tensor.Zeros(3).OwnsStorage);
        Assert.True(Tensor.Scalar(1).OwnsStorage);
    }

    [Fact]
    public void BorrowedStorage_NeverGoesToThePool()
    {
        const int length = 13_337;
        float[] lent = new float[length];
        var t = Tensor.Borrowing(lent, [length]);
        Assert.False(t.OwnsStorage);
        t.Dispose();

        Assert.True(t.IsDisposed);
        Assert.NotSame(lent, TensorStoragePool.Shared.Rent(length));
    }

    private static void Use(Tensor t, string use)
    {
        switch (use)
        {
            case "AsSpan": _ = t.AsSpan(); break;
            case "Indexer-get": _ = t[0, 0]; break;
            case "Indexer-set": t[0, 0] = 1; break;
            case "ToArray": _ = t.ToArray(); break;
            case "Item": _ = t.Item(); break;
            case "Size": _ = t.Size; break;
            case "NBytes": _ = t.NBytes; break;
            case "Add": _ = t + t; break;
            case "Sum": _ = t.Sum(); break;
            case "Reshape": _ = t.Reshape(3, 2); break;
            case "ToString": _ = t.ToString(); break;
            case "MoveToOuterDisposeScope": t.MoveToOuterDisposeScope(); break;
            case "DetachFromDisposeScope": t.DetachFromDisposeScope(); break;
            case "Functional.ReLU": _ = Functional.ReLU(t); break;
            case "Module.Forward": _ = new Sigmoid().Forward(t); break;
            default: throw new ArgumentException(use, nameof(use));
        }
    }

    // FromArray wraps the caller's array: disposing the tensor must not give that array to the pool, where the next
    // output of the same length would overwrite the caller's data.
    [Fact]
    public void FromArray_Disposed_NeverLendsTheCallersArrayToTheNextTensor()
    {
        const int Length = 4096;
        float[] mine = [.. Enumerable.Repeat(7f, Length)];
        using (Tensor.NewDisposeScope())
        {
            _ = Tensor.FromArray(mine, Length);
        }

        var negatives = new Tensor([.. Enumerable.Repeat(-1f, Length)], [Length]);
        for (int i = 0; i < 8; i++)
        {
            using Tensor zeros = Functional.ReLU(negatives);
            Assert.Equal(0f, zeros.AsSpan()[0]);
        }

        Assert.All(mine, v => Assert.Equal(7f, v));
    }
}
