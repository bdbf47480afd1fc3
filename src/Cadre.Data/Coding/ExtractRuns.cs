using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Cadre.Core.Coding;
using Cadre.Core.Coding.Extract;
using Cadre.Core.Text;
using Cadre.Data.Register.Export;
using Cadre.Data.Register.Import;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Coding;

/// <summary>How far a running re-code has got (held in memory while it runs; the run row holds the result).</summary>
public sealed class RunProgress
{
    public int Total;
    public int Done;
}

/// <summary>Progress of the re-codes running in this process, for the progress bar's polling.</summary>
public sealed class CodingRunProgress
{
    private readonly ConcurrentDictionary<Guid, RunProgress> _runs = new();
    public RunProgress Start(Guid run, int total) => _runs[run] = new RunProgress { Total = total };
    public RunProgress? Find(Guid run) => _runs.GetValueOrDefault(run);
    public void Finish(Guid run) => _runs.TryRemove(run, out _);
}

/// <summary>The row of an applied re-code that matched no post, and why.</summary>
public sealed record UnmatchedRow(int Row, string PostId, string Role, string ProposedCode, string Why);

public sealed record ApplyResult(IReadOnlyList<string> Problems, int Applied, IReadOnlyList<UnmatchedRow> Unmatched)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Re-codes an uploaded ESR extract (the `cadre code` input, as CSV or XLSX) and stores the outputs with the run;
/// applies a run's recodes to the register in one transaction. See docs/decisions/coding-workflow.md.
/// </summary>
public static class ExtractRuns
{
    public const string Decisions = "decisions", Review = "review", EsrChanges = "esr-changes", Codes = "codes", Moves = "moves", Causes = "causes", Summary = "summary", ProblemList = "problems";
    public static readonly string[] Downloadable = [Decisions, Review, EsrChanges, Codes, Moves, Causes, ProblemList, "report"];

    /// <summary>
    /// Copies the upload to a temporary CSV (an XLSX's first sheet is turned into CSV with the same columns) and counts its
    /// rows for the progress bar. Throws <see cref="ImportFormatException"/> when the file cannot be read as a table.
    /// </summary>
    public static async Task<(string Path, int Rows)> StageAsync(Stream upload, string fileName, CancellationToken cancel)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cadre-coding-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            if (System.IO.Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = TableReader.Open(upload, fileName);
                await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
                // Written as read (formulas and all): the staged copy is the extract reader's input, never a download.
                CsvText.WriteRawRecord(writer, reader.Headers);
                var rows = 0;
                while (reader.Read())
                {
                    CsvText.WriteRawRecord(writer, Enumerable.Range(0, reader.Headers.Count).Select(reader.Get));
                    rows++;
                }
                return (path, rows);
            }
            if (!System.IO.Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
                throw new ImportFormatException($"{System.IO.Path.GetFileName(fileName)}: the extract must be a CSV or an Excel workbook (.xlsx)");
            await using (var file = File.Create(path)) await upload.CopyToAsync(file, cancel);
            // Counted as records, not lines: a line break inside a quoted field is part of its row.
            var records = 0;
            using (var count = new StreamReader(path))
            {
                var csv = new CsvRecordReader(count);
                while (csv.Read()) if (csv.FieldCount > 1 || !csv.Field(0).IsWhiteSpace()) records++;
            }
            return (path, Math.Max(0, records - 1));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The upload kept with an unfinished run, so an interrupted run can be coded again.</summary>
    public const string Upload = "upload";

    /// <summary>How often a running re-code says it is still at work (the one rule for all shared work: <see cref="WorkClaims"/>).</summary>
    public static TimeSpan HeartbeatEvery => WorkClaims.HeartbeatEvery;

    /// <summary>A running run whose heartbeat is older than this was interrupted: its instance stopped.</summary>
    public static TimeSpan Interrupted => WorkClaims.Lease;

    /// <summary>How many times a run is started before an interruption is reported as a failure.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Keeps the staged extract with the run until it has been coded (see <see cref="Upload"/>).</summary>
    public static async Task KeepUploadAsync(CadreDbContext db, Guid runId, string path, CancellationToken cancel)
    {
        db.CodingRunFiles.Add(new CodingRunFile { CodingRunId = runId, Name = Upload, Content = await File.ReadAllTextAsync(path, cancel) });
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>
    /// Takes up a run that is running in the database but whose heartbeat has stopped: claims it (only one instance
    /// can, however many look at once) and stages its kept upload again. Null when the run is not interrupted, another
    /// instance claimed it first, or it cannot be taken up (then it is marked failed with a plain message).
    /// </summary>
    public static async Task<string?> ClaimInterruptedAsync(CadreDbContext db, Guid runId, DateTime now, CancellationToken cancel)
    {
        var run = await db.CodingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancel);
        if (run is null || run.Status != CodingRunStatus.Running) return null;
        if (!WorkClaims.Lapsed(run.HeartbeatAt, run.UploadedAt, now)) return null;
        // The heartbeat seen is the claim's condition: of several instances looking at once, one updates the row.
        if (!await WorkClaims.TryClaimAsync(db.CodingRuns.Where(r => r.Status == CodingRunStatus.Running), runId, run.HeartbeatAt, now, cancel)) return null;
        var upload = await FileAsync(db, runId, Upload, cancel);
        if (upload is null || run.Attempts + 1 > MaxAttempts)
        {
            await FailAsync(db, runId, upload is null
                ? "The re-code was interrupted (the service restarted) and the upload was not kept; nothing was stored. Upload the file again."
                : $"The re-code was interrupted {MaxAttempts} times; nothing was stored. Upload the file again, or run `cadre code` on it.", cancel);
            return null;
        }
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cadre-coding-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, upload, new UTF8Encoding(false), cancel);
        return path;
    }

