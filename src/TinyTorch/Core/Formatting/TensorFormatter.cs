using System.Text;

namespace TinyTorch.Core;

/// <summary>
/// Writes a tensor the way NumPy prints an array: nested brackets, aligned columns, rows wrapped at 75
/// characters, and large tensors summarized with "..." — followed by the shape.
/// </summary>
/// <remarks>
/// A port of the layout in NumPy's <c>arrayprint._formatArray</c> (1.14+ style), with a space between
/// elements as in <c>str(array)</c>: <c>Tensor([[-1.  2.]\n        [ 3. -4.]], shape=(2, 2))</c>.
/// Rows of a matrix go on separate lines, matrices of a 3-d tensor are separated by a blank line (two
/// for 4-d, …), and each line is indented to sit under its opening bracket.
/// </remarks>
internal static class TensorFormatter
{
    private const string Prefix = "Tensor(";
    private const string Separator = " ";
    private const string Ellipsis = "...";
    private const int LineWidth = 75;

    /// <summary>Above this many elements only the first and last <see cref="EdgeItems"/> of each dimension are shown.</summary>
    private const int Threshold = 1000;

    private const int EdgeItems = 3;

    /// <summary>The text of <paramref name="tensor"/>.</summary>
    public static string Format(Tensor tensor)
    {
        string shape = $"shape={tensor.ShapeString})";
        if (tensor.Size == 0)
        {
            return $"{Prefix}[], {shape}";
        }

        var layout = new Layout(tensor, summarize: tensor.Size > Threshold);
        string body = tensor.Rank == 0
            ? layout.Element(0)
            : layout.Block(0, 0, new string(' ', Prefix.Length + 1), LineWidth - 1);   // 1 for the "," after it

        // Like NumPy's dtype=…, the shape moves to its own line when it would overflow the last one.
        string text = Prefix + body + ",";
        int lastLine = text.Length - (text.LastIndexOf('\n') + 1);
        string spacer = lastLine + 1 + shape.Length > LineWidth ? "\n" + new string(' ', Prefix.Length) : " ";
        return text + spacer + shape;
    }

    /// <summary>One printing job: the tensor, its strides, and the element format fitted to what is shown.</summary>
    private sealed class Layout
    {
        private readonly float[] _data;
        private readonly int[] _shape;
        private readonly int[] _strides;
        private readonly bool _summarize;
        private readonly ElementFormat _format;

        public Layout(Tensor tensor, bool summarize)
        {
            _data = tensor.Data;
            _shape = tensor.ShapeArray;
            _summarize = summarize;
            _strides = new int[_shape.Length];
            for (int d = _shape.Length - 1, stride = 1; d >= 0; d--)
            {
                _strides[d] = stride;
                stride *= _shape[d];
            }

            // NOTE: the format is fitted to the shown elements only, as NumPy does: a hidden 1e9 in the
            // middle of a summarized tensor must not switch the visible ones to scientific notation.
            var shown = new List<float>();
            Gather(0, 0, shown);
            _format = ElementFormat.For(shown);
        }

        public string Element(int offset) => _format.Format(_data[offset]);

        /// <summary>
        /// The block at <paramref name="axis"/> starting at flat <paramref name="offset"/>, bracketed. Lines
        /// after the first start with <paramref name="indent"/>; no line may exceed <paramref name="width"/>.
        /// </summary>
        public string Block(int axis, int offset, string indent, int width)
        {
            // Inner blocks sit one column further right, and each closing "]" takes one column from the width.
            string innerIndent = indent + " ";
            int innerWidth = width - 1;
            var s = new StringBuilder();
            if (axis == _shape.Length - 1)
            {
                int elementWidth = width - 1;   // room for the "]" (the separator is a space, trimmed at the end)
                string line = indent;
                int[] items = Items(axis);
                for (int k = 0; k < items.Length; k++)
                {
                    string word = items[k] < 0 ? Ellipsis : Element(offset + (items[k] * _strides[axis]));
                    line = Extend(s, line, word, elementWidth, indent);
                    if (k < items.Length - 1)
                    {
                        line += Separator;
                    }
                }

                s.Append(line);
            }
            else
            {
                // Rows of a matrix on separate lines; one blank line between matrices, two between 3-d blocks…
                string lineSeparator = new('\n', _shape.Length - axis - 1);
                int[] items = Items(axis);
                for (int k = 0; k < items.Length; k++)
                {
                    s.Append(indent);
                    s.Append(items[k] < 0 ? Ellipsis : Block(axis + 1, offset + (items[k] * _strides[axis]), innerIndent, innerWidth));
                    if (k < items.Length - 1)
                    {
                        s.Append(lineSeparator);
                    }
                }
            }

            // The first line was built with the indent too, so that widths count alike; the "[" replaces it.
            return "[" + s.ToString(indent.Length, s.Length - indent.Length) + "]";
        }

        /// <summary>The indices shown along <paramref name="axis"/>, with −1 marking the "..." gap.</summary>
        private int[] Items(int axis)
        {
            int n = _shape[axis];
            return _summarize && n > 2 * EdgeItems
                ? [.. Enumerable.Range(0, EdgeItems), -1, .. Enumerable.Range(n - EdgeItems, EdgeItems)]
                : [.. Enumerable.Range(0, n)];
        }

        /// <summary>Collects the elements that will be printed, in order.</summary>
        private void Gather(int axis, int offset, List<float> shown)
        {
            if (axis == _shape.Length)
            {
                shown.Add(_data[offset]);
                return;
            }

            foreach (int i in Items(axis).Where(i => i >= 0))
            {
                Gather(axis + 1, offset + (i * _strides[axis]), shown);
            }
        }

        /// <summary>Appends <paramref name="word"/> to the current line, first wrapping if it would not fit.</summary>
        private static string Extend(StringBuilder s, string line, string word, int width, string indent)
        {
            // A line holding only its indent gets the word regardless: wrapping would not make room.
            if (line.Length + word.Length > width && line.Length > indent.Length)
            {
                s.Append(line.TrimEnd()).Append('\n');
                line = indent;
            }

            return line + word;
        }
    }
}
