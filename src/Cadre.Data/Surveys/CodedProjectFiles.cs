using System.IO.Compression;
using System.Text;
using System.Xml;
using Cadre.Core.Surveys;
using Cadre.Data.Register.Export;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Surveys;

/// <summary>
/// The coded project for analysts' own tools: a REFI-QDA archive (<c>.qdpx</c>: a ZIP holding <c>project.qde</c>) and a
/// CSV of every coding through the register's formula-safe table writer. Both hold respondents' free text, so only the
/// roles that see people may ask for them (docs/decisions/surveys.md), and each export is recorded in the audit trail
/// by the caller as an export of personal data.
/// </summary>
public static class CodedProjectFiles
{
    public static readonly IReadOnlyList<string> CsvHeaders = ["Response file", "Row", "Question", "Specialism", "Band", "Nation or region", "Answer", "Theme", "Parent theme", "Analyst", "Quote"];

    public static async Task WriteQdpxAsync(CadreDbContext db, Survey survey, Stream output, DateTimeOffset now, CancellationToken cancel = default)
    {
        var (themes, answers, codings) = await LoadAsync(db, survey.Id, cancel);
        var sources = answers.Select(a => new QdaSource(a.Id, $"{a.File} row {a.Row}: {a.Question}", a.Text,
            $"Specialism: {a.Specialism ?? SurveyWords.NotStated}; band: {a.Band ?? SurveyWords.NotStated}; nation or region: {a.Region ?? SurveyWords.NotStated}")).ToList();
        var document = RefiQdaProject.Build(survey.Title, now, themes, sources, codings.Select(c => new ThemeCodingRow(c.AnswerId, c.ThemeId, c.Analyst)).ToList());
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await using var entry = zip.CreateEntry(RefiQdaProject.EntryName, CompressionLevel.Optimal).Open();
        await using var xml = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true });
        await document.SaveAsync(xml, cancel);
    }

    public static async Task WriteCsvAsync(CadreDbContext db, Survey survey, Stream output, CancellationToken cancel = default)
    {
        var (themes, answers, codings) = await LoadAsync(db, survey.Id, cancel);
        var names = themes.ToDictionary(t => t.Id);
        var byAnswer = codings.ToLookup(c => c.AnswerId);
        using var writer = TableWriter.Create(output, ExportFormat.Csv, "Coding");
        writer.WriteRow(CsvHeaders.Cast<object?>().ToList());
        foreach (var a in answers)
        {
            var mine = byAnswer[a.Id].OrderBy(c => c.Analyst, StringComparer.OrdinalIgnoreCase).ThenBy(c => names[c.ThemeId].Name, StringComparer.OrdinalIgnoreCase).ToList();
            if (mine.Count == 0) writer.WriteRow([a.File, a.Row, a.Question, a.Specialism, a.Band, a.Region, a.Text, null, null, null, null]);
            foreach (var c in mine)
            {
                var theme = names[c.ThemeId];
                var parent = theme.ParentId is { } p && names.TryGetValue(p, out var pt) ? pt.Name : null;
                writer.WriteRow([a.File, a.Row, a.Question, a.Specialism, a.Band, a.Region, a.Text, theme.Name, parent, c.Analyst, c.Quote ? "Yes" : "No"]);
            }
        }
    }

    private static async Task<(IReadOnlyList<ThemeSpec> Themes, List<SurveyQueries.FreeTextAnswer> Answers, List<SurveyCoding> Codings)> LoadAsync(CadreDbContext db, Guid surveyId, CancellationToken cancel) =>
        (await SurveyQueries.ThemesAsync(db, surveyId, cancel),
         await SurveyQueries.AllFreeTextAsync(db, surveyId, cancel),
         await db.SurveyCodings.AsNoTracking().Where(c => c.SurveyId == surveyId).ToListAsync(cancel));
}