    /// <summary>
    /// Codes the staged file and stores the outcome with the run (refused whole with every problem, or the report). While
    /// it runs, the run's row gets a heartbeat and the count coded every <see cref="HeartbeatEvery"/>.
    /// </summary>
    public static async Task ProcessAsync(CadreDbContext db, Guid runId, string path, CodingRunProgress progress, CancellationToken cancel = default)
    {
        var run = await db.CodingRuns.SingleAsync(r => r.Id == runId, cancel);
        var tracker = progress.Find(runId) ?? progress.Start(runId, run.Total);
        try
        {
            if (run.Attempts == 0)
            {
                run.Attempts = 1;
                await db.SaveChangesAsync(cancel);
            }
            await BeatAsync(db, runId, 0, cancel);

            var decisions = new StringWriter(CultureInfo.InvariantCulture);
            var review = new StringWriter(CultureInfo.InvariantCulture);
            var esr = new StringWriter(CultureInfo.InvariantCulture);
            var problems = new List<ExtractProblem>();
            RecodeOutcome outcome;
            using (var input = new StreamReader(path, detectEncodingFromByteOrderMarks: true))
            {
                var coding = Task.Run(() => new ExtractRecoder(CodingEngine.Default, run.CodedOn).Run(input, decisions, review, esr, problems.Add, new SyncProgress(tracker)), cancel);
                while (await Task.WhenAny(coding, Task.Delay(HeartbeatEvery, cancel)) != coding)
                    await BeatAsync(db, runId, Volatile.Read(ref tracker.Done), cancel);
                outcome = await coding;
            }
            var files = new List<CodingRunFile>();
            if (outcome.Refused)
            {
                run.Status = CodingRunStatus.Refused;
                run.Problems = Math.Max(problems.Count, outcome.Problems);
                run.Message = problems.Count == 0 ? "The file has no rows to code." : $"The file was refused: {problems.Count} problem{(problems.Count == 1 ? "" : "s")} in {outcome.BadRows} row{(outcome.BadRows == 1 ? "" : "s")}. Nothing was coded.";
                var list = new StringWriter(CultureInfo.InvariantCulture);
                CsvText.WriteRecord(list, ["row", "column", "value", "problem"]);
                foreach (var p in problems) CsvText.WriteRecord(list, [p.Row.ToString(CultureInfo.InvariantCulture), p.Column, p.Value, p.Message]);
                files.Add(new CodingRunFile { CodingRunId = run.Id, Name = ProblemList, Content = list.ToString() });
            }
            else
            {
                var s = outcome.Summary;
                run.Status = CodingRunStatus.Completed;
                Volatile.Write(ref tracker.Done, s.Roles);
                run.Done = s.Roles;
                (run.Roles, run.Unchanged, run.Recode, run.Review, run.CodeChanged) = (s.Roles, s.Unchanged, s.Recode, s.Review, s.CodeChanged);
                string Write(Action<TextWriter> w) { var t = new StringWriter(CultureInfo.InvariantCulture); w(t); return t.ToString(); }
                files.Add(new CodingRunFile { CodingRunId = run.Id, Name = Decisions, Content = decisions.ToString() });
                files.Add(new CodingRunFile { CodingRunId = run.Id, Name = Review, Content = review.ToString() });
                files.Add(new CodingRunFile { CodingRunId = run.Id, Name = EsrChanges, Content = esr.ToString() });
                files.Add(new CodingRunFile { CodingRunId = run.Id, Name = Codes, Content = Write(s.WriteCodesCsv) });
                files.Add(new CodingRunFile { CodingRunId = run.Id, Name = Moves, Content = Write(s.WriteMovesCsv) });
                files.Add(new CodingRunFile { CodingRunId = run.Id, Name = Causes, Content = Write(s.WriteCausesCsv) });
                files.Add(new CodingRunFile { CodingRunId = run.Id, Name = Summary, Content = s.ToText(run.FileName) });
            }
            run.HeartbeatAt = DateTime.UtcNow;
            // The outcome and the end of the kept upload land together: a finished run never keeps the extract.
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            db.CodingRunFiles.AddRange(files);
            await db.SaveChangesAsync(cancel);
            await db.CodingRunFiles.Where(f => f.CodingRunId == runId && f.Name == Upload).ExecuteDeleteAsync(cancel);
            await transaction.CommitAsync(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault in coding, not an interruption: starting again would meet it again, so the run fails here.
            await FailAsync(db, runId, "The re-code stopped before it finished; nothing was stored. Upload the file again, or run `cadre code` on it to see the fault.", CancellationToken.None);
        }
        finally
        {
            progress.Finish(runId);
            File.Delete(path);
        }
    }

    // The heartbeat carries the count coded, so any instance can show the progress. Status changes go through SaveChanges
    // and are audited; the heartbeat is not (see WorkClaims).
    private static Task BeatAsync(CadreDbContext db, Guid runId, int done, CancellationToken cancel) =>
        WorkClaims.BeatAsync(db.CodingRuns, runId, cancel, u => u.SetProperty(r => r.Done, done));

    private static async Task FailAsync(CadreDbContext db, Guid runId, string message, CancellationToken cancel)
    {
        db.ChangeTracker.Clear();
        var failed = await db.CodingRuns.SingleAsync(r => r.Id == runId, cancel);
        failed.Status = CodingRunStatus.Failed;
        failed.Message = message;
        await db.SaveChangesAsync(cancel);
        await db.CodingRunFiles.Where(f => f.CodingRunId == runId && f.Name == Upload).ExecuteDeleteAsync(cancel);
    }

    private sealed class SyncProgress(RunProgress tracker) : IProgress<int>
    {
        // Deciders report from several threads, so a smaller count can arrive after a larger one: the bar only moves on.
        public void Report(int value)
        {
            for (var seen = Volatile.Read(ref tracker.Done); value > seen; seen = Volatile.Read(ref tracker.Done))
                if (Interlocked.CompareExchange(ref tracker.Done, value, seen) == seen) return;
        }
    }

    public static async Task<string?> FileAsync(CadreDbContext db, Guid runId, string name, CancellationToken cancel) =>
        await db.CodingRunFiles.AsNoTracking().Where(f => f.CodingRunId == runId && f.Name == name).Select(f => f.Content).FirstOrDefaultAsync(cancel);

    /// <summary>Reads one of a run's CSV outputs as header + rows.</summary>
    public static (IReadOnlyList<string> Header, List<string[]> Rows) Table(string? csv)
    {
        if (string.IsNullOrEmpty(csv)) return ([], []);
        var reader = new CsvRecordReader(new StringReader(csv));
        var fields = new List<string>();
        if (!reader.Read(fields)) return ([], []);
        var header = fields.Select(f => SpreadsheetSafety.Restore(f.Trim())).ToList();
        var rows = new List<string[]>();
        while (reader.Read(fields))
        {
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            var row = new string[header.Count];
            // Fields come back as they were before the writer neutralised them (post numbers must match the register).
            for (var i = 0; i < row.Length; i++) row[i] = i < fields.Count ? SpreadsheetSafety.Restore(fields[i]) : "";
            rows.Add(row);
        }
        return (header, rows);
    }

    /// <summary>The organisation's posts by post number and by id (a register holds thousands at most, an extract up to millions of rows).</summary>
    private static async Task<Dictionary<string, Guid>> PostKeysAsync(CadreDbContext db, Guid organisation, CancellationToken cancel)
    {
        var keys = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in await db.Posts.AsNoTracking().Where(p => p.OrganisationId == organisation).Select(p => new { p.Id, p.PostNumber }).ToListAsync(cancel))
        {
            keys[p.PostNumber] = p.Id;
            keys[p.Id.ToString()] = p.Id;
        }
        return keys;
    }

