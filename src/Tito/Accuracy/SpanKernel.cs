namespace Tito.Accuracy;

/// <summary>A span kernel: writes f(x[i]) into y[i].</summary>
internal delegate void SpanKernel(ReadOnlySpan<float> x, Span<float> y);
