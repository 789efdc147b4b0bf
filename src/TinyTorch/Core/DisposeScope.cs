namespace TinyTorch.Core;

/// <summary>
/// A set of tensors released together: every tensor created on a thread while a scope is that thread's innermost open
/// scope belongs to it, and <see cref="Dispose"/> disposes them all, handing their storage to
/// <see cref="TensorStoragePool"/> for the next tensors of the same sizes. Open one with
/// <see cref="Tensor.NewDisposeScope"/>; the shape of TorchSharp's <c>torch.NewDisposeScope()</c>.
/// </summary>
/// <remarks>
/// <para>
/// Scopes nest: opening a scope makes it the innermost one on the calling thread until it is disposed, when the one
/// that was innermost before it becomes innermost again. Each thread has its own stack: a tensor created on another
/// thread never joins this scope.
/// </para>
/// <para>
/// To keep a result past its scope, call <see cref="Tensor.MoveToOuterDisposeScope"/> (it joins the next scope out,
/// or none) or <see cref="Detach(Tensor)"/> (it joins none). A tensor created outside every scope is never disposed
/// automatically: it is an ordinary garbage-collected object unless disposed by hand.
/// </para>
/// <para>
/// NOTE: disposal is deterministic, not checked at compile time: a span from <see cref="Tensor.AsSpan"/> or a module's
/// saved tensor must not be used after the scope ends. Run a module's Forward and Backward inside the same scope.
/// </para>
/// </remarks>
public sealed class DisposeScope : IDisposable
{
    // Each thread's innermost open scope; the scopes outside it are reached through Outer.
    [ThreadStatic]
    private static DisposeScope? t_innermost;

    // Also the lock: one allocation fewer per scope (a scope per training step or per call is the common use).
    private readonly List<Tensor> _tensors = new(4);
    private int _compactAt = 64;
    private bool _disposed;

    private DisposeScope(DisposeScope? outer) => Outer = outer;

    /// <summary>Whether this scope has been disposed (and with it the tensors it held).</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed);

    /// <summary>The number of live tensors that belong to this scope now.</summary>
    public int Count
    {
        get
        {
            lock (_tensors)
            {
                int live = 0;
                foreach (Tensor t in _tensors)
                {
                    if (ReferenceEquals(t.Scope, this) && !t.IsDisposed)
                    {
                        live++;
                    }
                }

                return live;
            }
        }
    }

    /// <summary>The scope that was innermost on the thread when this one was opened, if any.</summary>
    internal DisposeScope? Outer { get; }

    /// <summary>The calling thread's innermost open scope, or null outside every scope.</summary>
    internal static DisposeScope? Current
    {
        get
        {
            DisposeScope? scope = t_innermost;
            if (scope is not null && scope.IsDisposed)
            {
                // Disposed out of order or from another thread: the first open scope outward is the innermost now.
                scope = FirstOpen(scope);
                t_innermost = scope;
            }

            return scope;
        }
    }

    /// <summary>Takes <paramref name="tensor"/> out of this scope: the scope's end no longer disposes it.</summary>
    /// <param name="tensor">A tensor that belongs to this scope.</param>
    /// <returns><paramref name="tensor"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tensor"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tensor"/> does not belong to this scope.</exception>
    public Tensor Detach(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        lock (_tensors)
        {
            ThrowIfNotMine(tensor, nameof(tensor));
            tensor.Scope = null;
        }

        return tensor;
    }

    /// <summary>Moves <paramref name="tensor"/> to the scope outside this one (or to none): see
    /// <see cref="Tensor.MoveToOuterDisposeScope"/>.</summary>
    /// <param name="tensor">A tensor that belongs to this scope.</param>
    /// <returns><paramref name="tensor"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tensor"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tensor"/> does not belong to this scope.</exception>
    public Tensor MoveToOuter(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        lock (_tensors)
        {
            ThrowIfNotMine(tensor, nameof(tensor));
            tensor.Scope = null;

            // NOTE: locks are only ever taken inner scope first, then outer, so two moves cannot deadlock.
            FirstOpen(Outer)?.Add(tensor);
        }

        return tensor;
    }

    /// <summary>
    /// Disposes every tensor that still belongs to this scope and makes the scope outside it the thread's innermost
    /// again. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        lock (_tensors)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _disposed, true);
            foreach (Tensor t in _tensors)
            {
                if (ReferenceEquals(t.Scope, this))
                {
                    t.Scope = null;
                    t.Dispose();
                }
            }

            _tensors.Clear();
        }

        if (ReferenceEquals(t_innermost, this))
        {
            t_innermost = FirstOpen(Outer);
        }
    }

    /// <summary>Opens a scope as the calling thread's innermost one.</summary>
    internal static DisposeScope Open()
    {
        var scope = new DisposeScope(Current);
        t_innermost = scope;
        return scope;
    }

    /// <summary>Makes <paramref name="tensor"/> belong to this scope; into a scope already disposed, to none.</summary>
    internal void Add(Tensor tensor)
    {
        lock (_tensors)
        {
            if (_disposed)
            {
                tensor.Scope = null;
                return;
            }

            // A long-lived scope whose tensors are disposed by hand (or moved out) would otherwise keep every Tensor
            // object it ever saw: drop those now and then, at amortized O(1) per add.
            if (_tensors.Count >= _compactAt)
            {
                _tensors.RemoveAll(t => !ReferenceEquals(t.Scope, this) || t.IsDisposed);
                _compactAt = Math.Max(64, 2 * _tensors.Count);
            }

            tensor.Scope = this;
            _tensors.Add(tensor);
        }
    }

    private static DisposeScope? FirstOpen(DisposeScope? scope)
    {
        while (scope is not null && scope.IsDisposed)
        {
            scope = scope.Outer;
        }

        return scope;
    }

    private void ThrowIfNotMine(Tensor tensor, string paramName)
    {
        if (!ReferenceEquals(tensor.Scope, this))
        {
            string where = tensor.Scope is null ? "no dispose scope" : "another dispose scope";
            throw new ArgumentException(
                $"The tensor of shape {tensor.ShapeString} belongs to {where}, not to this one.", paramName);
        }
    }
}