    /// <summary>
    /// The before/after report as one long table (what, code or cause, from, to, roles, WTE, share), for CSV and XLSX.
    /// </summary>
    public static IEnumerable<object?[]> ReportRows(CodingRun run, string? codes, string? moves, string? causes)
    {
        yield return ["measure", "item", "from_code", "to_code", "roles", "wte", "share_of_roles"];
        string Share(int n) => RecodeSummary.Percent(n, run.Roles);
        yield return ["roles", "all roles in the extract", null, null, run.Roles, null, null];
        yield return ["status", "unchanged", null, null, run.Unchanged, null, Share(run.Unchanged)];
        yield return ["status", "recode", null, null, run.Recode, null, Share(run.Recode)];
        yield return ["status", "review", null, null, run.Review, null, Share(run.Review)];
        yield return ["miscoded", "current code differs from the proposal", null, null, run.CodeChanged, null, Share(run.CodeChanged)];
        foreach (var r in Table(codes).Rows)
        {
            yield return ["code before", r[0], null, null, Number(r[1]), null, null];
            yield return ["code after", r[0], null, null, Number(r[2]), null, null];
        }
        foreach (var r in Table(moves).Rows) yield return ["move", $"{r[0]} -> {r[1]}", r[0], r[1], Number(r[2]), NumberD(r[3]), null];
        foreach (var r in Table(causes).Rows) yield return ["cause", r[0], null, null, Number(r[1]), null, r.Length > 2 ? r[2] : null];
    }

