namespace Cadre.Data.Register.Import;

/// <summary>A column an import understands: its name as written in exports and the other names accepted for it.</summary>
public sealed record ImportColumn(string Name, bool Required, string Description, params string[] Aliases);

/// <summary>Finds each known column in a file's header row, whatever its position, case or punctuation.</summary>
internal sealed class ColumnMap
{
    private readonly Dictionary<ImportColumn, int> _positions = [];

    public ColumnMap(IReadOnlyList<string> headers, IEnumerable<ImportColumn> columns, string file, List<ImportProblem> problems)
    {
        var byKey = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
            byKey.TryAdd(Fields.Key(headers[i]), i);
        foreach (var column in columns)
        {
            var position = new[] { column.Name }.Concat(column.Aliases).Select(n => byKey.TryGetValue(Fields.Key(n), out var p) ? p : -1).FirstOrDefault(p => p >= 0, -1);
            if (position >= 0) _positions[column] = position;
            else if (column.Required) problems.Add(new ImportProblem(file, 1, column.Name, "", $"the header row has no '{column.Name}' column, which is required"));
        }
    }

    public bool Has(ImportColumn column) => _positions.ContainsKey(column);

    public string? Get(TableReader reader, ImportColumn column) => _positions.TryGetValue(column, out var p) ? reader.Get(p) : null;
}
