namespace Cadre.Core.Intelligence;

/// <summary>
/// What one report's tables are built from: the workforce, the departments and posts in view, the key figures, and the
/// sums between figures that the tables add as they are built (so disclosure control sees them all).
/// </summary>
public sealed class ReportScope(Workforce w, IReadOnlyList<DepartmentRow> departments, IReadOnlyList<PostRow> posts, IReadOnlyList<KeyFigure> key)
{
    public Workforce W { get; } = w;
    public IReadOnlyList<DepartmentRow> Departments { get; } = departments;
    public IReadOnlyList<PostRow> Posts { get; } = posts;
    public IReadOnlyList<KeyFigure> Key { get; } = key;
    public IReadOnlyList<Guid> People { get; } = w.PeopleIn(posts);
    public List<Relation> Relations { get; } = [.. KeyFigures.Relations(key)];

    /// <summary>All posts in view (funded and frozen): shown nowhere, but every table of posts adds up to it.</summary>
    public Quantity AllPosts { get; } = new(posts.Count);

    public Quantity KeyCount(string label) => KeyFigures.CountOf(Key, label);
}

/// <summary>A measure and the named computation that builds its table: each report lists its sections in reading order.</summary>
public sealed record ReportSection(Measure Measure, Func<ReportScope, TableDraft> Build);
