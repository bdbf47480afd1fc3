namespace Cadre.Data.Register.Import;

/// <summary>One thing wrong with an import file, located so a user can find and fix it.</summary>
/// <param name="Row">Row as a spreadsheet numbers it: the header is row 1, the first data row is row 2 (0 for the file as a whole).</param>
public sealed record ImportProblem(string File, int Row, string Column, string Value, string Expected)
{
    public override string ToString() =>
        Row == 0 ? $"{File}: {Expected}" : $"{File}, row {Row}, column '{Column}': '{ShownValue}' - {Expected}";

    /// <summary>The value as a message quotes it: enough to find it, never a whole 30,000-character cell echoed back.</summary>
    public string ShownValue => Value.Length <= ShownCharacters ? Value : Value[..ShownCharacters] + $"… ({Cadre.Core.Text.InputLimits.Describe(Value.Length)} characters)";

    private const int ShownCharacters = 80;
}

/// <summary>
/// The outcome of an import: either everything was written (<see cref="Succeeded"/>) or nothing was, and
/// <see cref="Problems"/> lists every problem found (up to <see cref="MaxProblems"/>).
/// </summary>
/// <param name="Updated">Rows that matched a record already on the register, whether or not any value of it changed.</param>
/// <param name="Changes">Records created, changed or removed, each with one audit entry; 0 when the file matches the register.</param>
public sealed record ImportResult(string File, int RowsRead, int Created, int Updated, int DepartmentsCreated, IReadOnlyList<ImportProblem> Problems, bool ProblemsTruncated = false,
    long? Changes = null)
{
    /// <summary>Past this many, listing more helps nobody: the file is clearly the wrong shape.</summary>
    public const int MaxProblems = 1000;

    public bool Succeeded => Problems.Count == 0;

    /// <summary>Whether the file was good but matched the register exactly, so nothing at all was written.</summary>
    public bool NothingChanged => Succeeded && Changes == 0;

    public string Summary =>
        NothingChanged ? $"Nothing to import: all {RowsRead} rows of {File} already match the register, so nothing was written."
        : Succeeded
        ? $"Imported {RowsRead} rows from {File}: {Created} created, {Updated} updated{(DepartmentsCreated > 0 ? $", {DepartmentsCreated} new departments" : "")}{(Changes is { } n ? $"; {n} record{(n == 1 ? "" : "s")} written and audited" : "")}."
        : $"{File} was not imported: {Problems.Count}{(ProblemsTruncated ? "+" : "")} problem{(Problems.Count == 1 ? "" : "s")} found, nothing was written.";
}

/// <summary>Which pass of an import is running: every row is checked before any is written.</summary>
public enum ImportStage { Checking, Writing }

/// <summary>How far an import has got, for a page or a terminal to show on a large file.</summary>
public sealed record ImportProgress(ImportStage Stage, int RowsChecked, int RowsWritten)
{
    public override string ToString() => Stage == ImportStage.Checking
        ? $"Checking: {RowsChecked:N0} rows checked"
        : $"Writing: all {RowsChecked:N0} rows checked, {RowsWritten:N0} written";
}
