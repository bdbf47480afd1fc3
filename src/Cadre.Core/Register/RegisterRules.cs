using System.Text.RegularExpressions;

namespace Cadre.Core.Register;

/// <summary>A broken rule: which field, and a sentence a user can act on.</summary>
public sealed record RuleProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>
/// The register's own rules (shape and ranges), used by the web forms, the importers and the API alike so that all three
/// refuse the same things with the same words. Coding rules (is this the right U code?) belong to the coding feature.
/// </summary>
public static partial class RegisterRules
{
    public const decimal MaxWte = 1.0m;
    /// <summary>U-matrix themes in use (v22.1: A-H, J-M; there is no I).</summary>
    public const string ScienceThemes = "ABCDEFGHJKLM";

    [GeneratedRegex("^[A-Z0-9]{3}$")]
    private static partial Regex OccupationCodePattern();

    public static bool IsScienceTheme(char c) => ScienceThemes.Contains(c);

    public static bool IsOccupationCodeShape(string code) => OccupationCodePattern().IsMatch(code);

/// <summary>
    /// The day a holder reached their pay point: not in the future. It may be before the assignment started, because
    /// someone moving to another post in the same band keeps their point and the date they reached it.
    /// </summary>
    public static string? CheckPayPointSince(DateOnly since, DateOnly today) =>
        since > today ? "Date they reached this pay point must be today or in the past" : null;

        public static string? CheckWte(decimal wte, bool allowZero = false)
    {
        if (wte < 0 || wte > MaxWte || (!allowZero && wte == 0))
            return $"WTE must be {(allowZero ? "from 0" : "more than 0")} up to {MaxWte:0.00} (one full-time post); {wte} was given";
        if (decimal.Round(wte, 2) != wte)
            return $"WTE has at most two decimal places (e.g. 0.60); {wte} was given";
        return null;
    }

    public static IReadOnlyList<RuleProblem> Check(Post post)
    {
        var problems = new List<RuleProblem>();
        void Add(string field, string message) => problems.Add(new RuleProblem(field, message));

        if (string.IsNullOrWhiteSpace(post.PostNumber)) Add(nameof(post.PostNumber), "Post number is required");
        else if (post.PostNumber.Length > 30) Add(nameof(post.PostNumber), "Post number is at most 30 characters");
        if (string.IsNullOrWhiteSpace(post.Title)) Add(nameof(post.Title), "Title is required");
        else if (post.Title.Length > 200) Add(nameof(post.Title), "Title is at most 200 characters");
        // A frozen post may be held at 0 WTE; a funded or vacant one funds some time.
        if (CheckWte(post.FundedWte, allowZero: post.Status == PostStatus.Frozen) is { } wte) Add(nameof(post.FundedWte), wte);
        if (post.OccupationCode is { Length: > 0 } code && !IsOccupationCodeShape(code))
            Add(nameof(post.OccupationCode), $"An occupation code is three capital letters or digits, e.g. U2H; '{code}' was given");
        if (post.DirectHcsPercent is < 0 or > 100)
            Add(nameof(post.DirectHcsPercent), $"Direct healthcare science activity is a percentage from 0 to 100; {post.DirectHcsPercent} was given");
        if (post.ConsultantAppointment != ConsultantAppointment.None && post.EntryRequirement != EntryRequirement.Consultant)
            Add(nameof(post.ConsultantAppointment), "An appointment process (panel or peer review) is recorded only for posts whose entry requirement is Consultant");

        problems.AddRange(CheckActivities(post.Activities));

        foreach (var (role, i) in post.Roles.Select((r, i) => (r, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(role.Title)) Add($"Roles[{i}].Title", $"Role {i} needs a title (the job description's title)");
            if (CheckWte(role.Wte) is { } roleWte) Add($"Roles[{i}].Wte", $"Role {i}: {roleWte}");
            if (role.OccupationCode is { Length: > 0 } rc && !IsOccupationCodeShape(rc))
                Add($"Roles[{i}].OccupationCode", $"Role {i}: an occupation code is three capital letters or digits; '{rc}' was given");
        }
        var roleTotal = post.Roles.Sum(r => r.Wte);
        if (post.Roles.Count > 0 && roleTotal > post.FundedWte)
            Add(nameof(post.Roles), $"The roles add up to {roleTotal:0.00} WTE, more than the post's funded {post.FundedWte:0.00} WTE");
        return problems;
    }

    /// <summary>Time splits: each share 1-100 and, when any are given, all together exactly 100.</summary>
    public static IReadOnlyList<RuleProblem> CheckActivities(IReadOnlyCollection<PostActivity> activities)
    {
        var problems = new List<RuleProblem>();
        foreach (var (a, i) in activities.Select((a, i) => (a, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(a.Service)) problems.Add(new($"Activities[{i}].Service", $"Activity {i} needs the service it describes"));
            if (a.Percent is < 1 or > 100) problems.Add(new($"Activities[{i}].Percent", $"Activity {i}: a share of time is 1 to 100 percent; {a.Percent} was given"));
            if (!IsScienceTheme(a.ScienceTheme)) problems.Add(new($"Activities[{i}].ScienceTheme", $"Activity {i}: '{a.ScienceTheme}' is not a science theme; expected one of {ScienceThemes}"));
        }
        var total = activities.Sum(a => a.Percent);
        if (activities.Count > 0 && total != 100)
            problems.Add(new("Activities", $"The split of time adds up to {total}%, not 100%"));
        return problems;
    }

    public static IReadOnlyList<RuleProblem> Check(Department department)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(department.Name)) problems.Add(new(nameof(department.Name), "Department name is required"));
        if (department.ScienceTheme is { } theme && !IsScienceTheme(theme))
            problems.Add(new(nameof(department.ScienceTheme), $"'{department.ScienceTheme}' is not a science theme; expected one of {ScienceThemes}"));
        foreach (var (a, i) in department.Accreditations.Select((a, i) => (a, i + 1)))
            problems.AddRange(Check(a).Select(p => p with { Field = $"Accreditations[{i}].{p.Field}" }));
        return problems;
    }

