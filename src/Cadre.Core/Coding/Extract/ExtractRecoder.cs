using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
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
/// Stages run side by side, joined by bounded queues so memory stays flat: one reader checks rows and cuts them into
/// batches at post boundaries; several deciders code batches, each with its own memos and counts; one writer puts the
/// rendered batches out in file order. At most <see cref="MaxInFlight"/> batches are between reader and writer at once.
/// Each job description (the deciding fields of a row) is assessed once per decider, and each job description with a
/// given current code and Area of Work is rendered once; the memos keep the first keys seen and stop growing.
/// </para>
/// </summary>
public sealed class ExtractRecoder
{
    private const int MemoLimit = 8_192;
    private const int RenderedLimit = 32_768;
    private const int MaxRolesPerPost = 64;
    private const int BatchSize = 512;
    private const int MaxInFlight = 8;
    private readonly CodingEngine _engine;
    private readonly DateOnly _on;
    private readonly bool _parallel;
    private readonly int _deciders;
    private IProgress<int>? _progress;
    private int _coded;

    /// <param name="parallel">False codes on the calling thread alone (same output, for tests and small runs).</param>
    /// <param name="deciders">How many batches are coded at once; by default one per core, at least two, at most four.</param>
    public ExtractRecoder(CodingEngine engine, DateOnly on, bool parallel = true, int? deciders = null)
    {
        _engine = engine;
        _on = on;
        _parallel = parallel;
        _deciders = deciders ?? Math.Clamp(Environment.ProcessorCount, 2, 4);
    }

    /// <summary>Rows of whole posts, numbered in file order so the writer can put them back in order.</summary>
    private sealed record Batch(long Sequence, List<(PostRole Role, PostRole? JobDescription)> Rows);

    /// <summary>A coded batch: its decisions and, when a report is asked for, its review and ESR rows, as text.</summary>
    private sealed record Rendered(long Sequence, CharChunk Decisions, CharChunk? Review, CharChunk? Esr);

    /// <param name="onProblem">Called for every problem found, in file order, as soon as it is found (from a worker thread).</param>
    /// <param name="progress">Told the number of roles coded so far, every few thousand rows (for a progress bar).</param>
    public RecodeOutcome Run(TextReader input, TextWriter decisions, TextWriter? review, TextWriter? esr, Action<ExtractProblem> onProblem,
        IProgress<int>? progress = null)
    {
        _progress = progress;
        _coded = 0;
        var reader = new ExtractReader(input, _engine.Reference.Services);
        var headerProblems = reader.ReadHeader();
        if (headerProblems.Count > 0)
        {
            foreach (var p in headerProblems) onProblem(p);
            return new RecodeOutcome(false, headerProblems.Count, 1, new RecodeSummary());
        }

        DecisionCsv.WriteHeader(decisions);
        if (review is not null) ReviewCsv.WriteHeader(review);
        if (esr is not null) EsrChangeCsv.WriteHeader(esr);

        return _parallel ? RunParallel(reader, decisions, review, esr, onProblem) : RunSequential(reader, decisions, review, esr, onProblem);
    }

