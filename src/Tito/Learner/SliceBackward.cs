namespace Tito.Learner;

/// <summary>Softmax's (or log-softmax's) backward over one slice, as SoftmaxMath.Backward has it: gradient first, as every backward.</summary>
internal delegate void SliceBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx, int start, int length, int stride);
