using System.Collections.Concurrent;
using TinyTorch.Core;

namespace TinyTorch.Tests.Core;

/// <summary>
/// The pool hands a disposed tensor's storage to the next tensor of its length, keeps no more than its bound, and never
/// hands out an array a live tensor still uses, whatever the dispose order and threads.
/// </summary>
public class TensorStoragePoolTests
{
    [Fact]
    public void DisposedStorage_IsHandedToTheNextTensorOfThatLength_InsideOrOutsideAScope()
    {
        const int length = 12_347;   // a length no other test uses, so the shared bucket is this test's
        float[] first;
        using (Tensor.NewDisposeScope())
        {
            first = Tensor.Uninitialized([length]).Data;
        }

        var outside = Tensor.Uninitialized([length]);
        Assert.Same(first, outside.Data);
        Assert.Equal(length, outside.Size);
        outside.Dispose();

        using (Tensor.NewDisposeScope())
        {
            var y = new ReLU().Forward(Tensor.Zeros(1, length));   // an operation's output takes it
            Assert.Same(first, y.Data);
        }
    }

    [Fact]
    public void ArraysReturnedOnAnotherThread_AreHandedOutHereToo()
    {
        var pool = new TensorStoragePool(1 << 24);
        var arrays = Enumerable.Range(0, 6).Select(_ => new float[3000]).ToArray();
        RunOnThreads(1, _ => Array.ForEach(arrays, pool.Return));   // 4 in that thread's cache, 2 shared

        Assert.Equal(6 * 3000 * sizeof(float), pool.RetainedBytes);
        Assert.Contains(pool.Rent(3000), arrays);
        pool.Trim();   // empties the other thread's cache too
        Assert.Equal(0, pool.RetainedBytes);
    }

    [Fact]
    public void Rent_OfAnotherLength_NeverGetsTheArray_LengthsAreExact()
    {
        var pool = new TensorStoragePool(1 << 20);
        var a = new float[2048];
        pool.Return(a);

        float[] other = pool.Rent(2047);
        Assert.Equal(2047, other.Length);
        Assert.NotSame(a, other);
        Assert.Same(a, pool.Rent(2048));
    }

    [Fact]
    public void SmallArrays_AreNotKept()
    {
        var pool = new TensorStoragePool(1 << 20);
        var small = new float[TensorStoragePool.MinPooledLength - 1];
        pool.Return(small);

        Assert.Equal(0, pool.RetainedBytes);
        Assert.NotSame(small, pool.Rent(small.Length));
    }

    [Fact]
    public void ThePool_KeepsNoMoreThanItsBound()
    {
        var pool = new TensorStoragePool(3 * 4096 * sizeof(float));
        var arrays = Enumerable.Range(0, 5).Select(_ => new float[4096]).ToArray();
        foreach (float[] a in arrays)
        {
            pool.Return(a);
        }

        Assert.Equal(3 * 4096 * sizeof(float), pool.RetainedBytes);
        var rented = Enumerable.Range(0, 5).Select(_ => pool.Rent(4096)).ToArray();
        Assert.Equal(3, rented.Count(r => arrays.Contains(r)));
        Assert.Equal(0, pool.RetainedBytes);
    }

    [Fact]
    public void LoweringTheBound_AndTrim_DropWhatIsKept()
    {
        var pool = new TensorStoragePool(1 << 20);
        pool.Return(new float[4096]);
        pool.Return(new float[8192]);
        Assert.Equal((4096 + 8192) * sizeof(float), pool.RetainedBytes);

        pool.MaxRetainedBytes = 1024;
        Assert.Equal(0, pool.RetainedBytes);

        pool.MaxRetainedBytes = 1 << 20;
        pool.Return(new float[4096]);
        pool.Trim();
        Assert.Equal(0, pool.RetainedBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.MaxRetainedBytes = -1);
    }

    [Fact]
    public void AfterAGen2Collection_LengthsLeftIdleSinceThePreviousOneAreDropped()
    {
        var pool = new TensorStoragePool(1 << 20);
        pool.Return(new float[4096]);
        // Called by hand (the pool's own callback may run too): by the third call, an interval between two gen-2
        // collections has passed in which nobody asked for length 4096.
        pool.OnGen2Collection();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        pool.OnGen2Collection();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        pool.OnGen2Collection();

        Assert.Equal(0, pool.RetainedBytes);
    }

    [Fact]
    public void AGen2Collection_MovesAThreadsCachedArraysToTheSharedBuckets_StillHandedOut()
    {
        var pool = new TensorStoragePool(1 << 24);
        var array = new float[4096];
        pool.Return(array);   // into this thread's cache
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        pool.OnGen2Collection();   // by hand, in case the pool's own callback has not run yet

        Assert.Equal(4096 * sizeof(float), pool.RetainedBytes);
        float[]? fromAnotherThread = null;
        RunOnThreads(1, _ => fromAnotherThread = pool.Rent(4096));
        Assert.Same(array, fromAnotherThread);
    }

