namespace Cadre.Core.JobEvaluation;

/// <summary>
/// Writes profiles in the printed suite layout that <see cref="ProfileSuiteReader"/> reads, with figures computed
/// from the levels. Used to export a library and to build large suites for tests and benchmarks.
/// </summary>
public sealed class ProfileSuiteWriter(JobEvaluationScorer scorer)
{
    public void Write(IEnumerable<NationalProfile> profiles, TextWriter w)
    {
        foreach (var p in profiles.Where(p => p.IsScorable))
        {
            var score = scorer.Score(p.Ranges, p.PrintedBand);
            w.WriteLine($"Profile Suite and Label\t{p.Suite} - {p.Title}");
            w.WriteLine($"Job Statement\t{p.JobStatement}");
            w.WriteLine();
            w.WriteLine("Factor\t\tLevel descriptor and example job information\tJE Level\tJE Score");
            foreach (var f in score.Factors)
            {
                var points = f.MinPoints == f.MaxPoints ? $"{f.MinPoints}" : $"{f.MinPoints}-{f.MaxPoints}";
                w.WriteLine($"{f.Factor.Number}.\t{f.Factor.ShortName}\t{p.Factors[f.Factor.Number - 1].Descriptor}\t{f.Levels.Notation}\t{points}");
            }
            var total = score.Min == score.Max ? $"{score.Min}" : $"{score.Min} - {score.Max}";
            var band = p.PrintedBand?.Printed ?? (score.MinBandName == score.MaxBandName ? score.MinBandName : $"{score.MinBandName}-{score.MaxBandName}");
            w.WriteLine($"JE Score {total}\t\t\tBand {band}\t");
            w.WriteLine();
        }
    }
}
