using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Cadre.Core.Coding;
using Cadre.Core.Coding.Extract;
using Cadre.Data.Coding;
using Cadre.Data.Register.Export;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.Coding;

/// <summary>
/// Occupation coding over HTTP: the progress of an extract re-code (polled by the progress bar), the run's downloads
/// (CSV and XLSX, formulas neutralised), and /api/v1/coding in the OpenAPI document. Runs and posts of another
/// organisation are not found (404), as everywhere else.
/// </summary>
public static class CodingEndpoints
{
    public static IEndpointRouteBuilder MapCadreCoding(IEndpointRouteBuilder app)
    {
        app.MapGet("/coding/extracts/{id:guid}/progress", Progress).RequireAuthorization(p => p.RequireRole(CodingSetup.ApplyRoles)).ExcludeFromDescription();
        app.MapGet("/coding/extracts/{id:guid}/{name}.{format}", Download).RequireAuthorization(p => p.RequireRole(CodingSetup.ApplyRoles)).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/coding").RequireAuthorization().WithTags("Occupation coding");
        api.MapGet("/posts/{id:guid}", GetPostProposal).WithName("GetPostCoding")
            .WithSummary("The proposed occupation code(s) and Area(s) of Work of a post, per role, with status, rule ids (and their sources) and the reason.");
        api.MapPost("/decide", Decide).WithName("DecideCoding")
            .WithSummary("Code one role given in the `cadre code` input columns (snake_case JSON): the decision, or every problem with the field.");
        return app;
    }

    public sealed record ProgressDto(string Status, int Done, int Total, int Percent, string? Message);

