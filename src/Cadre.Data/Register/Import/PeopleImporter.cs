using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Register.Import;

/// <summary>
/// Imports people and their assignments from CSV or XLSX (docs/import-formats.md): one row per assignment, so a person
/// in two posts has two rows with the same staff number. People are matched by staff number, assignments by person, post
/// and start date, registrations by person and register. All or nothing, like <see cref="PostImporter"/>: the file is
/// read as a stream twice (check every row, then write in batches in one transaction), so memory stays flat as the file
/// grows; between the passes only the keys needed to find duplicates and each person's last row are held.
/// </summary>
public sealed class PeopleImporter(CadreDbContext db)
{
    public static readonly ImportColumn StaffNumber = new("Staff Number", true, "Unique in the organisation", "Assignment Number", "Employee Number");
    public static readonly ImportColumn GivenName = new("Given Name", true, "First name", "First Name", "Forename", "Forenames");
    public static readonly ImportColumn FamilyName = new("Family Name", true, "Surname", "Last Name", "Surname");
    public static readonly ImportColumn YearOfBirth = new("Year of Birth", false, "Four-digit year only: never a full date of birth", "Birth Year");
    public static readonly ImportColumn PostNumber = new("Post Number", false, "The post held (must already exist)", "Position Number");
    public static readonly ImportColumn Wte = new("Assignment WTE", false, "0.01-1.00 (default 1.00)", "WTE", "FTE");
    public static readonly ImportColumn Start = new("Assignment Start", false, "Date the assignment started", "Start Date");
    public static readonly ImportColumn End = new("Assignment End", false, "Last day, empty while current", "End Date");
    public static readonly ImportColumn PayPointSince = new("Assignment Pay Point Since", false, "Date they reached that pay point, for pay progression (optional)", "Pay Point Date", "Incremental Date");
    public static readonly ImportColumn PayPointColumn = new("Assignment Pay Point", false, "Entry, Intermediate or Top: the holder's Agenda for Change pay point in the post's band (optional; without the column recorded points are kept)", "Pay Point");
    public static readonly ImportColumn Registration = new("Registration", false, "HCPC Clinical Scientist, HCPC Biomedical Scientist, AHCS or HSSR", "Registration Type", "Professional Registration");
    public static readonly ImportColumn RegistrationNumber = new("Registration Number", false, "e.g. CS012345", "Registration No");
    public static readonly ImportColumn RegistrationExpiry = new("Registration Expiry", false, "Date the registration must be renewed by");

