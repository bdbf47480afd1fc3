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
    // Keyed by the reader's shared job-description object: rows of one job description share one assessment.
    private readonly Dictionary<PostRole, CodingEngine.RoleAssessment> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RenderKey, Rendered> _rendered = new();

    /// <summary>A job description (by reference) with a current code, current Area of Work and the number of roles in the post.</summary>
    private readonly record struct RenderKey(PostRole JobDescription, string Code, string Area, int Roles) : IEquatable<RenderKey>
    {
        public bool Equals(RenderKey other) => ReferenceEquals(JobDescription, other.JobDescription) && Roles == other.Roles &&
                                               string.Equals(Code, other.Code, StringComparison.Ordinal) && string.Equals(Area, other.Area, StringComparison.Ordinal);
        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(JobDescription), Code, Area, Roles);
    }

    /// <summary>A rendered decision and how many rows (and WTE) used it, counted into the summary at the end.</summary>
    private sealed class Rendered(CodingDecision decision, string tail)
    {
        public CodingDecision Decision { get; } = decision;
        public string Tail { get; } = tail;
        public int Rows;
        public decimal Wte;
    }

    public ExtractRecoder(CodingEngine engine, DateOnly on, bool parallel = true)
    {
        _engine = engine;
        _on = on;
        _parallel = parallel;
    }

    private readonly bool _parallel;
    private IProgress<int>? _progress;
    private int _coded;

    private sealed record Batch(List<(PostRole Role, PostRole? JobDescription)> Rows);

    /// <param name="onProblem">Called for every problem found, in file order, as soon as it is found (from a worker thread).</param>
    /// <param name="progress">Told the number of roles coded so far, every few thousand rows (for a progress bar).</param>
    public RecodeOutcome Run(TextReader input, TextWriter decisions, TextWriter? review, TextWriter? esr, Action<ExtractProblem> onProblem,
        IProgress<int>? progress = null)
    {
        _progress = progress;
        _coded = 0;
        var summary = new RecodeSummary();
        _memo.Clear();
        _rendered.Clear();
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
        // Rendered rows travel in reused char buffers: the writer hands each back once it is written.
        using var chunks = new BlockingCollection<CharChunk>(QueueDepth);
        var spare = new ConcurrentQueue<CharChunk>();
        var problems = 0;
        var badRows = 0;

        var readTask = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<(PostRole, PostRole?)>(BatchSize);
                while (reader.ReadNext(out var row))
                {
                    if (row.Problems.Count > 0)
                    {
                        badRows++;
                        foreach (var p in row.Problems) { onProblem(p); problems++; }
                        continue;
                    }
                    if (problems > 0) continue; // already refused: keep checking every row, stop coding
                    batch.Add((row.Role!, Memoisable(reader)));
                    if (batch.Count == BatchSize)
                    {
                        rows.Add(new Batch(batch), cancel.Token);
                        batch = new List<(PostRole, PostRole?)>(BatchSize);
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
                var post = new List<(PostRole Role, PostRole? JobDescription)>(4);
                CharChunk NewChunk() => spare.TryDequeue(out var c) ? c : new CharChunk();
                var chunk = NewChunk();
                foreach (var batch in rows.GetConsumingEnumerable(cancel.Token))
                {
                    foreach (var item in batch.Rows)
                    {
                        if (post.Count > 0 && (post[0].Role.PostId != item.Role.PostId || post.Count >= MaxRolesPerPost)) Flush(post, chunk, summary, review, esr);
                        post.Add(item);
                    }
                    if (problems > 0) break;
                    chunks.Add(chunk, cancel.Token);
                    chunk = NewChunk();
                }
                if (problems == 0) Flush(post, chunk, summary, review, esr);
                if (chunk.Length > 0) chunks.Add(chunk, cancel.Token);
            }
            catch { cancel.Cancel(); throw; }
            finally { chunks.CompleteAdding(); }
        }, TaskCreationOptions.LongRunning);

        var writeTask = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var chunk in chunks.GetConsumingEnumerable(cancel.Token))
                {
                    decisions.Write(chunk.Text);
                    chunk.Clear();
                    spare.Enqueue(chunk);
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
        CountRendered(summary);
        return new RecodeOutcome(true, problems, badRows, summary);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RecodeOutcome RunSequential(ExtractReader reader, TextWriter decisions, TextWriter? review, TextWriter? esr, Action<ExtractProblem> onProblem, RecodeSummary summary)
    {
        var post = new List<(PostRole Role, PostRole? JobDescription)>(4);
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
            post.Add((row.Role!, Memoisable(reader)));
        }
        if (problems == 0) Flush(post, decisions, summary, review, esr);
        CountRendered(summary);
        return new RecodeOutcome(true, problems, badRows, summary);
    }

    // The job description to memoise this row's assessment and rendering under, or null to code it afresh. A job
    // description is memoised from its second row on: the first row of each costs one extra assessment, and an extract
    // of all-different job descriptions (the worst case) neither fills the memos nor keeps its decisions alive.
    private static PostRole? Memoisable(ExtractReader reader) => reader.CurrentJobDescriptionRepeats ? reader.CurrentJobDescription : null;

    private static void ExceptionDispatchInfoThrow(Exception e) => System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush(List<(PostRole Role, PostRole? JobDescription)> post, TextWriter decisions, RecodeSummary summary, TextWriter? review, TextWriter? esr)
    {
        // Roles of one post are coded together (ESR-POST-02); each role's decision depends only on its job description,
        // its current code and Area of Work, and how many roles the post has, so each combination is rendered once.
        var roles = post.Count;
        Span<char> wte = stackalloc char[32];
        foreach (var (role, jd) in post)
        {
            Rendered? done = null;
            var key = jd is null ? default : new RenderKey(jd, role.CurrentCode?.Value ?? "", role.CurrentAreaOfWork, roles);
            CodingDecision decision;
            if (jd is not null && (_rendered.TryGetValue(key, out done) || _rendered.Count < RenderedLimit))
            {
                if (done is null)
                {
                    var d = _engine.Finish(Assessment(role, jd), role, _on, roles);
                    // Without a report the reason lives only in the rendered tail; keep the memo small.
                    _rendered[key] = done = new Rendered(review is null && esr is null ? d with { Reason = "" } : d, Tail(d));
                }
                done.Rows++;
                done.Wte += role.Wte;
                decision = done.Decision;
            }
            else
            {
                // Coded afresh and used once: counted now, and its tail written straight out rather than kept as a string.
                decision = _engine.Finish(Assessment(role, jd), role, _on, roles);
                summary.Add(decision, role.Wte);
            }
            CsvText.WriteField(decisions, role.PostId);
            decisions.Write(',');
            CsvText.WriteField(decisions, role.Role);
            decisions.Write(',');
            decisions.Write(role.Wte.TryFormat(wte, out var written, default, CultureInfo.InvariantCulture) ? wte[..written] : role.Wte.ToString(CultureInfo.InvariantCulture));
            if (done is not null) decisions.Write(done.Tail);
            else DecisionCsv.WriteTail(decisions, decision);
            if (review is not null && decision.Status == CodingStatus.Review) ReviewCsv.WriteRow(review, Personal(decision, role));
            if (esr is not null && EsrChangeCsv.Applies(decision)) EsrChangeCsv.WriteRow(esr, role, Personal(decision, role), _on);
        }
        if (_progress is not null && (_coded += roles) % 4_096 < roles) _progress.Report(_coded);
        post.Clear();
    }

    /// <summary>Counts the memoised decisions into the summary, once each with their row and WTE totals.</summary>
    private void CountRendered(RecodeSummary summary)
    {
        foreach (var r in _rendered.Values)
            if (r.Rows > 0) summary.Add(r.Decision, r.Rows, r.Wte);
        _rendered.Clear();
    }

    private CodingEngine.RoleAssessment Assessment(PostRole role, PostRole? jd)
    {
        if (jd is not null && _memo.TryGetValue(jd, out var assessment)) return assessment;
        assessment = _engine.Assess(role, _on);
        if (jd is not null && _memo.Count < MemoLimit) _memo[jd] = assessment;
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
