namespace Tito.Learner;

/// <summary>Softmax (or log-softmax) over one slice, as the readable layer's SoftmaxMath.Forward (LogSoftmaxMath.Forward) has it.</summary>
internal delegate void SliceForward(ReadOnlySpan<float> x, Span<float> y, int start, int length, int stride);
