using System.Collections.Concurrent;

namespace TinyTorch.Core;

/// <summary>
/// Where the storage of disposed tensors waits for the next tensor of the same size: an output of 262 144 floats
/// (1 MiB) is a fresh large-object-heap array without it, and a stream of those means gen-2 collections and pages
/// faulted back in; with it, a tensor created in a loop inside a <see cref="DisposeScope"/> reuses last iteration's array.
/// </summary>
/// <remarks>
/// <para>
/// Buckets hold arrays of one exact length each (not power-of-two size classes), so a tensor's storage is always
/// exactly its element count long and every <c>Length</c> in the library stays the tensor's size. Arrays shorter than
/// <see cref="MinPooledLength"/> are never kept: a small gen-0 allocation is cheaper than a trip through a bucket.
/// </para>
/// <para>
/// Storage enters the pool only when a tensor that owns it is disposed (by hand or by its scope); a tensor that is
/// never disposed is collected as always. The next tensor allocated without initialization (every operation's output)
/// takes a pooled array of its length if there is one, inside or outside a scope. Pooled arrays hold stale data:
/// they are handed only to callers that overwrite every element.
/// </para>
/// <para>
/// Bounded: the pool keeps at most <see cref="MaxRetainedBytes"/>; an array that would exceed it is left to the
/// garbage collector. Trimmed: after each gen-2 collection (noticed by a finalizer that re-registers itself, the
/// runtime's own <c>ArrayPool</c> trick) the pool moves the threads' small caches to the shared buckets and drops the
/// lengths nobody asked for since the previous gen-2 collection; it drops everything when the memory load is within
/// 10 % of the GC's high-load threshold. A <c>GC.RegisterForFullGCNotification</c> thread would be heavier and needs
/// concurrent GC off.
/// </para>
/// <para>
/// Thread-safe: each thread first looks in its own cache of the last <c>ThreadSlots</c> (4) arrays it returned, whose
/// slots are taken by compare-and-swap; then in the shared buckets, each a small stack under its own lock. Either way
/// an array is handed out at most once. Arrays cached by a thread count toward the bound, are dropped by
/// <see cref="Trim"/>, and move to the shared buckets after every gen-2 collection; only that thread takes from its cache.
/// </para>
/// </remarks>
public sealed class TensorStoragePool
{
    /// <summary>The shortest array the pool keeps, in elements (4 KiB).</summary>
    public const int MinPooledLength = 1024;

    private const long DefaultCapBytes = 512L << 20;

    // Each thread's last few returned arrays, reached without a lock: a loop that creates and disposes the same
    // tensors each step finds them here. Slots are taken and filled with compare-and-swap so that Trim, on another
    // thread, can empty them safely.
    private const int ThreadSlots = 4;

    private readonly ThreadLocal<float[]?[]> _threadCaches = new(() => new float[]?[ThreadSlots], trackAllValues: true);
    private readonly ConcurrentDictionary<int, Bucket> _buckets = new();
    private long _retainedBytes;
    private long _maxRetainedBytes;
    private int _callbackInstalled;

    // GC.CollectionCount(2) at the last gen-2 callback: buckets remember it when used, so the next callback knows
    // which lengths sat idle through a whole interval between gen-2 collections.
    private int _epoch;

    /// <summary>Creates an empty pool that keeps at most <paramref name="maxRetainedBytes"/> bytes.</summary>
    /// <param name="maxRetainedBytes">The bound, in bytes; 0 keeps nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRetainedBytes"/> is negative.</exception>
    public TensorStoragePool(long maxRetainedBytes)
    {
        MaxRetainedBytes = maxRetainedBytes;
    }

    /// <summary>
    /// The pool every tensor uses: bounded by default to 512 MiB or an eighth of the memory available to the
    /// process, whichever is less.
    /// </summary>
    public static TensorStoragePool Shared { get; } = new(DefaultMaxRetainedBytes());

