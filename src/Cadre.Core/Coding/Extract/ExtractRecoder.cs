using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cadre.Core.Coding.Extract;

/// <summary>What a recode of one extract came to.</summary>
public sealed record RecodeOutcome(bool HeaderGood, int Problems, int BadRows, RecodeSummary Summary)
{
    public bool Refused => !HeaderGood || Problems > 0 || Summary.Roles == 0;
}

/// <summary>
/// Recodes an extract from a reader to writers in one streaming pass: checks every row, codes each post as soon as its
/// rows are read, writes decisions (and, when asked, the review list and the ESR change list) as it goes. No file I/O:
/// the caller owns the streams and throws the output away when the outcome is refused.
/// <para>
/// Three stages run side by side, joined by small bounded queues so memory stays flat: reading and checking rows,
/// deciding, and writing. Each job description (the deciding fields of a row) is assessed once, and each job description
/// with a given current code and Area of Work is rendered once; both memos keep the first keys seen and stop growing.
/// </para>
/// </summary>
public sealed class ExtractRecoder
{
    private const int MemoLimit = 8_192;
    private const int RenderedLimit = 32_768;
    private const int MaxRolesPerPost = 64;
    private const int BatchSize = 512;
    private const int QueueDepth = 4;
    private readonly CodingEngine _engine;
    private readonly DateOnly _on;
    private readonly Dictionary<string, CodingEngine.RoleAssessment> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CodingDecision Decision, string Tail)> _rendered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CodingDecision Decision, string Tail)>.AlternateLookup<ReadOnlySpan<char>> _renderedBySpan;
    private char[] _fullKey = new char[1024];

    public ExtractRecoder(CodingEngine engine, DateOnly on, bool parallel = true)
    {
        _engine = engine;
        _on = on;
        _parallel = parallel;
        _renderedBySpan = _rendered.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly bool _parallel;

    private sealed record Batch(List<(PostRole Role, string Key)> Rows);

    /// <param name="onProblem">Called for every problem found, in file order, as soon as it is found (from a worker thread).</param>
    public RecodeOutcome Run(TextReader input, TextWriter decisions, TextWriter? review, TextWriter? esr, Action<ExtractProblem> onProblem)
    {
        var summary = new RecodeSummary();
        var reader = new ExtractReader(input, _engine.Reference.Services);
        var headerProblems = reader.ReadHeader();
        if (headerProblems.Count > 0)
        {
            foreach (var p in headerProblems) onProblem(p);
            return new RecodeOutcome(false, headerProblems.Count, 1, summary);
        }

        DecisionCsv.WriteHeader(decisions);
        if (review is not null) ReviewCsv.WriteHeader(review);
        if (esr is not null) EsrChangeCsv.WriteHeader(esr);

        if (!_parallel) return RunSequential(reader, decisions, review, esr, onProblem, summary);

        using var cancel = new CancellationTokenSource();
        using var rows = new BlockingCollection<Batch>(QueueDepth);
        // Rendered rows travel in reused StringBuilders (chunked internally, so never on the large-object heap).
        using var chunks = new BlockingCollection<StringBuilder>(QueueDepth);
        var spare = new ConcurrentQueue<StringBuilder>();
        var problems = 0;
        var badRows = 0;

        var readTask = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<(PostRole, string)>(BatchSize);
                while (reader.ReadNext(out var row))
                {
                    if (row.Problems.Count > 0)
                    {
                        badRows++;
                        foreach (var p in row.Problems) { onProblem(p); problems++; }
                        continue;
                    }
                    if (problems > 0) continue; // already refused: keep checking every row, stop coding
                    batch.Add((row.Role!, reader.CurrentKey));
                    if (batch.Count == BatchSize)
                    {
                        rows.Add(new Batch(batch), cancel.Token);
                        batch = new List<(PostRole, string)>(BatchSize);
                    }
                }
                if (problems == 0 && batch.Count > 0) rows.Add(new Batch(batch), cancel.Token);
            }
            catch { cancel.Cancel(); throw; }
            finally { rows.CompleteAdding(); }
        }, TaskCreationOptions.LongRunning);

        var decideTask = Task.Factory.StartNew(() =>
        {
            try
            {
                // Roles of one post arrive together in an ESR extract; code them as one post (ESR-POST-02).
                var post = new List<(PostRole Role, string Key)>(4);
                StringWriter NewChunk() => new(spare.TryDequeue(out var sb) ? sb : new StringBuilder(), CultureInfo.InvariantCulture);
                var chunk = NewChunk();
                foreach (var batch in rows.GetConsumingEnumerable(cancel.Token))
                {
                    foreach (var item in batch.Rows)
                    {
                        if (post.Count > 0 && (post[0].Role.PostId != item.Role.PostId || post.Count >= MaxRolesPerPost)) Flush(post, chunk, summary, review, esr);
                        post.Add(item);
                    }
                    if (problems > 0) break;
                    chunks.Add(chunk.GetStringBuilder(), cancel.Token);
                    chunk = NewChunk();
                }
                if (problems == 0) Flush(post, chunk, summary, review, esr);
                if (chunk.GetStringBuilder().Length > 0) chunks.Add(chunk.GetStringBuilder(), cancel.Token);
            }
            catch { cancel.Cancel(); throw; }
            finally { chunks.CompleteAdding(); }
        }, TaskCreationOptions.LongRunning);

        var writeTask = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var text in chunks.GetConsumingEnumerable(cancel.Token))
                {
                    decisions.Write(text);
                    text.Clear();
                    spare.Enqueue(text);
                }
            }
            catch { cancel.Cancel(); throw; }
        }, TaskCreationOptions.LongRunning);

        try
        {
            Task.WaitAll(readTask, decideTask, writeTask);
        }
        catch (AggregateException e)
        {
            // Report the first real failure, not the cancellations it caused in the other stages.
            var first = e.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfoThrow(first);
        }
        return new RecodeOutcome(true, problems, badRows, summary);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RecodeOutcome RunSequential(ExtractReader reader, TextWriter decisions, TextWriter? review, TextWriter? esr, Action<ExtractProblem> onProblem, RecodeSummary summary)
    {
        var post = new List<(PostRole Role, string Key)>(4);
        var problems = 0;
        var badRows = 0;
        while (reader.ReadNext(out var row))
        {
            if (row.Problems.Count > 0)
            {
                badRows++;
                foreach (var p in row.Problems) { onProblem(p); problems++; }
                continue;
            }
            if (problems > 0) continue;
            if (post.Count > 0 && (post[0].Role.PostId != row.Role!.PostId || post.Count >= MaxRolesPerPost)) Flush(post, decisions, summary, review, esr);
            post.Add((row.Role!, reader.CurrentKey));
        }
        if (problems == 0) Flush(post, decisions, summary, review, esr);
        return new RecodeOutcome(true, problems, badRows, summary);
    }

    private static void ExceptionDispatchInfoThrow(Exception e) => System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush(List<(PostRole Role, string Key)> post, TextWriter decisions, RecodeSummary summary, TextWriter? review, TextWriter? esr)
    {
        // Roles of one post are coded together (ESR-POST-02); each role's decision depends only on its job description,
        // its current code and Area of Work, and how many roles the post has, so each combination is rendered once.
        var roles = post.Count;
        foreach (var (role, key) in post)
        {
            var code = role.CurrentCode?.Value ?? "";
            var length = key.Length + code.Length + role.CurrentAreaOfWork.Length + 3;
            if (_fullKey.Length < length) _fullKey = new char[length * 2];
            key.CopyTo(_fullKey);
            code.CopyTo(_fullKey.AsSpan(key.Length));
            _fullKey[key.Length + code.Length] = '\u001e';
            role.CurrentAreaOfWork.CopyTo(_fullKey.AsSpan(key.Length + code.Length + 1));
            _fullKey[length - 2] = '\u001e';
            _fullKey[length - 1] = (char)('0' + Math.Min(roles, 60));
            var full = _fullKey.AsSpan(0, length);
            if (!_renderedBySpan.TryGetValue(full, out var done))
            {
                var d = _engine.Finish(Assessment(role, key), role, _on, roles);
                // Without a report the reason lives only in the rendered tail; keep the memo small.
                done = (review is null && esr is null ? d with { Reason = "" } : d, Tail(d));
                if (_rendered.Count < RenderedLimit) _rendered[full.ToString()] = done;
            }
            CsvText.WriteField(decisions, role.PostId);
            decisions.Write(',');
            CsvText.WriteField(decisions, role.Role);
            decisions.Write(',');
            Span<char> wte = stackalloc char[32];
            decisions.Write(role.Wte.TryFormat(wte, out var written, default, CultureInfo.InvariantCulture) ? wte[..written] : role.Wte.ToString(CultureInfo.InvariantCulture));
            decisions.Write(done.Tail);
            summary.Add(done.Decision, role.Wte);
            if (review is not null && done.Decision.Status == CodingStatus.Review) ReviewCsv.WriteRow(review, Personal(done.Decision, role));
            if (esr is not null && EsrChangeCsv.Applies(done.Decision)) EsrChangeCsv.WriteRow(esr, role, Personal(done.Decision, role), _on);
        }
        post.Clear();
    }

    private CodingEngine.RoleAssessment Assessment(PostRole role, string key)
    {
        if (_memo.TryGetValue(key, out var assessment)) return assessment;
        assessment = _engine.Assess(role, _on);
        if (_memo.Count < MemoLimit) _memo[key] = assessment;
        return assessment;
    }

    // A shared decision, given this row's post, role and WTE.
    private static CodingDecision Personal(CodingDecision d, PostRole role) =>
        d.PostId == role.PostId && d.Role == role.Role && d.Wte == role.Wte ? d
            : d with { PostId = role.PostId, Role = role.Role, Wte = role.Wte, AreasOfWork = d.AreasOfWork.Select(a => a with { Wte = role.Wte }).ToList() };

    private static string Tail(CodingDecision d)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        DecisionCsv.WriteTail(w, d);
        return w.ToString();
    }
}
