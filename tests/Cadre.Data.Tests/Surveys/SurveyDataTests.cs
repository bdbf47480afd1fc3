using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Cadre.Core.Register;
using Cadre.Core.Surveys;
using Cadre.Data.Auditing;
using Cadre.Data.Demo;
using Cadre.Data.Register.Export;
using Cadre.Data.Security;
using Cadre.Data.Surveys;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Surveys;

/// <summary>
/// Surveys on SQLite and PostgreSQL: a population counted from the demo register, responses imported all or nothing
/// (CSV and XLSX), every change audited, coding exported, and one organisation never seeing another's survey.
/// </summary>
public sealed class SurveyDataTests
{
    private const string Questions = "Withdrew | single | Have you withdrawn from HSST? | Yes; No\nWhy | free text | What would have helped?\nSupport | scale 1-5 | How supported did you feel?";

    private sealed record Setup(TestDatabase Database, Guid Demo, Guid Second, Guid SurveyId);

    private static async Task<Setup> SetUpAsync(string kind)
    {
        var database = await TestDatabase.CreateAsync(kind, migrate: false);
        await using (var services = database.NewServices())
            await CadreDatabaseInitialiser.InitialiseAsync(services, new InitialiseOptions { CreateAdministrator = false });
        await using var system = database.NewContext(OrganisationScope.System);
        var demo = await system.Organisations.Where(o => o.OdsCode == DemoOrganisations.DemoOdsCode).Select(o => o.Id).SingleAsync();
        var second = await system.Organisations.Where(o => o.OdsCode == DemoOrganisations.SecondOdsCode).Select(o => o.Id).SingleAsync();
        await using var db = database.NewContext(OrganisationScope.For([demo]), new AuditActor("u1", "wi@a.test"));
        var (questions, problems) = DefinitionText.Questions(Questions);
        Assert.Empty(problems);
        var outcome = await new SurveyDefinitions(db, TimeProvider.System).DefineAsync(new SurveyDefinition(demo, "HSST survey", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
            questions, new RegisterPopulationFilter(DemoOrganisations.AsAt, 'H', PayBand.Band5, PayBand.Band9), [], null, "Withdrew", "yes", TrainingProgramme.Hsst), "wi@a.test");
        Assert.Empty(outcome.Problems);
        return new(database, demo, second, outcome.Survey!.Id);
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private const string GoodFile =
        "Response ID,Specialism,Band,Nation or region,Withdrew,Why,Support\n" +
        "1,Radiotherapy Physics,7,England,Yes,\"Funding for the post, and a supervisor\",2\n" +
        "2,Radiotherapy Physics,Band 8a,Wales,No,,4\n" +
        "3,Nuclear Medicine and Radiopharmacy,Prefer not to say,England,No,More time with my supervisor,5\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_register_population_is_counted_by_service_and_band_and_the_definition_is_audited(string kind)
    {
        var s = await SetUpAsync(kind);
        await using var _ = s.Database;
        await using var db = s.Database.NewContext(OrganisationScope.For([s.Demo]));
        var groups = await db.SurveyPopulationGroups.Where(g => g.SurveyId == s.SurveyId).ToListAsync();
        // Worked from the register the same way: people in post on the day in Medical Physics posts of band 5 to 9, once each.
        var snapshot = await Cadre.Data.Intelligence.WorkforceSnapshotQuery.BuildAsync(db, DemoOrganisations.AsAt, s.Demo, checkCoding: false);
        var w = new Cadre.Core.Intelligence.Workforce(snapshot);
        var posts = snapshot.Posts.Where(p => p.Band >= PayBand.Band5 && w.MainTheme(p) == 'H').Select(p => p.Id).ToHashSet();
        var people = snapshot.Holders.Where(h => posts.Contains(h.PostId)).Select(h => h.PersonId).Distinct().Count();
        Assert.True(people > 0);
        Assert.Equal(people, groups.Where(g => g.Dimension == PopulationDimension.Specialism).Sum(g => g.Count));
        Assert.Equal(people, groups.Where(g => g.Dimension == PopulationDimension.Band).Sum(g => g.Count));
        Assert.Contains(groups, g => g.Group == "Radiotherapy Physics");
        var question = await db.SurveyQuestions.SingleAsync(q => q.SurveyId == s.SurveyId && q.Heading == "Withdrew");
        Assert.Equal((TrainingProgramme.Hsst, "Yes"), (question.WithdrawalFrom!.Value, question.WithdrawalAnswer!));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Survey) && a.EntityId == s.SurveyId.ToString() && a.Action == AuditAction.Created));
        var questionIds = (await db.SurveyQuestions.Where(q => q.SurveyId == s.SurveyId).Select(q => q.Id).ToListAsync()).Select(id => id.ToString()).ToList();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveyQuestion) && questionIds.Contains(a.EntityId)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_a_bad_row_is_refused_whole_naming_file_row_column_and_value(string kind)
    {
        var s = await SetUpAsync(kind);
        await using var _ = s.Database;
        await using var db = s.Database.NewContext(OrganisationScope.For([s.Demo]));
        var bad = GoodFile + "4,Radiotherapy Physics,7,England,Perhaps,,9\n";
        var auditedBefore = await db.AuditEntries.CountAsync();

        var result = await new SurveyResponseImporter(db).ImportAsync(s.SurveyId, Csv(bad), "responses.csv");

        Assert.False(result.Succeeded);
        Assert.Equal(["responses.csv, row 5, column 'Withdrew': 'Perhaps' - expected one of: 'Yes', 'No'",
            "responses.csv, row 5, column 'Support': '9' - expected a whole number from 1 to 5"], result.Problems.Select(p => p.ToString()));
        Assert.Equal(0, await db.SurveyResponses.CountAsync(x => x.SurveyId == s.SurveyId));
        Assert.Equal(0, await db.SurveyAnswers.CountAsync(x => x.SurveyId == s.SurveyId));
        Assert.Equal(auditedBefore, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_good_file_is_written_with_every_answer_audited_and_a_missing_column_is_named(string kind)
    {
        var s = await SetUpAsync(kind);
        await using var _ = s.Database;
        await using var db = s.Database.NewContext(OrganisationScope.For([s.Demo]), new AuditActor("u1", "wi@a.test"));
        var importer = new SurveyResponseImporter(db);

        var missing = await importer.ImportAsync(s.SurveyId, Csv("Specialism,Withdrew,Why\nRadiotherapy Physics,Yes,x\n"), "short.csv");
        Assert.Equal(["short.csv, row 1, column 'Support': '' - the header row has no 'Support' column, which is required"], missing.Problems.Select(p => p.ToString()));

        var result = await importer.ImportAsync(s.SurveyId, Csv(GoodFile), "responses.csv");
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var responses = await db.SurveyResponses.Where(x => x.SurveyId == s.SurveyId).OrderBy(r => r.RowNumber).ToListAsync();
        Assert.Equal([("Radiotherapy Physics", "7", "England"), ("Radiotherapy Physics", "8a", "Wales"), ("Nuclear Medicine and Radiopharmacy", (string?)null, "England")],
            responses.Select(r => (r.Specialism!, r.Band, r.Region!)));
        // 3 + 2 + 3 answers: the empty free-text answer on file row 3 is no answer.
        Assert.Equal(8, await db.SurveyAnswers.CountAsync(x => x.SurveyId == s.SurveyId));
        var answerIds = (await db.SurveyAnswers.Where(x => x.SurveyId == s.SurveyId).Select(a => a.Id).ToListAsync()).Select(id => id.ToString()).ToList();
        Assert.Equal(8, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveyAnswer) && a.Action == AuditAction.Created && answerIds.Contains(a.EntityId)));
        // The same file again is refused, not doubled.
        var again = await importer.ImportAsync(s.SurveyId, Csv(GoodFile), "responses.csv");
        Assert.False(again.Succeeded);
        Assert.Equal(3, await db.SurveyResponses.CountAsync(x => x.SurveyId == s.SurveyId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task An_xlsx_export_from_a_survey_tool_is_read_like_a_csv(string kind)
    {
        var s = await SetUpAsync(kind);
        await using var _ = s.Database;
        await using var db = s.Database.NewContext(OrganisationScope.For([s.Demo]));
        var workbook = new MemoryStream();
        using (var writer = TableWriter.Create(workbook, ExportFormat.Xlsx, "Responses"))
            foreach (var line in GoodFile.TrimEnd().Split('\n'))
                writer.WriteRow(ParseLine(line));
        workbook.Position = 0;

        var result = await new SurveyResponseImporter(db).ImportAsync(s.SurveyId, workbook, "responses.xlsx");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("Funding for the post, and a supervisor", await db.SurveyAnswers.Where(x => x.SurveyId == s.SurveyId).Where(a => a.Value.StartsWith("Funding")).Select(a => a.Value).SingleAsync());
    }

    private static List<object?> ParseLine(string line)
    {
        var cells = new List<object?>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        cells.Add(field.ToString());
        return cells;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Coding_is_per_analyst_and_exported_as_a_project_and_a_csv(string kind)
    {
        var s = await SetUpAsync(kind);
        await using var _ = s.Database;
        await using var db = s.Database.NewContext(OrganisationScope.For([s.Demo]), new AuditActor("u1", "wi@a.test"));
        Assert.True((await new SurveyResponseImporter(db).ImportAsync(s.SurveyId, Csv(GoodFile), "responses.csv")).Succeeded);
        var definitions = new SurveyDefinitions(db, TimeProvider.System);
        var training = (await definitions.AddThemeAsync(s.SurveyId, "Training", "The programme itself", null)).Theme!;
        var supervision = (await definitions.AddThemeAsync(s.SurveyId, "Supervision", "Time with a supervisor", training.Id)).Theme!;
        Assert.Equal("The codebook already has a theme called 'supervision'", (await definitions.AddThemeAsync(s.SurveyId, "supervision", null, null)).Problem);
        var answers = await db.SurveyAnswers.Where(x => x.SurveyId == s.SurveyId).Where(a => a.Value.Contains("supervisor")).OrderBy(a => a.Value).ToListAsync();
        var coding = new ThematicCoding(db, TimeProvider.System);
        Assert.True(await coding.SetThemesAsync(s.SurveyId, answers[0].Id, "ana@a.test", [supervision.Id, training.Id]));
        Assert.True(await coding.SetThemesAsync(s.SurveyId, answers[0].Id, "ana@a.test", [supervision.Id])); // replaces her own choice
        Assert.True(await coding.SetThemesAsync(s.SurveyId, answers[0].Id, "ben@a.test", [training.Id]));
        Assert.True(await coding.SetQuoteAsync(s.SurveyId, answers[0].Id, supervision.Id, "ana@a.test", quote: true));
        Assert.Equal(["ana@a.test:Supervision:True", "ben@a.test:Training:False"],
            (await db.SurveyCodings.Where(x => x.SurveyId == s.SurveyId).OrderBy(c => c.Analyst).ToListAsync()).Select(c => $"{c.Analyst}:{(c.ThemeId == supervision.Id ? "Supervision" : "Training")}:{c.Quote}"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveyCoding) && a.Action == AuditAction.Deleted && a.Who == "wi@a.test"));

        var survey = (await SurveyQueries.FindAsync(db, s.SurveyId))!;
        var archive = new MemoryStream();
        await CodedProjectFiles.WriteQdpxAsync(db, survey, archive, DateTimeOffset.UnixEpoch);
        using var zip = new ZipArchive(new MemoryStream(archive.ToArray()));
        var project = XDocument.Load(zip.GetEntry("project.qde")!.Open());
        Assert.Equal(2, project.Descendants(RefiQdaProject.Ns + "TextSource").Count());
        var csv = new MemoryStream();
        await CodedProjectFiles.WriteCsvAsync(db, survey, csv);
        var lines = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", CodedProjectFiles.CsvHeaders), lines[0]);
        Assert.Contains("responses.csv,2,Why,Radiotherapy Physics,7,England,\"Funding for the post, and a supervisor\",Supervision,Training,ana@a.test,Yes", lines);
        Assert.Contains("responses.csv,4,Why,Nuclear Medicine and Radiopharmacy,,England,More time with my supervisor,,,,", lines);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Another_organisation_sees_no_survey_and_cannot_write_to_one(string kind)
    {
        var s = await SetUpAsync(kind);
        await using var _ = s.Database;
        await using var other = s.Database.NewContext(OrganisationScope.For([s.Second]), new AuditActor("u2", "wi@b.test"));
        Assert.Empty(await other.Surveys.ToListAsync());
        Assert.Empty(await other.SurveyAnswers.ToListAsync());
        Assert.Null(await SurveyQueries.FindAsync(other, s.SurveyId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new SurveyResponseImporter(other).ImportAsync(s.SurveyId, Csv(GoodFile), "responses.csv"));
        // Writing straight into the other organisation's survey is refused by the save guard.
        other.SurveyThemes.Add(new SurveyTheme { OrganisationId = s.Demo, SurveyId = s.SurveyId, Name = "Sneaky" });
        await Assert.ThrowsAsync<OrganisationScopeException>(() => other.SaveChangesAsync());
    }
}
