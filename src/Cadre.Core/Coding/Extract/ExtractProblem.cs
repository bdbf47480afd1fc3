namespace Cadre.Core.Coding.Extract;

/// <summary>One thing wrong with an extract: where (row as a spreadsheet numbers it, header = 1), which column, the value, and what was expected.</summary>
public sealed record ExtractProblem(int Row, string Column, string Value, string Message)
{
    public override string ToString() =>
        Column.Length == 0 ? $"row {Row}: {Message}" : $"row {Row}, column {Column}, value '{Value}': {Message}";
}

/// <summary>One data row of an extract: the role it describes when every field is good, else the problems.</summary>
public sealed record ExtractRow(int RowNumber, PostRole? Role, IReadOnlyList<ExtractProblem> Problems);