    public static IReadOnlyList<RuleProblem> Check(Accreditation accreditation)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(accreditation.Scheme)) problems.Add(new(nameof(accreditation.Scheme), "Scheme is required, e.g. UKAS MPACE"));
        if (string.IsNullOrWhiteSpace(accreditation.Standard)) problems.Add(new(nameof(accreditation.Standard), "Standard is required, e.g. BS 70000"));
        if (accreditation is { AwardedOn: { } awarded, ExpiresOn: { } expires } && expires <= awarded)
            problems.Add(new(nameof(accreditation.ExpiresOn), $"Expiry {expires:yyyy-MM-dd} must be after the award date {awarded:yyyy-MM-dd}"));
        if (accreditation.Status == AccreditationStatus.Accredited && accreditation.AwardedOn is null)
            problems.Add(new(nameof(accreditation.AwardedOn), "An accredited service needs the date accreditation was awarded"));
        return problems;
    }

    public static IReadOnlyList<RuleProblem> Check(Person person, int currentYear)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(person.StaffNumber)) problems.Add(new(nameof(person.StaffNumber), "Staff number is required"));
        else if (person.StaffNumber.Length > 30) problems.Add(new(nameof(person.StaffNumber), "Staff number is at most 30 characters"));
        if (string.IsNullOrWhiteSpace(person.FamilyName)) problems.Add(new(nameof(person.FamilyName), "Family name is required"));
        if (string.IsNullOrWhiteSpace(person.GivenName)) problems.Add(new(nameof(person.GivenName), "Given name is required"));
        if (Text.NameText.Problem(person.GivenName) is { } given) problems.Add(new(nameof(person.GivenName), "Given name " + given));
        if (Text.NameText.Problem(person.FamilyName) is { } family) problems.Add(new(nameof(person.FamilyName), "Family name " + family));
        if (person.YearOfBirth is { } year && (year < currentYear - 100 || year > currentYear - 15))
            problems.Add(new(nameof(person.YearOfBirth), $"Year of birth must be between {currentYear - 100} and {currentYear - 15}; {year} was given"));
        foreach (var (a, i) in person.Assignments.Select((a, i) => (a, i + 1)))
            problems.AddRange(Check(a).Select(p => p with { Field = $"Assignments[{i}].{p.Field}" }));
        foreach (var (r, i) in person.Registrations.Select((r, i) => (r, i + 1)))
            if (string.IsNullOrWhiteSpace(r.Number)) problems.Add(new($"Registrations[{i}].Number", $"Registration {i} needs its registration number"));
        foreach (var (t, i) in person.TrainingEnrolments.Select((t, i) => (t, i + 1)))
            problems.AddRange(Check(t).Select(p => p with { Field = $"TrainingEnrolments[{i}].{p.Field}" }));
        return problems;
    }

    public static IReadOnlyList<RuleProblem> Check(Assignment assignment)
    {
        var problems = new List<RuleProblem>();
        if (CheckWte(assignment.Wte) is { } wte) problems.Add(new(nameof(assignment.Wte), wte));
        if (assignment.EndDate is { } end && end < assignment.StartDate)
            problems.Add(new(nameof(assignment.EndDate), $"End date {end:yyyy-MM-dd} is before the start date {assignment.StartDate:yyyy-MM-dd}"));
        return problems;
    }

    public static IReadOnlyList<RuleProblem> Check(TrainingEnrolment enrolment)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(enrolment.Specialism)) problems.Add(new(nameof(enrolment.Specialism), "Specialism is required, e.g. Radiotherapy Physics"));
        if (enrolment.ExpectedEndDate <= enrolment.StartDate)
            problems.Add(new(nameof(enrolment.ExpectedEndDate), $"Expected end {enrolment.ExpectedEndDate:yyyy-MM-dd} must be after the start {enrolment.StartDate:yyyy-MM-dd}"));
        return problems;
    }

    /// <summary>A person's current assignments together may not exceed one full-time equivalent.</summary>
    public static RuleProblem? CheckTotalWte(IEnumerable<Assignment> assignments, DateOnly on)
    {
        var total = assignments.Where(a => a.IsCurrentOn(on)).Sum(a => a.Wte);
        return total > MaxWte ? new RuleProblem("Assignments", $"Current assignments add up to {total:0.00} WTE, more than {MaxWte:0.00}") : null;
    }
}
