namespace Cadre.Core.Coding.Reference;

/// <summary>
/// An ESR Area of Work for Healthcare Science: an area named in the U-matrix (IPEM List of Services, first column),
/// a specialism of a theme outside Medical Physics and Clinical Engineering, or the broad theme itself.
/// <see cref="Parent"/> is the broader area it rolls up to when a role spreads over several specific areas.
/// </summary>
public sealed class AreaOfWork
{
    public AreaOfWork(string name, char theme, AreaKind kind, string source, string sourceRow)
    {
        Name = name;
        Theme = theme;
        Kind = kind;
        Source = source;
        SourceRow = sourceRow;
    }

    public string Name { get; }
    public char Theme { get; }
    public AreaKind Kind { get; }
    public AreaOfWork? Parent { get; internal set; }
    public string Source { get; }
    public string SourceRow { get; }

    private AreaOfWork[]? _lineage;

    /// <summary>Itself, then each broader area up to the theme (worked out once; the tree does not change after loading).</summary>
    public IReadOnlyList<AreaOfWork> SelfAndAncestors()
    {
        if (_lineage is not null) return _lineage;
        var list = new List<AreaOfWork>(4);
        for (var a = this; a is not null; a = a.Parent) list.Add(a);
        return _lineage = list.ToArray();
    }

    public int Depth => SelfAndAncestors().Count - 1;

    public override string ToString() => Name;
}

public enum AreaKind
{
    /// <summary>The whole theme (e.g. "Clinical Engineering"): the broad descriptor HSCiC asks to avoid where a specific one fits.</summary>
    Broad,
    /// <summary>An Area of Work given in the U-matrix (IPEM List of Services, first column).</summary>
    UMatrix,
    /// <summary>A specialism of a theme outside Medical Physics and Clinical Engineering.</summary>
    Specialism,
}

/// <summary>
/// What one entry of a role's activities names: a local service (second column of the List of Services), an Area of
/// Work, a specialism, or work that sits outside the U-matrix altogether (e.g. occupational therapy technical support, S4C).
/// </summary>
public sealed record ActivityTarget(string Name, AreaOfWork? Area, OccupationCode? OutsideCode, string Source, string SourceRow)
{
    public bool IsOutsideUMatrix => OutsideCode is not null;
}
