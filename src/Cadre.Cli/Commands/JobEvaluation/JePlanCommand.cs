using System.CommandLine;
using Cadre.Core.JobEvaluation;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary><c>cadre je plan</c>: the factor plan with points and level descriptors, and the band ranges.</summary>
internal static class JePlanCommand
{
    public static Command Create()
    {
        var factor = new Option<int?>("--factor") { Description = "Show one factor (1-16) with its sub-letters." };
        var command = new Command("plan", "Show the factor plan (levels, points, descriptors) and the band ranges.");
        command.Options.Add(factor);
        command.SetAction(parse =>
        {
            var reference = JeReference.Default;
            var only = parse.GetValue(factor);
            if (only is { } n && n is < 1 or > FactorPlan.FactorCount) return JeOutput.Fail("plan", $"there is no factor {n}; factors run 1 to 16.");
            Console.Out.WriteLine($"Factor plan {reference.Plan.Version} (lowest total {reference.Plan.MinimumTotal}, highest {reference.Plan.MaximumTotal})");
            foreach (var f in reference.Plan.Factors.Where(f => only is null || f.Number == only))
            {
                Console.Out.WriteLine();
                Console.Out.WriteLine($"{f.Number}. {f.Name}");
                foreach (var l in f.Levels)
                {
                    Console.Out.WriteLine($"   {l.Level}  {l.Points,3}  {l.Descriptor}");
                    if (only is not null)
                        foreach (var s in l.SubCriteria) Console.Out.WriteLine($"        ({s.Letter}) {s.Descriptor}{(s.Confidence == "M" ? " [unverified]" : "")}");
                }
            }
            if (only is null)
            {
                Console.Out.WriteLine();
                Console.Out.WriteLine($"Band ranges {reference.Bands.Version}: " + string.Join(", ", reference.Bands.Bands.Select(b => $"{b.Name} {b.MinScore}-{b.MaxScore}")) + "; above 765 not banded");
            }
            return 0;
        });
        return command;
    }
}