    private static object? Number(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : s;
    private static object? NumberD(string s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : s;

    /// <summary>Writes a stored CSV output to CSV or XLSX through the register's table writer, which neutralises formulas.</summary>
    public static void WriteTable(Stream output, ExportFormat format, string sheet, IEnumerable<object?[]> rows)
    {
        using var writer = TableWriter.Create(output, format, sheet);
        foreach (var row in rows) writer.WriteRow(row);
    }

    public static IEnumerable<object?[]> CsvRows(string? csv)
    {
        var (header, rows) = Table(csv);
        yield return header.Cast<object?>().ToArray();
        foreach (var r in rows) yield return r.Select(Cell).ToArray();
    }

    // Numbers stay numbers in a workbook; everything else is text (and is neutralised by the writer).
    // Post numbers such as "00123" keep their leading zeros (text); whole numbers (row numbers, counts) stay whole.
    private static object? Cell(string s)
    {
        if (s.Length == 0) return null;
        if (s.Length < 10 && s[0] is >= '1' and <= '9' && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var whole)) return whole;
        var looksNumeric = s.Length < 12 && s[0] is >= '0' and <= '9' && (s[0] != '0' || s == "0" || s.StartsWith("0.", StringComparison.Ordinal));
        return looksNumeric && decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : s;
    }

    /// <summary>
    /// Applies a completed run's recodes to the register: each recode row whose post_id names a post of the organisation
    /// (its post number or Cadre id) gets the proposed code and Area of Work, with a coding decision record and the audit
    /// trail, all in one transaction. Rows that match no post (or no role of a post with several) are listed, not applied.
    /// </summary>
    public static async Task<ApplyResult> ApplyAsync(CadreDbContext db, Guid runId, CancellationToken cancel = default)
    {
        var run = await db.CodingRuns.SingleOrDefaultAsync(r => r.Id == runId, cancel);
        if (run is null) return new ApplyResult(["The re-code was not found."], 0, []);
        if (run.Status != CodingRunStatus.Completed) return new ApplyResult(["Only a completed re-code can be applied."], 0, []);
        if (run.AppliedAt is not null) return new ApplyResult([$"These changes were applied on {run.AppliedAt:d MMMM yyyy} by {run.AppliedBy}."], 0, []);
        var (header, rows) = Table(await FileAsync(db, runId, Decisions, cancel));
        int Col(string name) => header.ToList().FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        int cPost = Col("post_id"), cRole = Col("role"), cCode = Col("proposed_code"), cArea = Col("proposed_area_of_work"), cStatus = Col("status"), cRules = Col("rules"), cReason = Col("reason"), cWte = Col("wte");
        var recodes = rows.Select((r, i) => (Row: i + 2, Cells: r)).Where(r => r.Cells[cStatus] == "recode").ToList();
        var known = await PostKeysAsync(db, run.OrganisationId, cancel);
        var wanted = recodes.Select(r => known.GetValueOrDefault(r.Cells[cPost])).Where(g => g != Guid.Empty).Distinct().ToList();
        var posts = await db.Posts.Include(p => p.Roles).Where(p => wanted.Contains(p.Id)).ToListAsync(cancel);
        var byId = posts.ToDictionary(p => p.Id);
        var byKey = new Dictionary<string, Cadre.Core.Register.Post>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, id) in known) if (byId.TryGetValue(id, out var post)) byKey[key] = post;
        var coding = new PostCoding(db);
        var unmatched = new List<UnmatchedRow>();
        var applied = 0;
        var today = run.CodedOn;
        foreach (var (row, c) in recodes)
        {
            if (!byKey.TryGetValue(c[cPost], out var post))
            {
                unmatched.Add(new UnmatchedRow(row, c[cPost], c[cRole], c[cCode], "no post in the register has this post number"));
                continue;
            }
            var role = post.Roles.Count > 1 ? post.Roles.FirstOrDefault(r => r.Title.Equals(c[cRole], StringComparison.OrdinalIgnoreCase)) : post.Roles.FirstOrDefault();
            if (post.Roles.Count > 1 && role is null)
            {
                unmatched.Add(new UnmatchedRow(row, c[cPost], c[cRole], c[cCode], "the post has several roles and none has this title"));
                continue;
            }
            if (!OccupationCode.TryParse(c[cCode], out var code))
            {
                unmatched.Add(new UnmatchedRow(row, c[cPost], c[cRole], c[cCode], "no code was proposed"));
                continue;
            }
            var recorded = post.Roles.Count > 1 ? role!.OccupationCode ?? post.OccupationCode : post.OccupationCode;
            var recordedArea = post.Roles.Count > 1 ? role!.AreaOfWork ?? post.AreaOfWork : post.AreaOfWork;
            var decision = new CodingDecision
            {
                PostId = c[cPost], Role = c[cRole], Wte = decimal.TryParse(c[cWte], NumberStyles.Number, CultureInfo.InvariantCulture, out var w) ? w : 0,
                ProposedCode = code, AreasOfWork = c[cArea].Length == 0 ? [] : [new AreaOfWorkShare(c[cArea], w)],
                Status = CodingStatus.Recode, Rules = c[cRules].Split(';', StringSplitOptions.RemoveEmptyEntries), Reason = c[cReason],
                ManualVersion = CodingEngine.Default.Reference.Manual.InForceOn(today).Name,
            };
            var proposal = new RoleProposal(role?.Id, c[cRole].Length == 0 ? post.Title : c[cRole], decision.Wte, recorded, recordedArea, decision);
            coding.Record(post, proposal, CodingAction.AppliedFromExtract, code.ToString(), c[cArea].Length == 0 ? null : c[cArea], null, run.Id);
            applied++;
        }
        run.AppliedAt = DateTime.UtcNow;
        run.AppliedBy = db.Actor.Name;
        run.AppliedPosts = applied;
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
        return new ApplyResult([], applied, unmatched);
    }

    /// <summary>Rows of a run's recodes that would not match a post, without changing anything (shown before applying).</summary>
    public static async Task<IReadOnlyList<UnmatchedRow>> PreviewUnmatchedAsync(CadreDbContext db, CodingRun run, CancellationToken cancel)
    {
        var (header, rows) = Table(await FileAsync(db, run.Id, Decisions, cancel));
        int Col(string name) => header.ToList().FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        int cPost = Col("post_id"), cRole = Col("role"), cCode = Col("proposed_code"), cStatus = Col("status");
        var recodes = rows.Select((r, i) => (Row: i + 2, Cells: r)).Where(r => r.Cells[cStatus] == "recode").ToList();
        var known = await PostKeysAsync(db, run.OrganisationId, cancel);
        return recodes.Where(r => !known.ContainsKey(r.Cells[cPost]))
            .Select(r => new UnmatchedRow(r.Row, r.Cells[cPost], r.Cells[cRole], r.Cells[cCode], "no post in the register has this post number")).ToList();
    }
}