    public static readonly ImportColumn Certificates = new("Certificates", false, "Type:number:expiry entries separated by ';', e.g. 'MPE:MPE-1234:2028-01-31; RPA'");
    public static readonly ImportColumn TrainingProgramme = new("Training Programme", false, "PTP, STP, HSST or HSSE", "Training");
    public static readonly ImportColumn TrainingSpecialism = new("Training Specialism", false, "e.g. Radiotherapy Physics", "Specialism");
    public static readonly ImportColumn TrainingStart = new("Training Start", false, "Date the programme started");
    public static readonly ImportColumn TrainingEnd = new("Training Expected End", false, "Date it is expected to end", "Training End");
    public static readonly ImportColumn TrainingMode = new("Training Mode", false, "Full Time or Part Time (default Full Time)");
    public static readonly ImportColumn TrainingStatus = new("Training Status", false, "Active, Interrupted, Completed or Withdrawn (default Active)");

    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        StaffNumber, GivenName, FamilyName, YearOfBirth, PostNumber, Wte, Start, End, PayPointColumn, PayPointSince, Registration, RegistrationNumber, RegistrationExpiry,
        Certificates, TrainingProgramme, TrainingSpecialism, TrainingStart, TrainingEnd, TrainingMode, TrainingStatus,
    ];

    public async Task<ImportResult> ImportFileAsync(Guid organisationId, string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await ImportAsync(organisationId, stream, Path.GetFileName(path), cancellationToken);
    }

    private sealed record Row(int Number, string StaffNumber, string GivenName, string FamilyName, int? YearOfBirth,
        Guid? PostId, decimal Wte, DateOnly? Start, DateOnly? End, bool PayPointGiven, Core.Money.PayPoint? PayPoint, DateOnly? PayPointSinceDate, RegistrationType? Registration, string? RegistrationNumber, DateOnly? RegistrationExpiry,
        IReadOnlyList<Certificate> Certificates, TrainingEnrolment? Training);

    /// <summary>Rows written per save: large enough to be quick, small enough that memory stays flat on big files.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>The encoding the person said a CSV is in; null to decide from its bytes (docs/decisions/input-encoding.md).</summary>
    public System.Text.Encoding? DeclaredEncoding { get; init; }

    /// <summary>Told how far the import has got, after each batch checked or written (the web page shows it).</summary>
    public IProgress<ImportProgress>? Progress { get; init; }

    public async Task<ImportResult> ImportAsync(Guid organisationId, Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        await using var seekable = await SeekableStream.EnsureAsync(stream, cancellationToken);
        var file = Path.GetFileName(fileName);
        var problems = new List<ImportProblem>();
        var posts = await db.Posts.Where(p => p.OrganisationId == organisationId).Select(p => new { p.PostNumber, p.Id, p.Band })
            .ToDictionaryAsync(p => p.PostNumber, p => (p.Id, p.Band), StringComparer.OrdinalIgnoreCase, cancellationToken);
        var valid = 0;
        // A person's names and year of birth come from their last row in the file, as they always have.
        var lastRow = new Dictionary<string, PersonRows>(StringComparer.OrdinalIgnoreCase);
        var thisYear = DateTime.UtcNow.Year;
        try
        {
            using var reader = TableReader.Open(seekable.Stream, file, DeclaredEncoding);
            var map = new ColumnMap(reader.Headers, Columns, file, problems);
            if (problems.Count > 0) return new ImportResult(file, 0, 0, 0, 0, problems);
            var seen = new Dictionary<(string Staff, Guid? Post, DateOnly? Start), int>(AssignmentKeyComparer.Instance);
            while (reader.Read())
            {
                var row = Parse(reader, map, file, problems, posts, thisYear);
                if (row is not null)
                {
                    var key = (row.StaffNumber, row.PostId, row.Start);
                    if (seen.TryGetValue(key, out var first))
                        problems.Add(new(file, row.Number, StaffNumber.Name, row.StaffNumber, $"the same person, post and start date appear once per file; already on row {first}"));
                    else
                    {
                        seen[key] = row.Number;
                        lastRow[row.StaffNumber] = lastRow.TryGetValue(row.StaffNumber, out var known)
                            ? known with { LastRow = row.Number, LastText = row.StaffNumber }
                            : new PersonRows(row.StaffNumber, row.Number, row.Number, row.StaffNumber);
                        valid++;
                    }
                }
                if (problems.Count >= ImportResult.MaxProblems) return new ImportResult(file, valid, 0, 0, 0, problems, ProblemsTruncated: true);
                if (reader.RowNumber % BatchSize == 0) Progress?.Report(new ImportProgress(ImportStage.Checking, reader.RowNumber - 1, 0));
            }
        }
        catch (ImportFormatException ex)
        {
            problems.Add(new(file, 0, "", "", ex.Message));
        }
        if (valid == 0 && problems.Count == 0) problems.Add(new(file, 0, "", "", "the file has a header but no rows"));
        if (problems.Count > 0) return new ImportResult(file, valid + problems.Select(p => p.Row).Distinct().Count(), 0, 0, 0, problems);

        seekable.Stream.Position = 0;
        return await WriteAsync(organisationId, seekable.Stream, file, posts, lastRow, thisYear, valid, cancellationToken);
    }

    /// <summary>
    /// Staff numbers match whatever their case; a person new to the register takes the spelling of their last row (as
    /// before streaming), and is looked up by both spellings in later batches.
    /// </summary>
    private readonly record struct PersonRows(string FirstText, int FirstRow, int LastRow, string LastText);

    /// <summary>Person, post and start date, the staff number in any case, without a copy of every staff number in capitals.</summary>
    private sealed class AssignmentKeyComparer : IEqualityComparer<(string Staff, Guid? Post, DateOnly? Start)>
    {
        public static readonly AssignmentKeyComparer Instance = new();
        public bool Equals((string Staff, Guid? Post, DateOnly? Start) x, (string Staff, Guid? Post, DateOnly? Start) y) =>
            x.Post == y.Post && x.Start == y.Start && StringComparer.OrdinalIgnoreCase.Equals(x.Staff, y.Staff);
        public int GetHashCode((string Staff, Guid? Post, DateOnly? Start) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Staff), key.Post, key.Start);
    }

    private async Task<ImportResult> WriteAsync(Guid organisationId, Stream stream, string file, Dictionary<string, (Guid Id, PayBand Band)> posts, Dictionary<string, PersonRows> lastRow,
        int thisYear, int total, CancellationToken cancellationToken)
    {
        var created = 0;
        var updated = 0;
        var rows = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // No change tracking: the bulk writer compares, audits and writes each batch itself (docs/decisions/bulk-import.md).
            await using var writer = await RegisterBulkWriter.BeginAsync(db, organisationId, cancellationToken);
            using var reader = TableReader.Open(stream, file, DeclaredEncoding);
            var map = new ColumnMap(reader.Headers, Columns, file, []);
            var batch = new List<Row>(BatchSize);

            async Task FlushAsync()
            {
                // One array parameter, not one parameter per number: EF's default expands the list, and building that
                // statement for a batch of thousands costs more than the whole write (found by profiling, issue 13).
                var numbers = batch.SelectMany(r => new[] { r.StaffNumber, lastRow[r.StaffNumber].FirstText, lastRow[r.StaffNumber].LastText }).Distinct().ToList();
                // People written by an earlier batch are found here too: they are in the database, inside this transaction.
                var people = await db.People.AsNoTracking().Include(p => p.Assignments).Include(p => p.Registrations).Include(p => p.Certificates).Include(p => p.TrainingEnrolments).AsSplitQuery()
                    .Where(p => p.OrganisationId == organisationId && EF.Parameter(numbers).Contains(p.StaffNumber))
                    .ToDictionaryAsync(p => p.StaffNumber, StringComparer.OrdinalIgnoreCase, cancellationToken);
                foreach (var row in batch)
                {
                    var rowsOfPerson = lastRow[row.StaffNumber];
                    if (!people.TryGetValue(row.StaffNumber, out var person))
                    {
                        person = new Person { OrganisationId = organisationId, StaffNumber = rowsOfPerson.LastText, GivenName = row.GivenName, FamilyName = row.FamilyName };
                        writer.Add(person);
                        people[row.StaffNumber] = person;
                        created++;
                    }
                    else
                    {
                        writer.Track(person);
                        // Counted once, on their first row: a person on several rows (or batches) is one created or updated.
                        if (rowsOfPerson.FirstRow == row.Number) updated++;
                    }
                    if (rowsOfPerson.LastRow == row.Number)
                    {
                        person.GivenName = row.GivenName;
                        person.FamilyName = row.FamilyName;
                        if (row.YearOfBirth is not null) person.YearOfBirth = row.YearOfBirth;
                    }
                    Apply(row, person, organisationId, writer);
                }
                await writer.FlushAsync(cancellationToken);
                batch.Clear();
                Progress?.Report(new ImportProgress(ImportStage.Writing, total, rows));
            }

            while (reader.Read())
            {
                rows++;
                batch.Add(Parse(reader, map, file, [], posts, thisYear)!);
                if (batch.Count >= BatchSize) await FlushAsync();
            }
            if (batch.Count > 0) await FlushAsync();
            // Nothing to change: end without committing, so not even an empty transaction is written.
            if (writer.Changes == 0) await transaction.RollbackAsync(cancellationToken);
            else await transaction.CommitAsync(cancellationToken);
            return new ImportResult(file, rows, created, updated, 0, [], Changes: writer.Changes);
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

    /// <summary>Adds or updates the row's assignment, registration, certificates and training place on the person.</summary>
    private static void Apply(Row row, Person person, Guid organisationId, RegisterBulkWriter writer)
    {
        if (row.PostId is { } postId)
        {
            var assignment = person.Assignments.FirstOrDefault(a => a.PostId == postId && a.StartDate == row.Start);
            if (assignment is null)
            {
                person.Assignments.Add(assignment = new Assignment { OrganisationId = organisationId, PersonId = person.Id, PostId = postId, StartDate = row.Start!.Value });
                writer.Add(assignment);
            }
            else writer.Track(assignment);
            assignment.Wte = row.Wte;
            assignment.EndDate = row.End;
            if (row.PayPointGiven)
            {
                assignment.PayPoint = row.PayPoint;
                assignment.PayPointSince = row.PayPoint is null ? null : row.PayPointSinceDate;
            }
        }
        if (row.Registration is { } type)
        {
            var registration = person.Registrations.FirstOrDefault(r => r.Type == type);
            if (registration is null)
            {
                person.Registrations.Add(registration = new ProfessionalRegistration { OrganisationId = organisationId, PersonId = person.Id, Type = type });
                writer.Add(registration);
            }
            else writer.Track(registration);
            registration.Number = row.RegistrationNumber!;
            registration.ExpiresOn = row.RegistrationExpiry;
        }
        foreach (var certificate in row.Certificates)
        {
            var held = person.Certificates.FirstOrDefault(c => c.Type == certificate.Type);
            if (held is null)
            {
                person.Certificates.Add(held = new Certificate { OrganisationId = organisationId, PersonId = person.Id, Type = certificate.Type });
                writer.Add(held);
            }
            else writer.Track(held);
            held.Number = certificate.Number ?? held.Number;
            held.ExpiresOn = certificate.ExpiresOn ?? held.ExpiresOn;
        }
        if (row.Training is { } training)
        {
            var enrolment = person.TrainingEnrolments.FirstOrDefault(t => t.Programme == training.Programme && t.StartDate == training.StartDate);
            if (enrolment is null)
            {
                person.TrainingEnrolments.Add(enrolment = new TrainingEnrolment { OrganisationId = organisationId, PersonId = person.Id, Programme = training.Programme, StartDate = training.StartDate });
                writer.Add(enrolment);
            }
            else writer.Track(enrolment);
            enrolment.Specialism = training.Specialism;
            enrolment.ExpectedEndDate = training.ExpectedEndDate;
            enrolment.Mode = training.Mode;
            enrolment.Status = training.Status;
        }
    }

    /// <summary>Reads and checks one row; null (with its problems added) when anything in it is wrong.</summary>
    private static Row? Parse(TableReader reader, ColumnMap map, string file, List<ImportProblem> problems, Dictionary<string, (Guid Id, PayBand Band)> posts, int thisYear)
    {
        var n = reader.RowNumber;
        var before = problems.Count;
        void Problem(ImportColumn c, string? v, string expected) => problems.Add(new(file, n, c.Name, v ?? "", expected));
        string? Text(ImportColumn c) => map.Get(reader, c);

        var staff = Text(StaffNumber);
        if (staff is null) Problem(StaffNumber, null, "a staff number is required");
        var given = Text(GivenName);
        if (given is null) Problem(GivenName, null, "a given name is required");
        else if (Core.Text.NameText.Problem(given) is { } givenProblem) Problem(GivenName, given, "a name without hidden characters: this one " + givenProblem);
        var family = Text(FamilyName);
        if (family is null) Problem(FamilyName, null, "a family name is required");
        else if (Core.Text.NameText.Problem(family) is { } familyProblem) Problem(FamilyName, family, "a name without hidden characters: this one " + familyProblem);
        int? year = null;
        if (Text(YearOfBirth) is { } yearText)
        {
            if (Fields.TryInt(yearText, out var y) && y >= thisYear - 100 && y <= thisYear - 15) year = y;
            else Problem(YearOfBirth, yearText, $"a four-digit year from {thisYear - 100} to {thisYear - 15} (year only, not a date of birth)");
        }
        Guid? postId = null;
        PayBand? band = null;
        if (Text(PostNumber) is { } postText)
        {
            if (posts.TryGetValue(postText, out var post)) (postId, band) = (post.Id, post.Band);
            else Problem(PostNumber, postText, "the number of a post already on the register (import posts first)");
        }
        var wte = 1.0m;
        if (Text(Wte) is { } wteText)
        {
            if (!Fields.TryDecimal(wteText, out wte)) Problem(Wte, wteText, "a number such as 1.00 or 0.60");
            else if (RegisterRules.CheckWte(wte) is { } wteProblem) Problem(Wte, wteText, wteProblem);
        }
        DateOnly? Date(ImportColumn c)
        {
            if (Text(c) is not { } t) return null;
            if (Fields.TryDate(t, out var d)) return d;
            Problem(c, t, Fields.DateExpected);
            return null;
        }
        var start = Date(Start);
        var end = Date(End);
        if (postId is not null && start is null && Text(Start) is null) Problem(Start, null, "the date the assignment started (needed when a post number is given)");
        if (start is { } s && end is { } e && e < s) Problem(End, Text(End), $"a date on or after the start {s:yyyy-MM-dd}");
        // Given as a column: blank means "not recorded" and clears a point; without the column, recorded points stay.
        var payPointGiven = map.Has(PayPointColumn) && postId is not null;
        Core.Money.PayPoint? payPoint = null;
        if (Text(PayPointColumn) is { } pointText)
        {
            if (postId is null) Problem(PayPointColumn, pointText, "a pay point only with the post number it is in");
            else if (!Core.Money.PayPoints.TryParse(pointText, out var point)) Problem(PayPointColumn, pointText, "Entry, Intermediate or Top");
            else if (Core.Money.PayPoints.Problem(band!.Value, point) is { } pointProblem) Problem(PayPointColumn, pointText, $"a point of the post's band: {pointProblem}");
            else payPoint = point;
        }
        var payPointSince = Date(PayPointSince);
        if (payPointSince is { } reached)
        {
            if (payPoint is null && Text(PayPointColumn) is null) Problem(PayPointSince, Text(PayPointSince), "a date only with the pay point reached on it");
            else if (RegisterRules.CheckPayPointSince(reached, DateOnly.FromDateTime(DateTime.UtcNow)) is { } sinceProblem) Problem(PayPointSince, Text(PayPointSince), sinceProblem);
        }
        RegistrationType? registration = null;
        if (Text(Registration) is { } regText)
        {
            if (Fields.TryRegistration(regText, out var r)) registration = r;
            else Problem(Registration, regText, Fields.RegistrationExpected);
        }
        var regNumber = Text(RegistrationNumber);
        if (registration is not null && regNumber is null) Problem(RegistrationNumber, null, "the registration number (the register is given)");
        var regExpiry = Date(RegistrationExpiry);

        var certificates = new List<Certificate>();
        if (Text(Certificates) is { } certText)
        {
            foreach (var entry in certText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split(':', StringSplitOptions.TrimEntries);
                if (!Fields.TryEnum<CertificateType>(parts[0], out var certType)) { Problem(Certificates, entry, "entries start with MPE, RPA, RWA, DGSA or LPA, e.g. 'MPE:MPE-1234:2028-01-31'"); continue; }
                DateOnly? expires = null;
                if (parts.Length > 2 && parts[2].Length > 0)
                {
                    if (Fields.TryDate(parts[2], out var d)) expires = d;
                    else { Problem(Certificates, entry, "the third part is the expiry, " + Fields.DateExpected); continue; }
                }
                if (parts.Length > 3) { Problem(Certificates, entry, "at most type:number:expiry"); continue; }
                certificates.Add(new Certificate { Type = certType, Number = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, ExpiresOn = expires });
            }
        }

        TrainingEnrolment? training = null;
        if (Text(TrainingProgramme) is { } programmeText)
        {
            var enrolment = new TrainingEnrolment { Specialism = Text(TrainingSpecialism) ?? "" };
            if (Fields.TryEnum<TrainingProgramme>(programmeText, out var programme)) enrolment.Programme = programme;
            else Problem(TrainingProgramme, programmeText, Fields.EnumExpected<TrainingProgramme>().ToUpperInvariant().Replace("ONE OF", "one of"));
            if (enrolment.Specialism.Length == 0) Problem(TrainingSpecialism, null, "the programme's specialism, e.g. Radiotherapy Physics");
            var trainingStart = Date(TrainingStart);
            var trainingEnd = Date(TrainingEnd);
            if (trainingStart is null && Text(TrainingStart) is null) Problem(TrainingStart, null, "the date the programme started");
            if (trainingEnd is null && Text(TrainingEnd) is null) Problem(TrainingEnd, null, "the date the programme is expected to end");
            if (trainingStart is { } ts && trainingEnd is { } te && te <= ts) Problem(TrainingEnd, Text(TrainingEnd), $"a date after the start {ts:yyyy-MM-dd}");
            enrolment.StartDate = trainingStart ?? default;
            enrolment.ExpectedEndDate = trainingEnd ?? default;
            if (Text(TrainingMode) is { } modeText)
            {
                if (Fields.TryEnum<StudyMode>(modeText, out var mode)) enrolment.Mode = mode;
                else Problem(TrainingMode, modeText, Fields.EnumExpected<StudyMode>());
            }
            if (Text(TrainingStatus) is { } statusText)
            {
                if (Fields.TryEnum<TrainingStatus>(statusText, out var status)) enrolment.Status = status;
                else Problem(TrainingStatus, statusText, Fields.EnumExpected<TrainingStatus>());
            }
            training = enrolment;
        }

        return problems.Count == before
            ? new Row(n, staff!, given!, family!, year, postId, wte, start, end, payPointGiven, payPoint, payPointSince, registration, regNumber, regExpiry, certificates, training)
            : null;
    }
}
