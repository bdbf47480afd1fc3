using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cadre.Core.Register;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cadre.Web.Features.Posts;

/// <summary>
/// What the post form posts back. Numbers arrive as text and are read here, so a mistyped WTE gets a sentence a person
/// understands rather than the framework's "The value 'x' is not valid".
/// </summary>
public sealed class PostInput
{
    public const int ActivityRows = 4;
    public const int RoleRows = 3;

    [Required(ErrorMessage = "Enter the post number")]
    [StringLength(30, ErrorMessage = "Post number must be 30 characters or fewer")]
    public string? PostNumber { get; set; } = "";

    [Required(ErrorMessage = "Enter the post title")]
    [StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
    public string? Title { get; set; } = "";

    [Required(ErrorMessage = "Select the department")]
    public Guid? DepartmentId { get; set; }

    [Required(ErrorMessage = "Select the pay band")]
    public string? Band { get; set; }

    [Required(ErrorMessage = "Enter the funded WTE, for example 1.00 or 0.60")]
    public string? FundedWte { get; set; }

    [StringLength(30, ErrorMessage = "Cost centre must be 30 characters or fewer")]
    public string? CostCentre { get; set; }

    public PostStatus Status { get; set; } = PostStatus.Funded;

    public string? OccupationCode { get; set; }

    [StringLength(100, ErrorMessage = "Area of Work must be 100 characters or fewer")]
    public string? AreaOfWork { get; set; }

    public EntryRequirement EntryRequirement { get; set; } = EntryRequirement.Practitioner;

    public bool ManagesDepartment { get; set; }

    public string? DirectHcsPercent { get; set; } = "100";

    public bool ManagerRequiresHcsQualification { get; set; }

    public ConsultantAppointment ConsultantAppointment { get; set; } = ConsultantAppointment.None;

    /// <summary>"" not recorded (the coding reads it from the title and band), "true" or "false".</summary>
    public string? Specialist { get; set; } = "";

    /// <summary>"" not recorded (the coding reads it from the title), else a <see cref="Core.Register.TraineeProgramme"/> name.</summary>
    public string? TraineeProgramme { get; set; } = "";

    public List<ActivityInput> Activities { get; set; } = [];

    /// <summary>Job descriptions: a post holder with two JDs has two roles, each with its own WTE (seed 000).</summary>
    public List<RoleInput> Roles { get; set; } = [];

    /// <summary>The version the form was opened on; a save against a newer version is refused, not silently merged.</summary>
    public Guid Version { get; set; }

    public static PostInput From(Post post)
    {
        var input = new PostInput
        {
            PostNumber = post.PostNumber,
            Title = post.Title,
            DepartmentId = post.DepartmentId,
            Band = post.Band.Code,
            FundedWte = post.FundedWte.ToString("0.00", CultureInfo.InvariantCulture),
            CostCentre = post.CostCentre,
            Status = post.Status,
            OccupationCode = post.OccupationCode,
            AreaOfWork = post.AreaOfWork,
            EntryRequirement = post.EntryRequirement,
            ManagesDepartment = post.ManagesDepartment,
            DirectHcsPercent = post.DirectHcsPercent.ToString(CultureInfo.InvariantCulture),
            ManagerRequiresHcsQualification = post.ManagerRequiresHcsQualification,
            ConsultantAppointment = post.ConsultantAppointment,
            Specialist = post.Specialist is { } specialist ? (specialist ? "true" : "false") : "",
            TraineeProgramme = post.TraineeProgramme?.ToString() ?? "",
            Version = post.Version,
            Activities = post.Activities.OrderByDescending(a => a.Percent).Select(a => new ActivityInput
            {
                Service = a.Service, AreaOfWork = a.AreaOfWork, Theme = a.ScienceTheme == '\0' ? null : a.ScienceTheme.ToString(),
                Percent = a.Percent.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            Roles = post.Roles.OrderByDescending(r => r.Wte).ThenBy(r => r.Title).Select(r => new RoleInput
            {
                Title = r.Title, JobDescriptionReference = r.JobDescriptionReference, Wte = r.Wte.ToString("0.00", CultureInfo.InvariantCulture),
                OccupationCode = r.OccupationCode, AreaOfWork = r.AreaOfWork,
            }).ToList(),
        };
        input.PadActivities();
        return input;
    }

    public void PadActivities()
    {
        while (Activities.Count < ActivityRows) Activities.Add(new ActivityInput());
        while (Roles.Count < RoleRows) Roles.Add(new RoleInput());
    }

    /// <summary>
    /// Copies the form onto the post, adding a model error for anything that cannot be read; then the register's own rules
    /// (shared with the importer and the API) are checked and their problems put against the matching fields.
    /// </summary>
    public bool ApplyTo(Post post, ModelStateDictionary state, string prefix = "Input")
    {
        post.PostNumber = (PostNumber ?? "").Trim();
        post.Title = (Title ?? "").Trim();
        if (DepartmentId is { } department) post.DepartmentId = department;
        if (Band is not null)
        {
            if (PayBand.TryParse(Band, out var band)) post.Band = band.Value;
            else state.AddModelError($"{prefix}.Band", "Select a pay band from the list");
        }
        if (FundedWte is not null)
        {
            if (decimal.TryParse(FundedWte.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var wte)) post.FundedWte = wte;
            else state.AddModelError($"{prefix}.FundedWte", "Funded WTE must be a number, for example 1.00 or 0.60");
        }
        post.CostCentre = Blank(CostCentre);
        post.Status = Status;
        post.OccupationCode = Blank(OccupationCode)?.ToUpperInvariant();
        post.AreaOfWork = Blank(AreaOfWork);
        post.EntryRequirement = EntryRequirement;
        post.ManagesDepartment = ManagesDepartment;
        if (int.TryParse((DirectHcsPercent ?? "").Trim().TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent)) post.DirectHcsPercent = percent;
        else state.AddModelError($"{prefix}.DirectHcsPercent", "Direct healthcare science activity must be a whole number from 0 to 100");
        post.ManagerRequiresHcsQualification = ManagerRequiresHcsQualification;
        post.ConsultantAppointment = ConsultantAppointment;
        switch ((Specialist ?? "").Trim().ToLowerInvariant())
        {
            case "": post.Specialist = null; break;
            case "true": post.Specialist = true; break;
            case "false": post.Specialist = false; break;
            default: state.AddModelError($"{prefix}.Specialist", "Select whether the post needs specialist expertise: Not recorded, Yes or No"); break;
        }
        if (string.IsNullOrWhiteSpace(TraineeProgramme)) post.TraineeProgramme = null;
        else if (Enum.TryParse<TraineeProgramme>(TraineeProgramme.Trim(), ignoreCase: true, out var programme) && Enum.IsDefined(programme)) post.TraineeProgramme = programme;
        else state.AddModelError($"{prefix}.TraineeProgramme", "Select the trainee programme from the list, or Not recorded");

        var activities = new List<PostActivity>();
        for (var i = 0; i < Activities.Count; i++)
        {
            var a = Activities[i];
            if (a.IsEmpty) continue;
            var activity = new PostActivity { OrganisationId = post.OrganisationId, PostId = post.Id, Service = (a.Service ?? "").Trim(), AreaOfWork = Blank(a.AreaOfWork) };
            if (string.IsNullOrWhiteSpace(a.Theme)) state.AddModelError($"{prefix}.Activities[{i}].Theme", $"Select the science theme for time split row {i + 1}");
            else activity.ScienceTheme = char.ToUpperInvariant(a.Theme.Trim()[0]);
            if (int.TryParse((a.Percent ?? "").Trim().TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var share)) activity.Percent = share;
            else state.AddModelError($"{prefix}.Activities[{i}].Percent", $"Share of time in row {i + 1} must be a whole number of percent, for example 50");
            activities.Add(activity);
        }
        var activityRowIndex = Activities.Select((a, i) => (a, i)).Where(x => !x.a.IsEmpty).Select(x => x.i).ToList();

        var roles = new List<PostRole>();
        for (var i = 0; i < Roles.Count; i++)
        {
            var r = Roles[i];
            if (r.IsEmpty) continue;
            var role = new PostRole
            {
                OrganisationId = post.OrganisationId, PostId = post.Id, Title = (r.Title ?? "").Trim(), JobDescriptionReference = Blank(r.JobDescriptionReference),
                OccupationCode = Blank(r.OccupationCode)?.ToUpperInvariant(), AreaOfWork = Blank(r.AreaOfWork),
            };
            if (decimal.TryParse((r.Wte ?? "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var roleWte)) role.Wte = roleWte;
            else state.AddModelError($"{prefix}.Roles[{i}].Wte", $"WTE of job description {i + 1} must be a number, for example 0.50");
            if (role.Title.Length > 200) state.AddModelError($"{prefix}.Roles[{i}].Title", $"Title of job description {i + 1} must be 200 characters or fewer");
            if (role.JobDescriptionReference is { Length: > 50 }) state.AddModelError($"{prefix}.Roles[{i}].JobDescriptionReference", $"Reference of job description {i + 1} must be 50 characters or fewer");
            if (role.AreaOfWork is { Length: > 100 }) state.AddModelError($"{prefix}.Roles[{i}].AreaOfWork", $"Area of Work of job description {i + 1} must be 100 characters or fewer");
            roles.Add(role);
        }
        var roleRowIndex = Roles.Select((r, i) => (r, i)).Where(x => !x.r.IsEmpty).Select(x => x.i).ToList();

        var problems = RegisterRules.Check(new Post
        {
            PostNumber = post.PostNumber, Title = post.Title, Band = post.Band, FundedWte = post.FundedWte, Status = post.Status,
            OccupationCode = post.OccupationCode, DirectHcsPercent = post.DirectHcsPercent, EntryRequirement = post.EntryRequirement,
            ConsultantAppointment = post.ConsultantAppointment, Activities = activities, Roles = roles,
        });
        foreach (var problem in problems)
        {
            var key = FieldFor(problem.Field, activityRowIndex, roleRowIndex, prefix);
            // A field that already has a reading error keeps that one message.
            if (state.TryGetValue(key, out var existing) && existing.Errors.Count > 0) continue;
            state.AddModelError(key, problem.Message);
        }
        PendingActivities = activities;
        PendingRoles = roles;
        return state.IsValid;
    }

    /// <summary>The activities read from the form by <see cref="ApplyTo"/>, for the caller to save.</summary>
    public List<PostActivity> PendingActivities { get; private set; } = [];

    /// <summary>The job descriptions read from the form by <see cref="ApplyTo"/>, for the caller to save.</summary>
    public List<PostRole> PendingRoles { get; private set; } = [];

    private static string FieldFor(string field, IReadOnlyList<int> rowIndex, IReadOnlyList<int> roleIndex, string prefix)
    {
        // Rules number activity rows from 1 over the rows actually given; the form numbers all rows from 0.
        if (field.StartsWith("Activities[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']');
            if (int.TryParse(field[11..close], out var n) && n >= 1 && n <= rowIndex.Count)
                return $"{prefix}.Activities[{rowIndex[n - 1]}]{field[(close + 1)..]}";
        }
        if (field == "Activities") return $"{prefix}.Activities[{(rowIndex.Count > 0 ? rowIndex[0] : 0)}].Percent";
        if (field.StartsWith("Roles[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']');
            if (int.TryParse(field[6..close], out var n) && n >= 1 && n <= roleIndex.Count)
                return $"{prefix}.Roles[{roleIndex[n - 1]}]{field[(close + 1)..]}";
        }
        // The roles' total against the funded WTE: shown on the first role's WTE, where the user fixes it.
        if (field == "Roles") return $"{prefix}.Roles[{(roleIndex.Count > 0 ? roleIndex[0] : 0)}].Wte";
        return $"{prefix}.{field}";
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The order fields appear on the form, so the error summary lists problems top to bottom.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.PostNumber", "Input.Title", "Input.DepartmentId", "Input.Band", "Input.FundedWte", "Input.CostCentre", "Input.Status",
        "Input.OccupationCode", "Input.AreaOfWork", "Input.EntryRequirement", "Input.ManagesDepartment", "Input.DirectHcsPercent",
        "Input.ManagerRequiresHcsQualification", "Input.ConsultantAppointment",
        "Input.Specialist", "Input.TraineeProgramme",
        .. Enumerable.Range(0, ActivityRows).SelectMany(i => new[] { $"Input.Activities[{i}].Service", $"Input.Activities[{i}].AreaOfWork", $"Input.Activities[{i}].Theme", $"Input.Activities[{i}].Percent" }),
        .. Enumerable.Range(0, RoleRows).SelectMany(i => new[] { $"Input.Roles[{i}].Title", $"Input.Roles[{i}].JobDescriptionReference", $"Input.Roles[{i}].Wte", $"Input.Roles[{i}].OccupationCode", $"Input.Roles[{i}].AreaOfWork" }),
    ];

    public static IEnumerable<SelectListItem> BandItems() =>
        new[] { new SelectListItem("Select a band", "") }.Concat(PayBand.All.Select(b => new SelectListItem($"Band {b.Code}", b.Code)));

    public static IEnumerable<SelectListItem> StatusItems() => Enum.GetValues<PostStatus>().Select(s => new SelectListItem(Labels.Status(s), s.ToString()));

    public static IEnumerable<SelectListItem> EntryItems() => Enum.GetValues<EntryRequirement>().Select(e => new SelectListItem(Labels.Entry(e), e.ToString()));

    public static IEnumerable<SelectListItem> AppointmentItems() => Enum.GetValues<ConsultantAppointment>().Select(a => new SelectListItem(Labels.Appointment(a), a.ToString()));

    public static IEnumerable<SelectListItem> ThemeItems() =>
        new[] { new SelectListItem("Select a theme", "") }.Concat(Labels.Themes.Select(t => new SelectListItem($"{t.Key} – {t.Value}", t.Key.ToString())));

    public static IEnumerable<SelectListItem> SpecialistItems() =>
        [new SelectListItem("Not recorded", ""), new SelectListItem("Yes", "true"), new SelectListItem("No", "false")];

    public static IEnumerable<SelectListItem> ProgrammeItems() =>
        new[] { new SelectListItem("Not recorded", "") }.Concat(Enum.GetValues<TraineeProgramme>().Select(t => new SelectListItem(Labels.Programme(t), t.ToString())));

    public static IEnumerable<SelectListItem> YesNoItems() => [new SelectListItem("No", "false"), new SelectListItem("Yes", "true")];
}

public sealed class ActivityInput
{
    public string? Service { get; set; }
    public string? AreaOfWork { get; set; }
    public string? Theme { get; set; }
    public string? Percent { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Service) && string.IsNullOrWhiteSpace(AreaOfWork) && string.IsNullOrWhiteSpace(Percent) && string.IsNullOrWhiteSpace(Theme);
}

public sealed class RoleInput
{
    public string? Title { get; set; }
    public string? JobDescriptionReference { get; set; }
    public string? Wte { get; set; }
    public string? OccupationCode { get; set; }
    public string? AreaOfWork { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(JobDescriptionReference) && string.IsNullOrWhiteSpace(Wte)
        && string.IsNullOrWhiteSpace(OccupationCode) && string.IsNullOrWhiteSpace(AreaOfWork);
}