    private static async Task<Results<Ok<ProgressDto>, NotFound>> Progress(Guid id, CadreDbContext db, CodingRunProgress progress,
        Extracts.ExtractRunner runner, CancellationToken cancel)
    {
        var run = await db.CodingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancel);
        if (run is null) return TypedResults.NotFound();
        if (run.Status == CodingRunStatus.Running && progress.Find(id) is { } p)
            return TypedResults.Ok(Running(Volatile.Read(ref p.Done), p.Total));
        if (run.Status == CodingRunStatus.Running)
        {
            // Coded by another instance (its heartbeat is in the row), or interrupted: then this instance takes it up.
            if (await runner.ResumeIfInterruptedAsync(db, run, cancel)) return TypedResults.Ok(Running(0, run.Total));
            db.ChangeTracker.Clear();
            run = await db.CodingRuns.AsNoTracking().FirstAsync(r => r.Id == id, cancel);
            if (run.Status == CodingRunStatus.Running) return TypedResults.Ok(Running(run.Done, run.Total));
        }
        return TypedResults.Ok(new ProgressDto(run.Status.ToString().ToLowerInvariant(), run.Roles, run.Roles, 100, run.Message));
    }

    private static ProgressDto Running(int done, int total)
    {
        var whole = Math.Max(total, 1);
        done = Math.Clamp(done, 0, whole);
        return new ProgressDto("running", done, total, (int)(100L * done / whole), null);
    }

    private static async Task<IResult> Download(Guid id, string name, string format, CadreDbContext db, CancellationToken cancel)
    {
        ExportFormat? chosen = format.ToLowerInvariant() switch { "csv" => ExportFormat.Csv, "xlsx" => ExportFormat.Xlsx, _ => null };
        if (chosen is null || !ExtractRuns.Downloadable.Contains(name)) return Results.NotFound();
        var run = await db.CodingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancel);
        if (run is null) return Results.NotFound();
        IEnumerable<object?[]> rows;
        if (name == "report")
        {
            if (run.Status != CodingRunStatus.Completed) return Results.NotFound();
            rows = ExtractRuns.ReportRows(run, await ExtractRuns.FileAsync(db, id, ExtractRuns.Codes, cancel),
                await ExtractRuns.FileAsync(db, id, ExtractRuns.Moves, cancel), await ExtractRuns.FileAsync(db, id, ExtractRuns.Causes, cancel));
        }
        else
        {
            var content = await ExtractRuns.FileAsync(db, id, name, cancel);
            if (content is null) return Results.NotFound();
            rows = ExtractRuns.CsvRows(content);
        }
        var buffer = new MemoryStream();
        ExtractRuns.WriteTable(buffer, chosen.Value, name.Length > 31 ? name[..31] : name, rows);
        buffer.Position = 0;
        var contentType = chosen == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var stem = Path.GetFileNameWithoutExtension(run.FileName);
        return Results.File(buffer, contentType, $"{stem}-{name}.{format.ToLowerInvariant()}");
    }

    public sealed record RuleDto(string Id, string Summary, string Document, string Section);
    public sealed record AreaDto(string AreaOfWork, decimal Wte);
    public sealed record FlagDto(string RuleId, string Message);
    public sealed record DecisionDto(string PostId, string Role, decimal Wte, string? CurrentCode, string CurrentAreaOfWork, string? ProposedCode, string ProposedCodeTitle,
        string ProposedStaffGroup, IReadOnlyList<AreaDto> AreasOfWork, string Status, IReadOnlyList<RuleDto> Rules, string Reason, IReadOnlyList<FlagDto> ReviewFlags,
        IReadOnlyList<string> MiscodingCauses, string ManualVersion)
    {
        public static DecisionDto From(CodingDecision d) => new(d.PostId, d.Role, d.Wte, d.CurrentCode?.ToString(), d.CurrentAreaOfWork, d.ProposedCode?.ToString(),
            d.ProposedCodeTitle, d.ProposedStaffGroup, d.AreasOfWork.Select(a => new AreaDto(a.AreaOfWork, a.Wte)).ToList(), d.Status.ToString().ToLowerInvariant(),
            d.Rules.Select(id => CodingRules.ById(id) is { } r ? new RuleDto(r.Id, r.Summary, r.Document, r.Section) : new RuleDto(id, "", "", "")).ToList(),
            d.Reason, d.ReviewFlags.Select(f => new FlagDto(f.RuleId, f.Message)).ToList(), d.MiscodingCauses, d.ManualVersion);
    }
    public sealed record PostCodingDto(Guid Id, string PostNumber, string Title, string? RecordedCode, string? RecordedAreaOfWork, string Status, IReadOnlyList<DecisionDto> Roles);

    private static async Task<Results<Ok<PostCodingDto>, NotFound>> GetPostProposal(Guid id, PostCoding coding, CancellationToken cancel)
    {
        var p = await coding.ProposeAsync(id, cancel);
        if (p is null) return TypedResults.NotFound();
        return TypedResults.Ok(new PostCodingDto(p.Post.Id, p.Post.PostNumber, p.Post.Title, p.Post.OccupationCode, p.Post.AreaOfWork,
            p.Status.ToString().ToLowerInvariant(), p.Roles.Select(r => DecisionDto.From(r.Decision)).ToList()));
    }

    /// <summary>One role in the `cadre code` input columns; every field is text, as in the CSV, and checked the same way.</summary>
    public sealed class DecideRequest
    {
        [JsonPropertyName("post_id")] public string? PostId { get; set; }
        [JsonPropertyName("role")] public string? Role { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("department")] public string? Department { get; set; }
        [JsonPropertyName("pay_band")] public string? PayBand { get; set; }
        [JsonPropertyName("wte")] public string? Wte { get; set; }
        [JsonPropertyName("current_code")] public string? CurrentCode { get; set; }
        [JsonPropertyName("current_area_of_work")] public string? CurrentAreaOfWork { get; set; }
        [JsonPropertyName("entry_requirement")] public string? EntryRequirement { get; set; }
        [JsonPropertyName("specialist")] public string? Specialist { get; set; }
        [JsonPropertyName("trainee_programme")] public string? TraineeProgramme { get; set; }
        [JsonPropertyName("manages_department")] public string? ManagesDepartment { get; set; }
        [JsonPropertyName("direct_hcs_pct")] public string? DirectHcsPct { get; set; }
        [JsonPropertyName("requires_hcs_qualification")] public string? RequiresHcsQualification { get; set; }
        [JsonPropertyName("consultant_appointment")] public string? ConsultantAppointment { get; set; }
        [JsonPropertyName("activities")] public string? Activities { get; set; }
        [JsonPropertyName("registrations")] public string? Registrations { get; set; }
        /// <summary>The date whose manual version applies (yyyy-MM-dd); today when empty.</summary>
        [JsonPropertyName("on")] public string? On { get; set; }

        public string?[] Values() => [PostId, Role, Title, Department, PayBand, Wte, CurrentCode, CurrentAreaOfWork, EntryRequirement, Specialist, TraineeProgramme,
            ManagesDepartment, DirectHcsPct, RequiresHcsQualification, ConsultantAppointment, Activities, Registrations];
    }

    private static Results<Ok<DecisionDto>, ValidationProblem> Decide(DecideRequest body)
    {
        var on = PostCoding.Today;
        if (!string.IsNullOrWhiteSpace(body.On) && !DateOnly.TryParseExact(body.On.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["on"] = [$"'{body.On}' is not a date: expected yyyy-MM-dd"] }, title: "The role was not coded");
        // The same reader as `cadre code`, over a one-row CSV, so the API checks exactly what the CLI checks.
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        CsvText.WriteRecord(csv, ExtractReader.Columns);
        CsvText.WriteRecord(csv, body.Values().Select(v => v ?? ""));
        var reader = new ExtractReader(new StringReader(csv.ToString()), PostCoding.Engine.Reference.Services);
        var problems = new List<ExtractProblem>(reader.ReadHeader());
        Cadre.Core.Coding.PostRole? role = null;
        if (problems.Count == 0 && reader.ReadNext(out var row)) { problems.AddRange(row.Problems); role = row.Role; }
        if (problems.Count > 0 || role is null)
            return TypedResults.ValidationProblem(problems.GroupBy(p => p.Column.Length == 0 ? "role" : p.Column)
                .ToDictionary(g => g.Key, g => g.Select(p => $"value '{p.Value}': {p.Message}").ToArray()), title: "The role was not coded");
        return TypedResults.Ok(DecisionDto.From(PostCoding.Engine.Decide(role!, on)));
    }
}
