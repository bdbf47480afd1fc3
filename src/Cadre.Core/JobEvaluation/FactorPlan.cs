using System.Collections.Frozen;

namespace Cadre.Core.JobEvaluation;

/// <summary>One lettered criterion within a level: alternatives joined by "or" in the handbook (JE-LEVEL-01).</summary>
/// <param name="Confidence">V verified, P partly verified, M from memory (see reference/job-evaluation/README.md).</param>
public sealed record SubCriterion(char Letter, string Descriptor, string Confidence);

/// <summary>A level of one factor: its points and what it means.</summary>
public sealed record FactorLevel(int Factor, int Level, int Points, string Descriptor, string Confidence, IReadOnlyList<SubCriterion> SubCriteria)
{
    public SubCriterion? SubCriterion(char letter) => SubCriteria.FirstOrDefault(s => s.Letter == letter);
}

/// <summary>One of the 16 factors of the Agenda for Change job evaluation scheme.</summary>
public sealed record Factor(int Number, string Name, string ShortName, IReadOnlyList<FactorLevel> Levels)
{
    public int MaxLevel => Levels.Count;
    public int MaxPoints => Levels[^1].Points;

    public bool HasLevel(int level) => level >= 1 && level <= MaxLevel;

    /// <summary>Points for a level (JE-SCORE-01). Throws <see cref="LevelOutOfRangeException"/> naming the factor.</summary>
    public int PointsFor(int level)
    {
        if (!HasLevel(level)) throw new LevelOutOfRangeException(this, level);
        return Levels[level - 1].Points;
    }

    public FactorLevel Level(int level)
    {
        if (!HasLevel(level)) throw new LevelOutOfRangeException(this, level);
        return Levels[level - 1];
    }

    public override string ToString() => $"factor {Number} ({Name})";
}

/// <summary>A level that the factor plan does not have (JE-LEVEL-03). The message names the factor and its range.</summary>
public sealed class LevelOutOfRangeException(Factor factor, int level)
    : Exception(level < 1
        ? $"Factor {factor.Number} ({factor.Name}): level {level} does not exist; levels start at 1."
        : $"Factor {factor.Number} ({factor.Name}) has levels 1 to {factor.MaxLevel}; level {level} is above its maximum.")
{
    public Factor Factor { get; } = factor;
    public int Level { get; } = level;
}

/// <summary>
/// The factor plan: 16 factors, their levels and points, and a short descriptor for every level and sub-letter.
/// Loaded from versioned data so a correction to a points value is a data change, not a code change.
/// </summary>
public sealed class FactorPlan
{
    public const int FactorCount = 16;

    // Short names follow the labels the national profiles print, so readers of a profile recognise them.
    private static readonly string[] ShortNames =
    [
        "Communication", "Knowledge, training & experience", "Analytical & judgemental", "Planning & organisational",
        "Physical skills", "Patient/client care", "Policy/service development", "Financial & physical resources",
        "Human resources", "Information resources", "Research & development", "Freedom to act", "Physical effort",
        "Mental effort", "Emotional effort", "Working conditions",
    ];

    public string Version { get; }
    public IReadOnlyList<Factor> Factors { get; }

    public FactorPlan(string version, IReadOnlyList<Factor> factors)
    {
        if (factors.Count != FactorCount) throw new FormatException($"The factor plan must have {FactorCount} factors; it has {factors.Count}.");
        for (var i = 0; i < factors.Count; i++)
        {
            if (factors[i].Number != i + 1) throw new FormatException($"The factor plan's factors must be numbered 1 to {FactorCount} in order; found {factors[i].Number} at position {i + 1}.");
            for (var l = 1; l < factors[i].Levels.Count; l++)
                if (factors[i].Levels[l].Points <= factors[i].Levels[l - 1].Points)
                    throw new FormatException($"Factor {i + 1}: points must rise with the level (level {l + 1} has {factors[i].Levels[l].Points}).");
        }
        Version = version;
        Factors = factors;
    }

    public Factor this[int number] => number is >= 1 and <= FactorCount
        ? Factors[number - 1]
        : throw new ArgumentOutOfRangeException(nameof(number), $"There is no factor {number}; the plan has factors 1 to {FactorCount}.");

    /// <summary>Lowest possible total: level 1 on every factor.</summary>
    public int MinimumTotal => Factors.Sum(f => f.Levels[0].Points);

    /// <summary>Highest possible total: the top level on every factor.</summary>
    public int MaximumTotal => Factors.Sum(f => f.MaxPoints);

    /// <summary>Reads the plan from the two CSV files: factor,name,level,points and factor,level,sub,confidence,descriptor.</summary>
    public static FactorPlan Parse(TextReader factorPlanCsv, TextReader descriptorsCsv, string version)
    {
        var descriptors = new Dictionary<(int, int), (string Text, string Conf)>();
        var subs = new Dictionary<(int, int), List<SubCriterion>>();
        foreach (var row in Csv.ReadRows(descriptorsCsv))
        {
            if (row.Length < 5) throw new FormatException($"level-descriptors.csv: expected 5 columns, found {row.Length}: {string.Join(',', row)}");
            var key = (int.Parse(row[0]), int.Parse(row[1]));
            if (row[2].Length == 0) descriptors[key] = (row[4], row[3]);
            else
            {
                if (!subs.TryGetValue(key, out var list)) subs[key] = list = [];
                list.Add(new SubCriterion(char.ToLowerInvariant(row[2][0]), row[4], row[3]));
            }
        }

        var byFactor = new SortedDictionary<int, (string Name, List<(int Level, int Points)> Levels)>();
        foreach (var row in Csv.ReadRows(factorPlanCsv))
        {
            if (row.Length < 4) throw new FormatException($"factor-plan.csv: expected 4 columns, found {row.Length}: {string.Join(',', row)}");
            var number = int.Parse(row[0]);
            if (!byFactor.TryGetValue(number, out var entry)) byFactor[number] = entry = (row[1], []);
            entry.Levels.Add((int.Parse(row[2]), int.Parse(row[3])));
        }

        var factors = new List<Factor>();
        foreach (var (number, (name, levels)) in byFactor)
        {
            var ordered = levels.OrderBy(l => l.Level).ToList();
            for (var i = 0; i < ordered.Count; i++)
                if (ordered[i].Level != i + 1) throw new FormatException($"factor-plan.csv: factor {number} levels must run 1, 2, 3 ... without gaps.");
            var factorLevels = ordered.Select(l =>
            {
                var d = descriptors.TryGetValue((number, l.Level), out var found) ? found : ("(no descriptor recorded)", "M");
                IReadOnlyList<SubCriterion> s = subs.TryGetValue((number, l.Level), out var list) ? list : [];
                return new FactorLevel(number, l.Level, l.Points, d.Item1, d.Item2, s);
            }).ToList();
            factors.Add(new Factor(number, name, number <= ShortNames.Length ? ShortNames[number - 1] : name, factorLevels));
        }
        return new FactorPlan(version, factors);
    }
}