    [Fact]
    public void RandomDisposeOrdersOnSeveralThreads_NoLiveTensorIsEverClobbered()
    {
        // Each tensor is filled with its own tag; whenever any thread disposes one, all its live tensors are checked
        // and a quarter of them are handed to another thread to dispose. A pooled array handed to two live tensors
        // would show up as a tag overwritten by another tensor's.
        const int threads = 4;
        const int steps = 3000;
        int[] lengths = [1024, 1536, 4096, 5000];
        var handedOver = new ConcurrentQueue<(Tensor Tensor, float Tag)>();
        var survivors = new ConcurrentBag<(Tensor Tensor, float Tag)>();
        var failures = new ConcurrentQueue<string>();

        void Run(int thread)
        {
            var random = new Random(thread);
            var live = new List<(Tensor Tensor, float Tag)>();
            DisposeScope? scope = null;
            var scoped = new List<(Tensor Tensor, float Tag)>();
            for (int step = 0; step < steps; step++)
            {
                float tag = (thread * 1_000_000) + step;
                int action = random.Next(10);
                if (action < 5 || live.Count == 0)
                {
                    var t = Tensor.Uninitialized([lengths[random.Next(lengths.Length)]]);
                    t.AsSpan().Fill(tag);
                    (scope is null ? live : scoped).Add((t, tag));
                }
                else if (action < 7)
                {
                    int i = random.Next(live.Count);
                    var (t, _) = live[i];
                    live.RemoveAt(i);
                    t.Dispose();
                    if (random.Next(8) == 0)
                    {
                        t.Dispose();   // a second dispose must not return the storage twice
                    }
                }
                else if (action < 8)
                {
                    int i = random.Next(live.Count);
                    handedOver.Enqueue(live[i]);   // another thread disposes it
                    live.RemoveAt(i);
                }
                else if (action < 9 && handedOver.TryDequeue(out var other))
                {
                    Check(other, failures);
                    other.Tensor.Dispose();
                }
                else if (scope is null)
                {
                    scope = Tensor.NewDisposeScope();
                }
                else
                {
                    scoped.ForEach(s => Check(s, failures));
                    scope.Dispose();
                    scoped.ForEach(s => { if (!s.Tensor.IsDisposed) { failures.Enqueue("scope left a tensor alive"); } });
                    scoped.Clear();
                    scope = null;
                }

                foreach (var l in live)
                {
                    Check(l, failures);
                }
            }

            scope?.Dispose();
            live.ForEach(survivors.Add);
        }

        RunOnThreads(threads, Run);

        Assert.Empty(failures);
        Assert.All(survivors, s => Check(s, failures));
        Assert.Empty(failures);
        var arrays = new HashSet<float[]>(survivors.Select(s => s.Tensor.Data), ReferenceEqualityComparer.Instance);
        Assert.Equal(survivors.Count, arrays.Count);
    }

    [Fact]
    public void TwoThreadsDisposingTheSameTensors_ReturnEachArrayOnce()
    {
        var pool = TensorStoragePool.Shared;
        const int length = 11_113;   // this test's own bucket
        var tensors = Enumerable.Range(0, 200).Select(_ => Tensor.Uninitialized([length])).ToArray();
        var storage = tensors.Select(t => t.Data).ToArray();
        using var barrier = new Barrier(2);
        void DisposeAll()
        {
            barrier.SignalAndWait();
            foreach (Tensor t in tensors)
            {
                t.Dispose();
            }
        }

        RunOnThreads(2, _ => DisposeAll());

        // Each disposing thread keeps up to 4 arrays in its own cache (gone with the thread); the rest are shared.
        var rented = Enumerable.Range(0, 400).Select(_ => pool.Rent(length)).ToArray();
        var distinct = new HashSet<float[]>(rented, ReferenceEqualityComparer.Instance);
        Assert.Equal(400, distinct.Count);
        Assert.InRange(rented.Count(r => storage.Contains(r)), 200 - 8, 200);
    }

    private static void RunOnThreads(int count, Action<int> body)
    {
        // NOTE: an exception escaping a thread would end the test host; keep it for the assertion instead.
        var errors = new ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                body(i);
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
        Assert.Empty(errors);
    }

    private static void Check((Tensor Tensor, float Tag) entry, ConcurrentQueue<string> failures)
    {
        foreach (float v in entry.Tensor.AsSpan())
        {
            if (v != entry.Tag)
            {
                failures.Enqueue($"a live tensor tagged {entry.Tag} holds {v}");
                return;
            }
        }
    }
}