    /// <summary>The most bytes the pool keeps. Lowering it drops the pooled arrays now.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long MaxRetainedBytes
    {
        get => Interlocked.Read(ref _maxRetainedBytes);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(value));
            long old = Interlocked.Exchange(ref _maxRetainedBytes, value);
            if (value < old)
            {
                Trim();
            }
        }
    }

    /// <summary>The bytes the pool holds now.</summary>
    public long RetainedBytes => Interlocked.Read(ref _retainedBytes);

    /// <summary>Drops every pooled array, leaving it to the garbage collector.</summary>
    public void Trim()
    {
        FlushThreadCaches(keep: false);
        foreach (Bucket bucket in _buckets.Values)
        {
            Drop(bucket);
        }
    }

    /// <summary>An array of exactly <paramref name="length"/> elements with unspecified contents: a pooled one if
    /// there is one, else a new one.</summary>
    internal float[] Rent(int length)
    {
        if (length < MinPooledLength)
        {
            return GC.AllocateUninitializedArray<float>(length);
        }

        float[]?[] cache = _threadCaches.Value!;
        for (int i = 0; i < cache.Length; i++)
        {
            float[]? cached = cache[i];
            if (cached is not null && cached.Length == length && Interlocked.CompareExchange(ref cache[i], null, cached) == cached)
            {
                Interlocked.Add(ref _retainedBytes, -BytesOf(cached));
                return cached;
            }
        }

        if (_buckets.TryGetValue(length, out Bucket? bucket))
        {
            float[]? array = bucket.TryPop(_epoch);
            if (array is not null)
            {
                Interlocked.Add(ref _retainedBytes, -BytesOf(array));
                return array;
            }
        }

        return GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>Takes back an array that no one uses any more; keeps it unless it is small or the pool is full.</summary>
    /// <remarks>NOTE: the caller guarantees nothing else references <paramref name="array"/>: a pooled array still in
    /// use would be handed to a second tensor. <see cref="Tensor.Dispose"/> guarantees it with one atomic swap.</remarks>
    internal void Return(float[] array)
    {
        if (array.Length < MinPooledLength)
        {
            return;
        }

        long bytes = BytesOf(array);
        if (Interlocked.Add(ref _retainedBytes, bytes) > MaxRetainedBytes)
        {
            Interlocked.Add(ref _retainedBytes, -bytes);
            return;
        }

        if (!TryCacheOnThisThread(array))
        {
            _buckets.GetOrAdd(array.Length, static _ => new Bucket()).Push(array, _epoch);
        }

        if (_callbackInstalled == 0 && Interlocked.Exchange(ref _callbackInstalled, 1) == 0)
        {
            Gen2Callback.Start(this);
        }
    }

    /// <summary>Run after a gen-2 collection: drops idle lengths, or everything under memory pressure.</summary>
    internal void OnGen2Collection()
    {
        int previous = _epoch;
        int now = GC.CollectionCount(2);
        if (now == previous)
        {
            return;   // the callback object was still young: this was a gen-0 or gen-1 collection
        }

        GCMemoryInfo info = GC.GetGCMemoryInfo();
        bool pressure = info.HighMemoryLoadThresholdBytes > 0
            && info.MemoryLoadBytes >= info.HighMemoryLoadThresholdBytes * 9 / 10;
        // The threads' caches carry no age: at every gen-2 collection their arrays move to the shared buckets, where
        // they age like the rest (an idle thread's arrays are dropped one collection later) and any thread finds them.
        FlushThreadCaches(keep: !pressure);
        foreach (Bucket bucket in _buckets.Values)
        {
            if (pressure || bucket.LastUsed < previous)
            {
                Drop(bucket);
            }
        }

        _epoch = now;
    }

    private static long BytesOf(float[] array) => (long)array.Length * sizeof(float);

    private static long DefaultMaxRetainedBytes()
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return available > 0 ? Math.Min(DefaultCapBytes, available / 8) : DefaultCapBytes;
    }

    private bool TryCacheOnThisThread(float[] array)
    {
        float[]?[] cache = _threadCaches.Value!;
        for (int i = 0; i < cache.Length; i++)
        {
            if (cache[i] is null && Interlocked.CompareExchange(ref cache[i], array, null) is null)
            {
                return true;
            }
        }

        return false;
    }

    private void FlushThreadCaches(bool keep)
    {
        foreach (float[]?[] cache in _threadCaches.Values)
        {
            for (int i = 0; i < cache.Length; i++)
            {
                if (Interlocked.Exchange(ref cache[i], null) is not float[] array)
                {
                    continue;
                }

                if (keep)
                {
                    _buckets.GetOrAdd(array.Length, static _ => new Bucket()).Push(array, _epoch);
                }
                else
                {
                    Interlocked.Add(ref _retainedBytes, -BytesOf(array));
                }
            }
        }
    }

    private void Drop(Bucket bucket)
    {
        long freed = bucket.Clear();
        if (freed != 0)
        {
            Interlocked.Add(ref _retainedBytes, -freed);
        }
    }

    /// <summary>The pooled arrays of one length: a stack under a lock.</summary>
    private sealed class Bucket
    {
        private readonly Lock _lock = new();
        private float[]?[] _items = new float[4][];
        private int _count;

        public int LastUsed { get; private set; }

        public float[]? TryPop(int epoch)
        {
            lock (_lock)
            {
                LastUsed = epoch;
                if (_count == 0)
                {
                    return null;
                }

                float[]? array = _items[--_count];
                _items[_count] = null;
                return array;
            }
        }

        public void Push(float[] array, int epoch)
        {
            lock (_lock)
            {
                LastUsed = epoch;
                if (_count == _items.Length)
                {
                    Array.Resize(ref _items, _items.Length * 2);
                }

                _items[_count++] = array;
            }
        }

        public long Clear()
        {
            lock (_lock)
            {
                long bytes = 0;
                for (int i = 0; i < _count; i++)
                {
                    bytes += BytesOf(_items[i]!);
                    _items[i] = null;
                }

                _count = 0;
                return bytes;
            }
        }
    }

    /// <summary>
    /// An object nobody references whose finalizer re-registers itself: once promoted to gen 2 it runs after each gen-2
    /// collection. It holds the pool weakly, so a pool made for a test can still be collected.
    /// </summary>
    private sealed class Gen2Callback
    {
        private readonly WeakReference<TensorStoragePool> _pool;

        private Gen2Callback(TensorStoragePool pool) => _pool = new WeakReference<TensorStoragePool>(pool);

        ~Gen2Callback()
        {
            if (Environment.HasShutdownStarted || !_pool.TryGetTarget(out TensorStoragePool? pool))
            {
                return;
            }

            pool.OnGen2Collection();
            GC.ReRegisterForFinalize(this);
        }

        public static void Start(TensorStoragePool pool) => _ = new Gen2Callback(pool);
    }
}
