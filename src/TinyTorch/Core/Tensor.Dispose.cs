using System.Diagnostics.CodeAnalysis;

namespace TinyTorch.Core;

/// <content>Deterministic release of storage: <see cref="IDisposable"/>, dispose scopes and the storage pool.</content>
public sealed partial class Tensor : IDisposable
{
    // Null once disposed. Every read of the elements goes through _data, which checks it.
    private float[]? _storage;

    // Whether _storage was allocated for this tensor alone (a factory's fresh or pooled array, a copy): only such
    // storage may go to the pool. Memory a caller lends (a wrapped array, shared interop memory) never does.
    private bool _ownsStorage;

    // The dispose scope this tensor belongs to, if any; guarded by that scope's lock.
    private DisposeScope? _scope;

    /// <summary>Whether <see cref="Dispose"/> has run (directly or through the tensor's <see cref="DisposeScope"/>).</summary>
    /// <remarks>A disposed tensor still answers <see cref="Shape"/>, <see cref="Rank"/>, <see cref="ShapeString"/> and
    /// this property; everything that touches its elements throws <see cref="ObjectDisposedException"/>.</remarks>
    public bool IsDisposed => Volatile.Read(ref _storage) is null;

    /// <summary>The storage, for every member that reads or writes elements; throws once the tensor is disposed.</summary>
    // NOTE: a property named like a field on purpose: the partial files (arithmetic, shape, reductions, …) read _data
    // everywhere, and each of those reads must see the disposed check.
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Keeps every existing _data read checked.")]
    private float[] _data => _storage ?? ThrowDisposed();

    /// <summary>
    /// Opens a dispose scope on the calling thread: every tensor created on this thread while it is the innermost open
    /// scope belongs to it, and <see cref="DisposeScope.Dispose"/> disposes them all (TorchSharp's
    /// <c>torch.NewDisposeScope()</c>).
    /// </summary>
    /// <returns>The new scope, now the innermost one on this thread; dispose it with <c>using</c>.</returns>
    /// <remarks>Scopes nest. Keep a result past the scope with <see cref="MoveToOuterDisposeScope"/> or
    /// <see cref="DisposeScope.Detach(Tensor)"/>.</remarks>
    public static DisposeScope NewDisposeScope() => DisposeScope.Open();

    /// <summary>
    /// Releases the tensor's storage now: storage the tensor owns goes back to <see cref="TensorStoragePool.Shared"/>
    /// for the next tensor of the same size. Calling it again does nothing.
    /// </summary>
    /// <remarks>
    /// NOTE: after this, any use of the elements throws <see cref="ObjectDisposedException"/>, but a span taken earlier
    /// with <see cref="AsSpan"/> does not know: it must not be used past this point, since the storage may already be
    /// another tensor's (as with <see cref="System.Buffers.ArrayPool{T}"/>). Disposing a tensor that another thread is
    /// still computing with is the same mistake.
    /// </remarks>
    public void Dispose()
    {
        // NOTE: one atomic swap, so two threads disposing the same tensor return its storage once, never twice (a
        // double return would hand one array to two live tensors).
        float[]? storage = Interlocked.Exchange(ref _storage, null);
        if (storage is not null && _ownsStorage)
        {
            TensorStoragePool.Shared.Return(storage);
        }
    }

    /// <summary>
    /// Moves this tensor from its dispose scope to the scope that was innermost when that one was opened, so it
    /// outlives its scope; with no open outer scope it belongs to none and is never disposed automatically.
    /// A tensor that belongs to no scope is left alone.
    /// </summary>
    /// <returns>This tensor, for chaining: <c>return relu.Forward(x).MoveToOuterDisposeScope();</c>.</returns>
    /// <exception cref="ObjectDisposedException">The tensor has been disposed.</exception>
    public Tensor MoveToOuterDisposeScope()
    {
        ThrowIfDisposed();
        DisposeScope? scope = Volatile.Read(ref _scope);
        scope?.MoveToOuter(this);
        return this;
    }

    /// <summary>Takes this tensor out of its dispose scope: it is no longer disposed automatically.</summary>
    /// <returns>This tensor.</returns>
    /// <exception cref="ObjectDisposedException">The tensor has been disposed.</exception>
    public Tensor DetachFromDisposeScope()
    {
        ThrowIfDisposed();
        DisposeScope? scope = Volatile.Read(ref _scope);
        scope?.Detach(this);
        return this;
    }

    /// <summary>
    /// A tensor over <paramref name="data"/> that does not own it: disposing the tensor never hands the array to the
    /// pool. For wrapping memory that a caller lends (no-copy interop).
    /// </summary>
    internal static Tensor Borrowing(float[] data, int[] shape) => new(data, shape, ownsStorage: false);

    /// <summary>Whether this tensor may hand its storage to the pool when disposed (tests check the flag).</summary>
    internal bool OwnsStorage => _ownsStorage;

    /// <summary>The scope this tensor belongs to now, if any.</summary>
    internal DisposeScope? Scope
    {
        get => Volatile.Read(ref _scope);
        set => Volatile.Write(ref _scope, value);
    }

    /// <summary>
    /// For a module's Backward: throws the message that says Forward and Backward must share a scope when the tensor
    /// that Forward saved has been disposed since.
    /// </summary>
    /// <param name="activation">The module's name.</param>
    internal void ThrowIfSavedDisposed(string activation)
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(
                nameof(Tensor),
                $"{activation}.Backward needs the tensor of shape {ShapeString} that Forward saved, but it has been disposed "
                + "(its dispose scope ended, or it was disposed by hand). Forward and Backward must run in the same dispose "
                + "scope: open the scope before Forward and dispose it after Backward.");
        }
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming the shape if the tensor has been disposed.</summary>
    internal void ThrowIfDisposed()
    {
        if (IsDisposed)
        {
            ThrowDisposed();
        }
    }

    // Called last by every constructor: records ownership and joins the calling thread's innermost scope, if any.
    private void Track(bool ownsStorage)
    {
        _ownsStorage = ownsStorage;
        DisposeScope.Current?.Add(this);
    }

    [DoesNotReturn]
    private float[] ThrowDisposed() =>
        throw new ObjectDisposedException(
            nameof(Tensor),
            $"Cannot use a disposed tensor of shape {ShapeString}: its storage was released by Dispose() or by the end of "
            + "its dispose scope. Keep it alive with MoveToOuterDisposeScope() or DisposeScope.Detach(tensor), or copy it first.");
}
