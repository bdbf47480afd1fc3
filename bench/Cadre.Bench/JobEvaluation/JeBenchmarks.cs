using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cadre.Core.JobEvaluation;
using Job = Cadre.Core.JobEvaluation.Job;

namespace Cadre.Bench.JobEvaluation;

/// <summary>
/// A short job (1 launch, 1 warm-up, 3 measured iterations) run in-process: the machine's NuGet mirror cannot restore
/// the separate project BenchmarkDotNet normally generates. Run one class per command so each peak is its own.
/// </summary>
public sealed class JeBenchConfig : ManualConfig
{
    public JeBenchConfig()
    {
        AddJob(BenchmarkDotNet.Jobs.Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>Prints the benchmark process's peak working set, which BenchmarkDotNet's memory diagnoser does not report.</summary>
internal static class PeakMemory
{
    public static void Report(string what)
    {
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"// JE-PEAK {what}: peak working set {self.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MiB, GC heap now {GC.GetTotalMemory(false) / (1024.0 * 1024.0):F1} MiB");
    }
}

/// <summary>
/// Ranking 100,000 jobs against a generated 1,000-profile library (issue 3). Each job keeps its 10 best candidates;
/// the jobs lie near random profiles so every outcome occurs. Run:
/// <c>dotnet run -c Release --project bench/Cadre.Bench -- --filter '*JeRanking*'</c>
/// </summary>
[Config(typeof(JeBenchConfig))]
public class JeRankingBenchmarks
{
    private const int ProfileCount = 1_000;
    private const int JobCount = 100_000;
    private const int Top = 10;

    private ProfileRanker _ranker = null!;
    private int[][] _jobs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var reference = JeReference.Default;
        var generator = new SyntheticProfiles(reference.Scorer, seed: 2026);
        var profiles = generator.Profiles(ProfileCount);
        _ranker = new ProfileRanker(reference.Scorer, reference.Policies.Default, profiles);
        if (_ranker.Profiles.Count != ProfileCount) throw new InvalidOperationException("every generated profile should be offered");
        _jobs = Enumerable.Range(0, JobCount).Select(_ => generator.JobNear(profiles)).ToArray();
    }

    /// <summary>One core: every job against every profile, best 10 kept.</summary>
    [Benchmark]
    public long Rank100kJobsAgainst1000Profiles()
    {
        Span<RankedCandidate> best = stackalloc RankedCandidate[Top];
        long check = 0;
        foreach (var job in _jobs)
        {
            var n = _ranker.RankTop(job, best);
            check += best[0].ProfileIndex + (int)best[0].Outcome + n;
        }
        return check;
    }

    /// <summary>The same work spread over the machine's cores.</summary>
    [Benchmark]
    public long Rank100kJobsAgainst1000ProfilesParallel()
    {
        long check = 0;
        Parallel.For(0, _jobs.Length, () => (Best: new RankedCandidate[Top], Sum: 0L), (i, _, state) =>
        {
            _ranker.RankTop(_jobs[i], state.Best);
            state.Sum += state.Best[0].ProfileIndex;
            return state;
        }, state => Interlocked.Add(ref check, state.Sum));
        return check;
    }

    /// <summary>A thousand jobs with the full, explained result for their 5 best profiles (what the CLI prints).</summary>
    [Benchmark]
    public int Rank1000JobsWithExplanations()
    {
        var count = 0;
        for (var i = 0; i < 1_000; i++) count += _ranker.Rank(Job.FromLevels("job", _jobs[i]), 5).Sum(r => r.Reasons.Count);
        return count;
    }

    [GlobalCleanup]
    public void Cleanup() => PeakMemory.Report("ranking");
}

/// <summary>
/// Reading a 1,000-profile suite printed in the seed 003 layout (written by <see cref="ProfileSuiteWriter"/> from
/// generated profiles, so every profile's print agrees with its levels). Run:
/// <c>dotnet run -c Release --project bench/Cadre.Bench -- --filter '*JeSuiteReading*'</c>
/// </summary>
[Config(typeof(JeBenchConfig))]
public class JeSuiteReadingBenchmarks
{
    private string _text = null!;
    private ProfileSuiteReader _reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var reference = JeReference.Default;
        var profiles = new SyntheticProfiles(reference.Scorer, seed: 7).Profiles(1_000);
        var writer = new StringWriter();
        new ProfileSuiteWriter(reference.Scorer).Write(profiles, writer);
        _text = writer.ToString();
        _reader = reference.SuiteReader();
        Console.WriteLine($"// JE-SUITE {_text.Length / 1024.0 / 1024.0:F2} MiB of text, {_text.Count(c => c == '\n')} lines");
    }

    [Benchmark]
    public int Read1000ProfileSuite()
    {
        var suite = _reader.Read(_text);
        if (suite.Profiles.Count != 1_000 || suite.Profiles.Any(p => p.Warnings.Count > 0)) throw new InvalidOperationException("suite did not read cleanly");
        return suite.Profiles.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => PeakMemory.Report("suite reading");
}
