namespace Tito.Learner;

/// <summary>Softmax's backward over one slice, as SoftmaxMath.Backward has it.</summary>
internal delegate void SliceBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, int start, int length, int stride);
