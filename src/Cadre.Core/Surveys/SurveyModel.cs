using Cadre.Core.Register;

namespace Cadre.Core.Surveys;

/// <summary>The kinds of question survey tools ask, each with its own check on an answer.</summary>
public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    Number,
    Scale,
    FreeText,
}

/// <summary>The groups a survey's population and its response rates are given by.</summary>
public enum PopulationDimension
{
    Specialism,
    Band,
    Region,
}

/// <summary>Where a survey's population came from: counted from the register on a day, or entered by group.</summary>
public enum PopulationSource
{
    Register,
    Entered,
}

/// <summary>
/// A question as the response file carries it: <see cref="Heading"/> is the column's name in the file a survey tool
/// exports, <see cref="Text"/> the question as asked.
/// </summary>
/// <param name="WithdrawalFrom">When set, answers equal to <see cref="WithdrawalAnswer"/> report withdrawal from this programme, compared with the register's own figure (INTEL-SUR-04).</param>
public sealed record QuestionSpec(Guid Id, string Heading, string Text, QuestionKind Kind, IReadOnlyList<string> Options,
    int? ScaleFrom = null, int? ScaleTo = null, TrainingProgramme? WithdrawalFrom = null, string? WithdrawalAnswer = null);

/// <summary>How many people a survey went to in one group (e.g. specialism "Radiotherapy Physics (H)": 40).</summary>
public sealed record PopulationGroup(PopulationDimension Dimension, string Group, int Count);

/// <summary>Who answered, as the response file says (null: not stated).</summary>
public sealed record Respondent(Guid ResponseId, string? Specialism, string? Band, string? Region);

/// <summary>The words the survey pages use.</summary>
public static class SurveyWords
{
    public const string NotStated = "Not stated";

    public static string Kind(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "Single choice",
        QuestionKind.MultipleChoice => "Multiple choice",
        QuestionKind.Number => "Number",
        QuestionKind.Scale => "Scale",
        QuestionKind.FreeText => "Free text",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {kind}"),
    };

    public static string Dimension(PopulationDimension d) => d switch
    {
        PopulationDimension.Specialism => "Specialism",
        PopulationDimension.Band => "Band",
        PopulationDimension.Region => "Nation or region",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {d}"),
    };

    public static string Source(PopulationSource s) => s switch
    {
        PopulationSource.Register => "Counted from the register",
        PopulationSource.Entered => "Entered by group",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {s}"),
    };
}
