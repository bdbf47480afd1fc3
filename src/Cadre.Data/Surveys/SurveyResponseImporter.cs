using Cadre.Core.Surveys;
using Cadre.Data.Register.Import;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Surveys;

/// <summary>
/// Imports a survey's responses from CSV or XLSX as survey tools export them: a column a question (by its heading), a
/// row a response, with the respondent's specialism, band and nation or region; other columns (response ids, times) are
/// left alone. Read within the input limits and decoded as the register's importer does (<see cref="TableReader"/>).
/// All or nothing: every row is checked first and the file is refused whole, naming file, row, column and value, on any
/// bad one; a good file is written in one save, each response and answer audited.
/// </summary>
public sealed class SurveyResponseImporter(CadreDbContext db)
{
    public static readonly ImportColumn Specialism = new("Specialism", true, "The respondent's specialism, as the survey asked it", "Your specialism", "Specialty", "Speciality");
    public static readonly ImportColumn Band = new("Band", false, "Agenda for Change band (e.g. 7, 8a) or 'Not stated'", "Pay band", "AfC band", "Agenda for Change band", "Your band");
    public static readonly ImportColumn Region = new("Nation or region", false, "e.g. Wales, North West", "Region", "Nation", "Nation/region", "Nation / region");

    public static IReadOnlyList<ImportColumn> RespondentColumns { get; } = [Specialism, Band, Region];

    public System.Text.Encoding? DeclaredEncoding { get; init; }

    private sealed record Row(int Number, string? Specialism, string? Band, string? Region, List<(Guid Question, string Value)> Answers);

    public async Task<ImportResult> ImportAsync(Guid surveyId, Stream stream, string fileName, CancellationToken cancel = default)
    {
        var file = Path.GetFileName(fileName);
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, cancel)
            ?? throw new InvalidOperationException("The survey was not found.");
        var questions = await db.SurveyQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Number).ToListAsync(cancel);
        var problems = new List<ImportProblem>();
        if (questions.Count == 0) return Refused(file, "the survey has no questions yet: add them before importing responses");
        if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId && r.FileName == file, cancel))
            return Refused(file, "a file of this name has already been imported into this survey, so nothing was written (rename the file if it holds other responses)");

        var rows = new List<Row>();
        await using var seekable = await SeekableStream.EnsureAsync(stream, cancel);
        try
        {
            using var reader = TableReader.Open(seekable.Stream, file, DeclaredEncoding);
            var questionColumns = questions.Select(q => new ImportColumn(q.Heading, true, q.Text)).ToList();
            var map = new ColumnMap(reader.Headers, [.. RespondentColumns, .. questionColumns], file, problems);
            if (problems.Count > 0) return new ImportResult(file, 0, 0, 0, 0, problems);
            while (reader.Read())
            {
                var answers = new List<(Guid, string)>();
                var ok = true;
                var band = AnswerCheck.Band(map.Get(reader, Band), out var bandExpected);
                if (bandExpected is not null) { problems.Add(new(file, reader.RowNumber, Band.Name, map.Get(reader, Band) ?? "", bandExpected)); ok = false; }
                for (var i = 0; i < questions.Count; i++)
                {
                    var raw = map.Get(reader, questionColumns[i]);
                    var outcome = AnswerCheck.Check(questions[i].Spec, raw);
                    if (!outcome.Accepted) { problems.Add(new(file, reader.RowNumber, questions[i].Heading, raw ?? "", outcome.Expected!)); ok = false; }
                    else if (outcome.Value is { } value) answers.Add((questions[i].Id, value));
                }
                if (ok) rows.Add(new(reader.RowNumber, Stated(map.Get(reader, Specialism)), band?.Code, Stated(map.Get(reader, Region)), answers));
                if (problems.Count >= ImportResult.MaxProblems) return new ImportResult(file, rows.Count, 0, 0, 0, problems, ProblemsTruncated: true);
            }
        }
        catch (ImportFormatException ex)
        {
            problems.Add(new(file, 0, "", "", ex.Message));
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add(new(file, 0, "", "", "the file has a header but no responses"));
        if (problems.Count > 0) return new ImportResult(file, rows.Count + problems.Select(p => p.Row).Distinct().Count(), 0, 0, 0, problems);

        foreach (var row in rows)
        {
            var response = new SurveyResponse { OrganisationId = survey.OrganisationId, SurveyId = survey.Id, FileName = file, RowNumber = row.Number, Specialism = row.Specialism, Band = row.Band, Region = row.Region };
            db.SurveyResponses.Add(response);
            foreach (var (question, value) in row.Answers)
                db.SurveyAnswers.Add(new SurveyAnswer { OrganisationId = survey.OrganisationId, SurveyId = survey.Id, ResponseId = response.Id, QuestionId = question, Value = value });
        }
        // One save is one transaction: every response and its audit entries, or none.
        await db.SaveChangesAsync(cancel);
        return new ImportResult(file, rows.Count, rows.Count, 0, 0, []);
    }

    private static string? Stated(string? value) => string.IsNullOrWhiteSpace(value) || AnswerCheck.IsNotStated(value) ? null : value.Trim();

    private static ImportResult Refused(string file, string why) => new(file, 0, 0, 0, 0, [new ImportProblem(file, 0, "", "", why)]);
}
