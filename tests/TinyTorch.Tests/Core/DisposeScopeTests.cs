using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

/// <summary>Which tensors a scope owns, when it disposes them, and how one escapes.</summary>
public class DisposeScopeTests
{
    [Fact]
    public void Dispose_DisposesEveryTensorCreatedInside_AndNothingCreatedBefore()
    {
        var before = Tensor.Ones(3);
        Tensor a, b, c;
        using (Tensor.NewDisposeScope())
        {
            a = Tensor.Ones(3);
            b = a * 2f;
            c = new Sigmoid().Forward(b);
            Assert.False(a.IsDisposed || b.IsDisposed || c.IsDisposed);
        }

        Assert.True(a.IsDisposed && b.IsDisposed && c.IsDisposed);
        Assert.False(before.IsDisposed);
    }

    [Fact]
    public void NestedScopes_TheInnerOwnsItsTensors_TheOuterOwnsTheRest()
    {
        using var outer = Tensor.NewDisposeScope();
        var x = Tensor.Ones(2);
        Tensor inner;
        using (var scope = Tensor.NewDisposeScope())
        {
            inner = x + x;
            Assert.Equal(1, scope.Count);
        }

        Assert.True(inner.IsDisposed);
        Assert.False(x.IsDisposed);
        var after = x + x;   // the outer scope is innermost again
        Assert.Equal(2, outer.Count);
        outer.Dispose();
        Assert.True(x.IsDisposed && after.IsDisposed);
    }

    [Fact]
    public void MoveToOuterDisposeScope_KeepsTheTensorUntilTheOuterScopeEnds()
    {
        Tensor kept;
        using (var outer = Tensor.NewDisposeScope())
        {
            using (Tensor.NewDisposeScope())
            {
                kept = Tensor.Full([2], 7f).MoveToOuterDisposeScope();
            }

            Assert.False(kept.IsDisposed);
            Assert.Equal(new float[] { 7, 7 }, kept.ToArray());
            Assert.Equal(1, outer.Count);
        }

        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void MoveToOuterDisposeScope_FromTheOutermostScope_LeavesTheTensorInNone()
    {
        Tensor kept;
        using (Tensor.NewDisposeScope())
        {
            kept = Tensor.Ones(2).MoveToOuterDisposeScope();
        }

        Assert.False(kept.IsDisposed);
        Assert.Same(kept, kept.MoveToOuterDisposeScope());   // no scope: nothing to move out of
    }

    [Fact]
    public void Detach_TakesTheTensorOutOfEveryScope()
    {
        Tensor kept;
        using (Tensor.NewDisposeScope())
        {
            using (var scope = Tensor.NewDisposeScope())
            {
                kept = scope.Detach(Tensor.Ones(2));
                Assert.Equal(0, scope.Count);
            }
        }

        Assert.False(kept.IsDisposed);
        Assert.Equal(new float[] { 1, 1 }, kept.ToArray());
    }

    [Fact]
    public void DetachFromDisposeScope_OnTheTensor_IsTheSameAsScopeDetach()
    {
        Tensor kept;
        using (Tensor.NewDisposeScope())
        {
            kept = Tensor.Ones(2).DetachFromDisposeScope();
        }

        Assert.False(kept.IsDisposed);
    }

    [Fact]
    public void Detach_OfATensorFromAnotherScope_ThrowsNamingItsShape()
    {
        using var outer = Tensor.NewDisposeScope();
        var x = Tensor.Zeros(2, 2);
        using var inner = Tensor.NewDisposeScope();

        var e = Assert.Throws<ArgumentException>(() => inner.Detach(x));
        Assert.Equal("tensor", e.ParamName);
        Assert.Contains("(2, 2)", e.Message);
        Assert.Contains("another dispose scope", e.Message);
        Assert.Throws<ArgumentNullException>(() => inner.Detach(null!));
    }

    [Fact]
    public void TensorDisposedByHand_ThenTheScopeEnds_IsHarmless()
    {
        var scope = Tensor.NewDisposeScope();
        var t = Tensor.Ones(2);
        t.Dispose();
        Assert.Equal(0, scope.Count);
        scope.Dispose();
        scope.Dispose();
        Assert.True(scope.IsDisposed);
    }

    [Fact]
    public void ScopesDisposedOutOfOrder_NewTensorsJoinTheFirstOpenScopeOutward()
    {
        using var outer = Tensor.NewDisposeScope();
        var middle = Tensor.NewDisposeScope();
        var inner = Tensor.NewDisposeScope();
        middle.Dispose();   // not the innermost: inner is still open
        var inInner = Tensor.Ones(1);
        inner.Dispose();

        var t = Tensor.Ones(1);
        Assert.True(inInner.IsDisposed);
        Assert.Equal(1, outer.Count);
        outer.Dispose();
        Assert.True(t.IsDisposed);
    }

    [Fact]
    public void Scopes_ArePerThread_ATensorMadeOnAnotherThreadDoesNotJoin()
    {
        Tensor other;
        using (var scope = Tensor.NewDisposeScope())
        {
            Tensor? made = null;
            var thread = new Thread(() => made = Tensor.Ones(2));
            thread.Start();
            thread.Join();
            other = made!;
            Assert.Equal(0, scope.Count);
        }

        Assert.False(other.IsDisposed);
    }

    [Fact]
    public void ScopesOnSeveralThreads_EachDisposesOnlyItsOwn()
    {
        const int threads = 4;
        using var barrier = new Barrier(threads);
        var results = new (Tensor Mine, int Count, bool DisposedAtEnd)[threads];
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(
            () =>
            {
                using var scope = Tensor.NewDisposeScope();
                var mine = Tensor.Full([4], i);
                barrier.SignalAndWait();   // every thread's scope is open at once
                int count = scope.Count;
                barrier.SignalAndWait();
                scope.Dispose();
                barrier.SignalAndWait();
                results[i] = (mine, count, mine.IsDisposed);
            })).ToArray();
        Array.ForEach(workers, w => w.Start());
        Array.ForEach(workers, w => w.Join());

        Assert.All(results, r => Assert.Equal(1, r.Count));
        Assert.All(results, r => Assert.True(r.DisposedAtEnd));
    }

    [Fact]
    public void ModuleCreatedInAScope_KeepsItsParametersAfterwards()
    {
        PReLU prelu;
        using (Tensor.NewDisposeScope())
        {
            prelu = new PReLU(2);
            var x = new Tensor(new float[] { -1, 2, -3, 4 }, [2, 2]);
            prelu.Forward(x);
            prelu.Backward(Tensor.OnesLike(x));
        }

        Assert.False(prelu.Weight.IsDisposed);
        Assert.False(prelu.Weight.Grad!.IsDisposed);
        Assert.Equal(new float[] { -4, 0 }, prelu.Weight.Grad.ToArray());
    }
}
