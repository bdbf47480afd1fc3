namespace Cadre.Core.JobEvaluation;

/// <summary>A rule the engine applies, with the document and section it comes from, so every figure can be traced.</summary>
public sealed record JeRule(string Id, string Title, string Citation)
{
    public override string ToString() => $"{Id}: {Citation}";
}

/// <summary>
/// Every rule the job evaluation engine applies. Explanations and warnings name these ids; the citations say where a
/// panel member can check the rule. Rules marked "not verified" come from the handbook digest's provisional section.
/// </summary>
public static class JeRules
{
    public static readonly JeRule PointsPerLevel = new("JE-SCORE-01", "Points per factor level",
        "NHS JE Handbook 7th ed., chapter 5 (factor plan) and chapter 7 (scoring chart)");

    public static readonly JeRule TotalIsSum = new("JE-SCORE-02", "Job weight is the sum of the 16 factor scores",
        "NHS JE Handbook 7th ed., chapter 6 (weighting and scoring) / chapter 7");

    public static readonly JeRule SubLettersSamePoints = new("JE-LEVEL-01", "Sub-letters are alternative criteria and score the same points as their level",
        "NHS JE Handbook 7th ed., chapter 5 (level definitions: (a) ... or (b) ...)");

    public static readonly JeRule ProfileRange = new("JE-LEVEL-02", "A profile range covers every level from its lowest to its highest",
        "NHS JE Handbook 7th ed., chapter 9 (guide to the use of profiles)");

    public static readonly JeRule LevelWithinPlan = new("JE-LEVEL-03", "A level must exist in the factor plan",
        "NHS JE Handbook 7th ed., chapter 5 (number of levels per factor)");

    public static readonly JeRule BandFromTotal = new("JE-BAND-01", "The total decides the pay band",
        "NHS Terms and Conditions of Service handbook, table 1 (pay bands and job weight) / NHS JE Handbook 7th ed., chapter 8");

    public static readonly JeRule AboveBandNine = new("JE-BAND-02", "A total above 765 is outside Agenda for Change and is not banded",
        "NHS T&Cs table 1 (band 9 ends at 765)");

    public static readonly JeRule GenericProfile = new("JE-GEN-01", "Generic profiles (band marked *) keep their band when their minimum falls below it",
        "NHS JE Handbook 2nd ed., section 7 para 5.2 (generic profile provisions), as quoted in the national profile suites");

    public static readonly JeRule PrintedFiguresChecked = new("JE-PRINT-01", "Printed scores are checked against the scores the levels give",
        "Cadre's import rule: printed figures are checked against the factor plan and reported, not copied");

    public static readonly JeRule FactorWithinRange = new("JE-MATCH-01", "A job level inside the profile's level or range is not a variation",
        "NHS JE Handbook 2nd ed., section 9 ('matched exactly the profile levels or range'); 7th ed., chapter 11");

    public static readonly JeRule Variation = new("JE-MATCH-02", "A job level outside the profile's range is a variation, re-scored at the job's level",
        "NHS JE Handbook 7th ed., chapter 11 (matching procedure); variation limits not verified, handbook digest section 3.2");

    public static readonly JeRule MaxVariedFactors = new("JE-MATCH-03", "No more varied factors than the matching policy allows",
        "NHS JE Handbook 2nd ed., section 8 para 5 (matching rules), not verified");

    public static readonly JeRule ProtectedFactor = new("JE-MATCH-04", "A protected factor may not vary",
        "Matching policy option (handbook digest section 3.2, not verified)");

    public static readonly JeRule MaxLevelsPerVariation = new("JE-MATCH-05", "A factor may not vary by more levels than the policy allows",
        "Matching policy option (handbook digest section 3.2, no evidence found)");

    public static readonly JeRule RecalculatedBand = new("JE-MATCH-06", "The recalculated total must stay in the profile's band",
        "NHS JE Handbook 7th ed., chapter 11 (score decides band), not verified");

    public static readonly JeRule NoMatchNextStep = new("JE-MATCH-07", "No match: try another profile, else evaluate locally",
        "NHS JE Handbook 7th ed., chapter 11 and chapter 12 (local evaluation triggers)");

    public static readonly JeRule GenericAtMinimum = new("JE-GEN-02", "A job at the minimum of every range of a generic profile belongs one band lower",
        "NHS JE Handbook 2nd ed., section 7 para 5.2 (generic profile provisions)");

    public static IReadOnlyList<JeRule> All { get; } =
    [
        PointsPerLevel, TotalIsSum, SubLettersSamePoints, ProfileRange, LevelWithinPlan, BandFromTotal, AboveBandNine,
        GenericProfile, GenericAtMinimum, PrintedFiguresChecked, FactorWithinRange, Variation, MaxVariedFactors,
        ProtectedFactor, MaxLevelsPerVariation, RecalculatedBand, NoMatchNextStep,
    ];
}

/// <summary>One step of an explanation: what was decided, under which rule.</summary>
public sealed record ExplanationLine(JeRule Rule, string Text)
{
    public override string ToString() => $"{Text} [{Rule.Id}: {Rule.Citation}]";
}
