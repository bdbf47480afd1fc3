using System.Text;

namespace Cadre.Core.Coding.Extract;

/// <summary>
/// A reusable in-memory text buffer for one batch of rendered rows: a plain char array that keeps its capacity between
/// batches, so rendering a million rows allocates no per-batch chunks (a StringBuilder would).
/// </summary>
internal sealed class CharChunk : TextWriter
{
    private char[] _buffer = new char[1 << 18];

    public int Length { get; private set; }
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, Length);
    public override Encoding Encoding => Encoding.Unicode;

    public void Clear() => Length = 0;

    private Span<char> Reserve(int count)
    {
        if (Length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    public override void Write(char value) => Reserve(1)[0] = value;
    public override void Write(string? value) { if (value is not null) value.AsSpan().CopyTo(Reserve(value.Length)); }
    public override void Write(ReadOnlySpan<char> buffer) => buffer.CopyTo(Reserve(buffer.Length));
    public override void Write(char[] buffer, int index, int count) => buffer.AsSpan(index, count).CopyTo(Reserve(count));
}
