using System.Numerics;
using System.Runtime.InteropServices;

namespace Cadre.Core.Planning;

/// <summary>
/// Whole-stock arithmetic over a segment's year-of-birth slots, vectorised: a national run applies these to 500
/// segments × 25 years × 10,000 runs, so they are the engine's inner loop (docs/benchmarks.md, Planning).
/// </summary>
internal static class SlotMath
{
    public static double Sum(ReadOnlySpan<double> x)
    {
        var v = MemoryMarshal.Cast<double, Vector<double>>(x);
        var acc = Vector<double>.Zero;
        foreach (var e in v) acc += e;
        var sum = Vector.Sum(acc);
        for (var k = v.Length * Vector<double>.Count; k < x.Length; k++) sum += x[k];
        return sum;
    }

    public static void Scale(Span<double> x, double f)
    {
        var v = MemoryMarshal.Cast<double, Vector<double>>(x);
        for (var i = 0; i < v.Length; i++) v[i] *= f;
        for (var k = v.Length * Vector<double>.Count; k < x.Length; k++) x[k] *= f;
    }

    /// <summary>dst += src × q.</summary>
    public static void AddScaled(Span<double> dst, ReadOnlySpan<double> src, double q)
    {
        var d = MemoryMarshal.Cast<double, Vector<double>>(dst);
        var s = MemoryMarshal.Cast<double, Vector<double>>(src);
        for (var i = 0; i < d.Length; i++) d[i] += s[i] * q;
        for (var k = d.Length * Vector<double>.Count; k < dst.Length; k++) dst[k] += src[k] * q;
    }

    /// <summary>dst += src, then src = 0; returns what moved.</summary>
    public static double Drain(Span<double> dst, Span<double> src)
    {
        var moved = Sum(src);
        if (moved == 0) return 0;
        AddScaled(dst, src, 1);
        src.Clear();
        return moved;
    }
}