    private RecodeOutcome RunParallel(ExtractReader reader, TextWriter decisions, TextWriter? review, TextWriter? esr, Action<ExtractProblem> onProblem)
    {
        using var cancel = new CancellationTokenSource();
        using var batches = new BlockingCollection<Batch>(MaxInFlight);
        using var rendered = new BlockingCollection<Rendered>();
        // A batch holds a place from the moment it is read until it is written, so a slow batch cannot let the others pile up.
        using var inFlight = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var spare = new ConcurrentQueue<CharChunk>();
        var problems = 0;
        var badRows = 0;
        var deciders = Enumerable.Range(0, _deciders).Select(_ => new Decider(this)).ToArray();
        var running = deciders.Length;

        var readTask = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<(PostRole, PostRole?)>(BatchSize + 16);
                var sequence = 0L;
                var cutter = new PostBoundary();
                while (reader.ReadNext(out var row))
                {
                    if (row.Problems.Count > 0)
                    {
                        badRows++;
                        foreach (var p in row.Problems) { onProblem(p); Interlocked.Increment(ref problems); }
                        continue;
                    }
                    if (Volatile.Read(ref problems) > 0) continue; // already refused: keep checking every row, stop coding
                    if (cutter.CutBefore(row.Role!, batch.Count))
                    {
                        inFlight.Wait(cancel.Token);
                        batches.Add(new Batch(sequence++, batch), cancel.Token);
                        batch = new List<(PostRole, PostRole?)>(BatchSize + 16);
                    }
                    batch.Add((row.Role!, Memoisable(reader)));
                }
                if (Volatile.Read(ref problems) == 0 && batch.Count > 0)
                {
                    inFlight.Wait(cancel.Token);
                    batches.Add(new Batch(sequence, batch), cancel.Token);
                }
            }
            catch { cancel.Cancel(); throw; }
            finally { batches.CompleteAdding(); }
        }, TaskCreationOptions.LongRunning);

        var decideTasks = deciders.Select(decider => Task.Factory.StartNew(() =>
        {
            try
            {
                CharChunk Chunk() => spare.TryDequeue(out var c) ? c : new CharChunk();
                foreach (var batch in batches.GetConsumingEnumerable(cancel.Token))
                {
                    var output = new Rendered(batch.Sequence, Chunk(), review is null ? null : Chunk(), esr is null ? null : Chunk());
                    if (Volatile.Read(ref problems) == 0) decider.Code(batch.Rows, output.Decisions, output.Review, output.Esr);
                    rendered.Add(output, cancel.Token);
                }
            }
            catch { cancel.Cancel(); throw; }
            finally { if (Interlocked.Decrement(ref running) == 0) rendered.CompleteAdding(); }
        }, TaskCreationOptions.LongRunning)).ToArray();

        var writeTask = Task.Factory.StartNew(() =>
        {
            try
            {
                var waiting = new Dictionary<long, Rendered>();
                var next = 0L;
                foreach (var output in rendered.GetConsumingEnumerable(cancel.Token))
                {
                    waiting.Add(output.Sequence, output);
                    while (waiting.Remove(next, out var ready))
                    {
                        Put(ready.Decisions, decisions);
                        Put(ready.Review, review);
                        Put(ready.Esr, esr);
                        inFlight.Release();
                        next++;
                    }
                }
            }
            catch { cancel.Cancel(); throw; }

            void Put(CharChunk? chunk, TextWriter? to)
            {
                if (chunk is null) return;
                to!.Write(chunk.Text);
                chunk.Clear();
                spare.Enqueue(chunk);
            }
        }, TaskCreationOptions.LongRunning);

        try
        {
            Task.WaitAll([readTask, .. decideTasks, writeTask]);
        }
        catch (AggregateException e)
        {
            // Report the first real failure, not the cancellations it caused in the other stages.
            var first = e.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
        var summary = new RecodeSummary();
        foreach (var decider in deciders) summary.Merge(decider.Finish());
        return new RecodeOutcome(true, problems, badRows, summary);
    }

    private RecodeOutcome RunSequential(ExtractReader reader, TextWriter decisions, TextWriter? review, TextWriter? esr, Action<ExtractProblem> onProblem)
    {
        var decider = new Decider(this);
        var batch = new List<(PostRole Role, PostRole? JobDescription)>(BatchSize + 16);
        var cutter = new PostBoundary();
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
            if (cutter.CutBefore(row.Role!, batch.Count))
            {
                decider.Code(batch, decisions, review, esr);
                batch.Clear();
            }
            batch.Add((row.Role!, Memoisable(reader)));
        }
        if (problems == 0 && batch.Count > 0) decider.Code(batch, decisions, review, esr);
        return new RecodeOutcome(true, problems, badRows, decider.Finish());
    }

    /// <summary>
    /// Where a batch may end: only between posts, or where a decider would split an overlong post anyway, so each post is
    /// coded whole by one decider.
    /// </summary>
    private sealed class PostBoundary
    {
        private string? _lastPost;
        private int _run;

        public bool CutBefore(PostRole role, int batchCount)
        {
            var samePost = _lastPost is not null && string.Equals(_lastPost, role.PostId, StringComparison.Ordinal);
            _run = samePost ? _run + 1 : 1;
            _lastPost = role.PostId;
            return batchCount >= BatchSize && (!samePost || (_run - 1) % MaxRolesPerPost == 0);
        }
    }

    // The job description to memoise this row's assessment and rendering under, or null to code it afresh. A job
    // description is memoised from its second row on: the first row of each costs one extra assessment, and an extract
    // of all-different job descriptions (the worst case) neither fills the memos nor keeps its decisions alive.
    private static PostRole? Memoisable(ExtractReader reader) => reader.CurrentJobDescriptionRepeats ? reader.CurrentJobDescription : null;

    private void Coded(int roles)
    {
        if (_progress is null) return;
        var coded = Interlocked.Add(ref _coded, roles);
        if (coded % 4_096 < roles) _progress.Report(coded);
    }

    /// <summary>
    /// Codes batches of whole posts: its own memos and counts, so deciders running side by side share nothing but the
    /// (thread-safe) engine.
    /// </summary>
    private sealed class Decider(ExtractRecoder owner)
    {
        // Keyed by the reader's shared job-description object: rows of one job description share one assessment.
        private readonly Dictionary<PostRole, CodingEngine.RoleAssessment> _memo = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<RenderKey, Memo> _rendered = new();
        private readonly RecodeSummary _summary = new();
        private readonly List<(PostRole Role, PostRole? JobDescription)> _post = new(4);
        // The reason of a decision written out at once and kept nowhere is composed here, never made into a string.
        private readonly System.Text.StringBuilder _reason = new(512);

        /// <summary>Codes rows in order, post by post (roles of one post arrive together in an ESR extract; ESR-POST-02).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Code(List<(PostRole Role, PostRole? JobDescription)> rows, TextWriter decisions, TextWriter? review, TextWriter? esr)
        {
            foreach (var item in rows)
            {
                if (_post.Count > 0 && (!string.Equals(_post[0].Role.PostId, item.Role.PostId, StringComparison.Ordinal) || _post.Count >= MaxRolesPerPost))
                    Flush(decisions, review, esr);
                _post.Add(item);
            }
            if (_post.Count > 0) Flush(decisions, review, esr);
        }

        /// <summary>The counts of everything this decider coded, memoised decisions included once each with their totals.</summary>
        public RecodeSummary Finish()
        {
            foreach (var r in _rendered.Values)
                if (r.Rows > 0) _summary.Add(r.Decision, r.Rows, r.Wte);
            _rendered.Clear();
            _memo.Clear();
            return _summary;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Flush(TextWriter decisions, TextWriter? review, TextWriter? esr)
        {
            // Each role's decision depends only on its job description, its current code and Area of Work, and how many
            // roles the post has, so each combination is rendered once.
            var engine = owner._engine;
            var on = owner._on;
            var roles = _post.Count;
            Span<char> wte = stackalloc char[32];
            foreach (var (role, jd) in _post)
            {
                Memo? done = null;
                var streamed = false;
                var key = jd is null ? default : new RenderKey(jd, role.CurrentCode?.Value ?? "", role.CurrentAreaOfWork, roles);
                CodingDecision decision;
                if (jd is not null && (_rendered.TryGetValue(key, out done) || _rendered.Count < RenderedLimit))
                {
                    if (done is null)
                    {
                        var d = engine.Finish(Assessment(role, jd), role, on, roles);
                        // Without a report the reason lives only in the rendered tail; keep the memo small.
                        _rendered[key] = done = new Memo(review is null && esr is null ? d with { Reason = "" } : d, Tail(d));
                    }
                    done.Rows++;
                    done.Wte += role.Wte;
                    decision = done.Decision;
                }
                else
                {
                    // Coded afresh and used once: counted now, and its tail written straight out rather than kept as a string
                    // (its reason too, unless the review or ESR list needs it).
                    streamed = jd is null && review is null && esr is null;
                    decision = streamed ? engine.FinishOwned(engine.Assess(role, on), role, on, roles, _reason)
                        : jd is null ? engine.FinishOwned(engine.Assess(role, on), role, on, roles) : engine.Finish(Assessment(role, jd), role, on, roles);
                    _summary.Add(decision, role.Wte);
                }
                CsvText.WriteField(decisions, role.PostId);
                decisions.Write(',');
                CsvText.WriteField(decisions, role.Role);
                decisions.Write(',');
                decisions.Write(role.Wte.TryFormat(wte, out var written, default, CultureInfo.InvariantCulture) ? wte[..written] : role.Wte.ToString(CultureInfo.InvariantCulture));
                if (done is not null) decisions.Write(done.Tail);
                else if (streamed) DecisionCsv.WriteTail(decisions, decision, _reason);
                else DecisionCsv.WriteTail(decisions, decision);
                if (review is not null && decision.Status == CodingStatus.Review) ReviewCsv.WriteRow(review, Personal(decision, role));
                if (esr is not null && EsrChangeCsv.Applies(decision)) EsrChangeCsv.WriteRow(esr, role, Personal(decision, role), on);
            }
            owner.Coded(roles);
            _post.Clear();
        }

        private CodingEngine.RoleAssessment Assessment(PostRole role, PostRole jd)
        {
            if (_memo.TryGetValue(jd, out var assessment)) return assessment;
            assessment = owner._engine.Assess(role, owner._on);
            if (_memo.Count < MemoLimit) _memo[jd] = assessment;
            return assessment;
        }
    }

    /// <summary>A job description (by reference) with a current code, current Area of Work and the number of roles in the post.</summary>
    private readonly record struct RenderKey(PostRole JobDescription, string Code, string Area, int Roles) : IEquatable<RenderKey>
    {
        public bool Equals(RenderKey other) => ReferenceEquals(JobDescription, other.JobDescription) && Roles == other.Roles &&
                                               string.Equals(Code, other.Code, StringComparison.Ordinal) && string.Equals(Area, other.Area, StringComparison.Ordinal);
        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(JobDescription), Code, Area, Roles);
    }

    /// <summary>A rendered decision and how many rows (and WTE) used it, counted into the summary at the end.</summary>
    private sealed class Memo(CodingDecision decision, string tail)
    {
        public CodingDecision Decision { get; } = decision;
        public string Tail { get; } = tail;
        public int Rows;
        public decimal Wte;
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
