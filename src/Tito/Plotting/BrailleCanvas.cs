namespace Tito.Plotting;

/// <summary>
/// A grid of terminal cells, each a Unicode braille character holding 2×4 dots: eight times the resolution of
/// one character per cell. Every cell remembers which curve drew in it last, for its colour.
/// </summary>
internal sealed class BrailleCanvas
{
    // Dot (column, row) inside a cell → bit of the braille code point U+2800 + bits (the Unicode braille layout).
    private static readonly int[,] s_dotBits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    private readonly int[,] _bits;
    private readonly int[,] _owner;

    public BrailleCanvas(int columns, int rows)
    {
        Columns = columns;
        Rows = rows;
        _bits = new int[columns, rows];
        _owner = new int[columns, rows];
        for (int c = 0; c < columns; c++)
        {
            for (int r = 0; r < rows; r++)
            {
                _owner[c, r] = -1;
            }
        }
    }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Dots across: two per cell.</summary>
    public int PixelWidth => Columns * 2;

    /// <summary>Dots down: four per cell.</summary>
    public int PixelHeight => Rows * 4;

    /// <summary>Sets the dot at (px, py), py counted from the top; dots off the canvas are ignored.</summary>
    public void Set(int px, int py, int curve)
    {
        if (px < 0 || py < 0 || px >= PixelWidth || py >= PixelHeight)
        {
            return;
        }

        _bits[px / 2, py / 4] |= s_dotBits[px % 2, py % 4];
        _owner[px / 2, py / 4] = curve;
    }

    /// <summary>The braille character of a cell, or null when no dot is set in it.</summary>
    public char? Cell(int column, int row) => _bits[column, row] == 0 ? null : (char)(0x2800 + _bits[column, row]);

    /// <summary>The index of the curve that drew in the cell last, or −1.</summary>
    public int Owner(int column, int row) => _owner[column, row];
}
