using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Register.Import;

/// <summary>
/// Imports posts from CSV or XLSX in an ESR-like shape (docs/import-formats.md). Rows are matched to existing posts by
/// post number: a known number updates the post, a new one creates it. The whole file is checked first; if any row is
/// wrong nothing is written and every problem is listed. The write itself runs in one transaction.
/// </summary>
public sealed class PostImporter(CadreDbContext db)
{
    public static readonly ImportColumn PostNumber = new("Post Number", true, "Unique in the organisation", "Position Number", "Position No", "Post No");
    public static readonly ImportColumn Title = new("Title", true, "Post title", "Position Title", "Job Title", "Post Title");
    public static readonly ImportColumn Department = new("Department", true, "Department or service name; created if new", "Service", "Department Name");
    public static readonly ImportColumn ScienceTheme = new("Science Theme", false, "Theme letter A-M (no I) of the post's work", "Theme");
    public static readonly ImportColumn Band = new("Pay Band", true, "1-9 or 8a-8d", "Band", "Grade", "AfC Band");
    public static readonly ImportColumn FundedWte = new("Funded WTE", true, "0.01-1.00 (0 allowed when Frozen)", "WTE", "FTE", "Budgeted FTE", "Funded FTE");
    public static readonly ImportColumn CostCentre = new("Cost Centre", false, "Finance cost centre", "Cost Center");
    public static readonly ImportColumn Status = new("Status", false, "Funded, Vacant or Frozen (default Funded)", "Post Status", "Position Status");
    public static readonly ImportColumn OccupationCode = new("Occupation Code", false, "ESR occupation code held today, e.g. U2H", "Occ Code");
    public static readonly ImportColumn AreaOfWork = new("Area of Work", false, "ESR Area of Work held today");
    public static readonly ImportColumn EntryRequirement = new("Entry Requirement", false, "Assistant, Associate, Practitioner, Clinical Scientist, Biomedical Scientist or Consultant", "Entry Level");
    public static readonly ImportColumn ManagesDepartment = new("Manages Department", false, "Yes or No");
    public static readonly ImportColumn DirectHcsPercent = new("Direct HCS %", false, "0-100", "Direct HCS Percent", "Direct Healthcare Science %");
    public static readonly ImportColumn ManagerRequiresHcs = new("Manager Requires HCS Qualification", false, "Yes or No");
    public static readonly ImportColumn ConsultantAppointment = new("Consultant Appointment", false, "None, Panel or Peer Review");
    public static readonly ImportColumn Specialist = new("Specialist", false, "Yes or No: the post needs specialist expertise beyond its entry qualification; blank when not recorded");
    public static readonly ImportColumn TraineeProgramme = new("Trainee Programme", false, "None, STP, PTP, Associate, BMS or HSST; blank when not recorded");
    public static readonly ImportColumn TimeSplit = new("Time Split", false, "Service=percent; ... summing to 100, e.g. 'External Beam Physics=70; E:Vascular Science=30'", "Activities", "Split");

    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        PostNumber, Title, Department, ScienceTheme, Band, FundedWte, CostCentre, Status, OccupationCode, AreaOfWork,
        EntryRequirement, ManagesDepartment, DirectHcsPercent, ManagerRequiresHcs, ConsultantAppointment, Specialist, TraineeProgramme,
        TimeSplit,
    ];

    /// <summary>How a recorded programme is written in files: STP, PTP, BMS, HSST in capitals as people write them.</summary>
    public static string ProgrammeText(TraineeProgramme programme) => programme switch
    {
        Core.Register.TraineeProgramme.None => "None",
        Core.Register.TraineeProgramme.Associate => "Associate",
        Core.Register.TraineeProgramme.Stp or Core.Register.TraineeProgramme.Ptp or Core.Register.TraineeProgramme.Bms
            or Core.Register.TraineeProgramme.Hsst => programme.ToString().ToUpperInvariant(),
        _ => throw new System.Diagnostics.UnreachableException($"No text for trainee programme {programme}"),
    };

    public static string ProgrammeExpected => "one of None, STP, PTP, Associate, BMS or HSST, or blank when not recorded";

    /// <summary>Rows written per save: large enough to be quick, small enough that memory stays flat on big files.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>The encoding the person said a CSV is in; null to decide from its bytes (docs/decisions/input-encoding.md).</summary>
    public System.Text.Encoding? DeclaredEncoding { get; init; }

    /// <summary>Told how far the import has got, after each batch checked or written (the web page shows it).</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>Imports from a file on disk.</summary>
    public async Task<ImportResult> ImportFileAsync(Guid organisationId, string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await ImportAsync(organisationId, stream, Path.GetFileName(path), cancellationToken);
    }

    /// <summary>Imports from a stream; the file name's extension (.csv, .xlsx) says how to read it.</summary>
    public async Task<ImportResult> ImportAsync(Guid organisationId, Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        // The file is read twice (check, then write) so that nothing but the post numbers is held in memory between.
        await using var seekable = await SeekableStream.EnsureAsync(stream, cancellationToken);
        var file = Path.GetFileName(fileName);
        var problems = new List<ImportProblem>();

        var departments = await db.Departments.Where(d => d.OrganisationId == organisationId).ToDictionaryAsync(d => d.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var rows = 0;
        try
        {
            using var reader = TableReader.Open(seekable.Stream, file, DeclaredEncoding);
            var map = new ColumnMap(reader.Headers, Columns, file, problems);
            if (problems.Count > 0) return new ImportResult(file, 0, 0, 0, 0, problems);
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                rows++;
                var row = Parse(reader, map, file, problems, departments);
                if (row is not null)
                {
                    if (seen.TryGetValue(row.Post.PostNumber, out var first))
                        problems.Add(new(file, reader.RowNumber, PostNumber.Name, row.Post.PostNumber, $"a post number appears once per file; it is already on row {first}"));
                    else seen[row.Post.PostNumber] = reader.RowNumber;
                }
                if (problems.Count >= ImportResult.MaxProblems) return new ImportResult(file, rows, 0, 0, 0, problems, ProblemsTruncated: true);
                if (rows % BatchSize == 0) Progress?.Report(new ImportProgress(ImportStage.Checking, rows, 0));
            }
        }
        catch (ImportFormatException e)
        {
            problems.Add(new(file, 0, "", "", e.Message));
        }
        if (rows == 0 && problems.Count == 0) problems.Add(new(file, 0, "", "", "the file has a header but no rows"));
        if (problems.Count > 0) return new ImportResult(file, rows, 0, 0, 0, problems);

        seekable.Stream.Position = 0;
        return await WriteAsync(organisationId, seekable.Stream, file, departments, rows, cancellationToken);
    }

    private async Task<ImportResult> WriteAsync(Guid organisationId, Stream stream, string file, Dictionary<string, Department> departments, int total, CancellationToken cancellationToken)
    {
        var created = 0;
        var updated = 0;
        var newDepartments = 0;
        var rows = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // No change tracking: the bulk writer compares, audits and writes each batch itself (docs/decisions/bulk-import.md).
            await using var writer = await RegisterBulkWriter.BeginAsync(db, organisationId, cancellationToken);
            using var reader = TableReader.Open(stream, file, DeclaredEncoding);
            var map = new ColumnMap(reader.Headers, Columns, file, []);
            var batch = new List<ParsedPost>(BatchSize);
            var departmentIds = departments.ToDictionary(d => d.Key, d => d.Value.Id, StringComparer.OrdinalIgnoreCase);

            async Task FlushAsync()
            {
                // One array parameter, not one parameter per number: EF's default expands the list, and building that
                // statement for a batch of thousands costs more than the whole write (found by profiling, issue 13).
                var numbers = batch.Select(b => b.Post.PostNumber).ToList();
                var existing = await db.Posts.AsNoTracking().Include(p => p.Activities)
                    .Where(p => p.OrganisationId == organisationId && EF.Parameter(numbers).Contains(p.PostNumber))
                    .ToDictionaryAsync(p => p.PostNumber, StringComparer.OrdinalIgnoreCase, cancellationToken);
                foreach (var row in batch)
                {
                    if (!departmentIds.TryGetValue(row.DepartmentName, out var departmentId))
                    {
                        var department = new Department { OrganisationId = organisationId, Name = row.DepartmentName, ScienceTheme = row.Theme };
                        writer.Add(department);
                        departmentId = department.Id;
                        departmentIds[row.DepartmentName] = departmentId;
                        newDepartments++;
                    }
                    if (existing.TryGetValue(row.Post.PostNumber, out var post))
                    {
                        writer.Track(post);
                        row.ApplyTo(post, departmentId, writer);
                        updated++;
                    }
                    else
                    {
                        var fresh = new Post { OrganisationId = organisationId };
                        row.ApplyTo(fresh, departmentId, writer);
                        writer.Add(fresh);
                        created++;
                    }
                }
                await writer.FlushAsync(cancellationToken);
                batch.Clear();
                Progress?.Report(new ImportProgress(ImportStage.Writing, total, rows));
            }

            while (reader.Read())
            {
                rows++;
                batch.Add(Parse(reader, map, file, [], departments)!);
                if (batch.Count >= BatchSize) await FlushAsync();
            }
            if (batch.Count > 0) await FlushAsync();
            // Nothing to change: end without committing, so not even an empty transaction is written.
            if (writer.Changes == 0) await transaction.RollbackAsync(cancellationToken);
            else await transaction.CommitAsync(cancellationToken);
            return new ImportResult(file, rows, created, updated, newDepartments, [], Changes: writer.Changes);
        }
        catch (DbUpdateException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new ImportResult(file, rows, 0, 0, 0, [new(file, 0, "", "", $"the database refused the import and nothing was written: {e.InnerException?.Message ?? e.Message}")]);
        }
        catch (System.Data.Common.DbException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new ImportResult(file, rows, 0, 0, 0, [new(file, 0, "", "", $"the database refused the import and nothing was written: {e.Message}")]);
        }
    }

    /// <summary>A row's values as a post plus what is only known by name until the write (the department).</summary>
    private sealed class ParsedPost(Post post, string departmentName, char? theme, HashSet<ImportColumn> given, HashSet<ImportColumn> present)
    {
        public Post Post { get; } = post;
        public string DepartmentName { get; } = departmentName;
        public char? Theme { get; } = theme;

        /// <summary>Copies the columns the file has onto a post; columns the file lacks keep the post's current values.</summary>
        public void ApplyTo(Post target, Guid departmentId, RegisterBulkWriter writer)
        {
            target.PostNumber = Post.PostNumber;
            target.Title = Post.Title;
            target.DepartmentId = departmentId;
            target.Band = Post.Band;
            target.FundedWte = Post.FundedWte;
            if (given.Contains(CostCentre)) target.CostCentre = Post.CostCentre;
            if (given.Contains(Status)) target.Status = Post.Status;
            if (given.Contains(OccupationCode)) target.OccupationCode = Post.OccupationCode;
            if (given.Contains(AreaOfWork)) target.AreaOfWork = Post.AreaOfWork;
            if (given.Contains(EntryRequirement)) target.EntryRequirement = Post.EntryRequirement;
            if (given.Contains(ManagesDepartment)) target.ManagesDepartment = Post.ManagesDepartment;
            if (given.Contains(DirectHcsPercent)) target.DirectHcsPercent = Post.DirectHcsPercent;
            if (given.Contains(ManagerRequiresHcs)) target.ManagerRequiresHcsQualification = Post.ManagerRequiresHcsQualification;
            if (given.Contains(ConsultantAppointment)) target.ConsultantAppointment = Post.ConsultantAppointment;
            // A blank cell here means "not recorded" (the export writes one for a post that records nothing), so a file
            // with the column sets the value even when blank; a file without it keeps the post's.
            if (present.Contains(Specialist)) target.Specialist = Post.Specialist;
            if (present.Contains(TraineeProgramme)) target.TraineeProgramme = Post.TraineeProgramme;
            if (given.Contains(TimeSplit)) ApplySplit(target, writer);
        }

        // A share the post already has (same service) is updated in place, so importing an unchanged export leaves
        // the rows, their ids and the audit trail alone; only shares gone from the file are removed.
        private void ApplySplit(Post target, RegisterBulkWriter writer)
        {
            var held = target.Activities.ToList();
            foreach (var a in Post.Activities)
            {
                var same = held.FirstOrDefault(h => h.Service.Equals(a.Service, StringComparison.OrdinalIgnoreCase));
                if (same is null)
                {
                    var added = new PostActivity
                    {
                        OrganisationId = target.OrganisationId, PostId = target.Id, Service = a.Service, AreaOfWork = a.AreaOfWork, ScienceTheme = a.ScienceTheme, Percent = a.Percent,
                    };
                    target.Activities.Add(added);
                    writer.Add(added);
                    continue;
                }
                held.Remove(same);
                writer.Track(same);
                if (same.Service != a.Service) same.Service = a.Service;
                if (same.AreaOfWork != a.AreaOfWork) same.AreaOfWork = a.AreaOfWork;
                if (same.ScienceTheme != a.ScienceTheme) same.ScienceTheme = a.ScienceTheme;
                if (same.Percent != a.Percent) same.Percent = a.Percent;
            }
            foreach (var gone in held)
            {
                target.Activities.Remove(gone);
                writer.Remove(gone);
            }
        }
    }

    private static readonly Dictionary<string, ImportColumn> ColumnForRule = new()
    {
        [nameof(Post.PostNumber)] = PostNumber, [nameof(Post.Title)] = Title, [nameof(Post.FundedWte)] = FundedWte,
        [nameof(Post.OccupationCode)] = OccupationCode, [nameof(Post.DirectHcsPercent)] = DirectHcsPercent,
        [nameof(Post.ConsultantAppointment)] = ConsultantAppointment,
    };

    private static ParsedPost? Parse(TableReader reader, ColumnMap map, string file, List<ImportProblem> problems, Dictionary<string, Department> departments)
    {
        var before = problems.Count;
        var row = reader.RowNumber;
        void Problem(ImportColumn column, string? value, string expected) => problems.Add(new(file, row, column.Name, value ?? "", expected));
        var given = Columns.Where(c => map.Has(c) && map.Get(reader, c) is not null).ToHashSet();
        var present = Columns.Where(map.Has).ToHashSet();
        string? Text(ImportColumn c) => map.Get(reader, c);

        var post = new Post
        {
            PostNumber = Text(PostNumber) ?? "",
            Title = Text(Title) ?? "",
            CostCentre = Text(CostCentre),
            AreaOfWork = Text(AreaOfWork),
        };
        if (post.PostNumber.Length == 0) Problem(PostNumber, null, "a post number is required");
        if (post.Title.Length == 0) Problem(Title, null, "a title is required");
        var departmentName = Text(Department);
        if (departmentName is null) Problem(Department, null, "the department the post belongs to is required");
        else if (departmentName.Length > 200) Problem(Department, departmentName, "a department name is at most 200 characters");

        if (Text(Band) is not { } bandText) Problem(Band, null, "a pay band is required: " + PayBand.ExpectedText("").Split("; ")[1]);
        else if (PayBand.TryParse(bandText, out var band)) post.Band = band.Value;
        else Problem(Band, bandText, PayBand.ExpectedText(bandText).Split("; ")[1]);

        if (Text(Status) is { } statusText)
        {
            if (Fields.TryEnum<PostStatus>(statusText, out var status)) post.Status = status;
            else Problem(Status, statusText, Fields.EnumExpected<PostStatus>());
        }
        var wteText = Text(FundedWte);
        if (wteText is null) Problem(FundedWte, null, "the funded WTE is required, e.g. 1.00 or 0.60");
        else if (!Fields.TryDecimal(wteText, out var wte)) Problem(FundedWte, wteText, "a number such as 1.00 or 0.60");
        else if (RegisterRules.CheckWte(wte, allowZero: true) is { } wteProblem) Problem(FundedWte, wteText, wteProblem);
        else post.FundedWte = wte;

        if (Text(OccupationCode) is { } code) post.OccupationCode = code.ToUpperInvariant();
        if (Text(EntryRequirement) is { } entryText)
        {
            if (Fields.TryEnum<EntryRequirement>(entryText, out var entry)) post.EntryRequirement = entry;
            else Problem(EntryRequirement, entryText, Fields.EnumExpected<EntryRequirement>());
        }
        if (Text(ManagesDepartment) is { } managesText)
        {
            if (Fields.TryBool(managesText, out var manages)) post.ManagesDepartment = manages;
            else Problem(ManagesDepartment, managesText, Fields.BoolExpected);
        }
        if (Text(ManagerRequiresHcs) is { } requiresText)
        {
            if (Fields.TryBool(requiresText, out var requires)) post.ManagerRequiresHcsQualification = requires;
            else Problem(ManagerRequiresHcs, requiresText, Fields.BoolExpected);
        }
        if (Text(DirectHcsPercent) is { } directText)
        {
            if (Fields.TryInt(directText, out var direct)) post.DirectHcsPercent = direct;
            else Problem(DirectHcsPercent, directText, "a whole percentage from 0 to 100");
        }
        if (Text(ConsultantAppointment) is { } appointmentText)
        {
            if (Fields.TryEnum<ConsultantAppointment>(appointmentText, out var appointment)) post.ConsultantAppointment = appointment;
            else Problem(ConsultantAppointment, appointmentText, Fields.EnumExpected<ConsultantAppointment>());
        }
        if (Text(Specialist) is { } specialistText)
        {
            if (Fields.TryBool(specialistText, out var specialist)) post.Specialist = specialist;
            else Problem(Specialist, specialistText, Fields.BoolExpected + ", or blank when not recorded");
        }
        if (Text(TraineeProgramme) is { } programmeText)
        {
            if (Fields.TryEnum<TraineeProgramme>(programmeText, out var programme)) post.TraineeProgramme = programme;
            else Problem(TraineeProgramme, programmeText, ProgrammeExpected);
        }

        char? theme = null;
        if (Text(ScienceTheme) is { } themeText)
        {
            if (themeText.Length == 1 && RegisterRules.IsScienceTheme(char.ToUpperInvariant(themeText[0]))) theme = char.ToUpperInvariant(themeText[0]);
            else Problem(ScienceTheme, themeText, $"one theme letter: {RegisterRules.ScienceThemes}");
        }
        // The work's theme when a split entry gives none: the theme column, then a U code's theme, then the department's.
        var defaultTheme = theme
            ?? (post.OccupationCode is { Length: 3 } c && c[0] == 'U' && RegisterRules.IsScienceTheme(c[2]) ? c[2] : (char?)null)
            ?? (departmentName is not null && departments.TryGetValue(departmentName, out var dept) ? dept.ScienceTheme : null);

        if (Text(TimeSplit) is { } splitText)
        {
            foreach (var part in splitText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = part.LastIndexOf('=');
                if (equals <= 0 || !Fields.TryInt(part[(equals + 1)..].Trim(), out var percent))
                {
                    Problem(TimeSplit, part, "each share written as Service=percent, e.g. 'Radiotherapy Physics=70'");
                    continue;
                }
                var service = part[..equals].Trim();
                var activityTheme = defaultTheme;
                if (service.Length > 2 && service[1] == ':')
                {
                    activityTheme = char.ToUpperInvariant(service[0]);
                    service = service[2..].Trim();
                }
                if (activityTheme is null)
                {
                    Problem(TimeSplit, part, "a science theme for this share: write it as 'H:Service=percent' or fill the Science Theme column");
                    continue;
                }
                post.Activities.Add(new PostActivity { Service = service, AreaOfWork = service, ScienceTheme = activityTheme.Value, Percent = percent });
            }
        }

        if (problems.Count == before)
        {
            foreach (var rule in RegisterRules.Check(post))
            {
                var column = ColumnForRule.GetValueOrDefault(rule.Field) ?? (rule.Field.StartsWith("Activities", StringComparison.Ordinal) ? TimeSplit : Title);
                problems.Add(new(file, row, column.Name, map.Get(reader, column) ?? "", rule.Message));
            }
        }
        return problems.Count == before ? new ParsedPost(post, departmentName!, theme ?? defaultTheme, given, present) : null;
    }
}

/// <summary>Gives a stream that can be read twice: the original if it can seek, otherwise a temporary file copy.</summary>
internal sealed class SeekableStream : IAsyncDisposable
{
    public Stream Stream { get; }
    private readonly string? _tempFile;

    private SeekableStream(Stream stream, string? tempFile) { Stream = stream; _tempFile = tempFile; }

    public static async Task<SeekableStream> EnsureAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek) return new SeekableStream(stream, null);
        var temp = Path.GetTempFileName();
        var copy = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await stream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return new SeekableStream(copy, temp);
    }

    public async ValueTask DisposeAsync()
    {
        if (_tempFile is not null) await Stream.DisposeAsync();
    }
}
