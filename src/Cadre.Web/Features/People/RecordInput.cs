using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

/// <summary>
/// The fields of the person's record forms; each kind of record uses its own subset. Everything arrives as text and is
/// read here, so a mistyped date or an unknown choice gets a sentence naming the field.
/// </summary>
public sealed class RecordInput
{
    // Assignment
    public string? PostNumber { get; set; }
    public string? Wte { get; set; } = "1.00";
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    /// <summary>The holder's pay point: "Entry", "Intermediate", "Top" or blank for not recorded.</summary>
    public string? PayPoint { get; set; }
    /// <summary>The day they reached that point (for pay progression); blank when not known.</summary>
    public string? PayPointSince { get; set; }
    // Registration and certificate
    public string? RegistrationType { get; set; }
    public string? CertificateType { get; set; }
    public string? Number { get; set; }
    public string? Scope { get; set; }
    public string? ExpiresOn { get; set; }
    // Training
    public string? Programme { get; set; }
    public string? Specialism { get; set; }
    public string? ExpectedEndDate { get; set; }
    public string? Mode { get; set; } = nameof(StudyMode.FullTime);
    public string? Status { get; set; } = nameof(TrainingStatus.Active);
    /// <summary>The record's values when the form was opened (see <see cref="RecordToken"/>).</summary>
    public string? Token { get; set; }

    public static async Task<RecordInput> FromAsync(object record, CadreDbContext db, CancellationToken cancel) => record switch
    {
        Assignment a => new()
        {
            PostNumber = await db.Posts.Where(p => p.Id == a.PostId).Select(p => p.PostNumber).FirstOrDefaultAsync(cancel),
            Wte = Labels.Wte(a.Wte), StartDate = FormValues.Date(a.StartDate), EndDate = FormValues.Date(a.EndDate), PayPoint = a.PayPoint?.ToString(), PayPointSince = FormValues.Date(a.PayPointSince),
        },
        ProfessionalRegistration r => new() { RegistrationType = r.Type.ToString(), Number = r.Number, ExpiresOn = FormValues.Date(r.ExpiresOn) },
        Certificate c => new() { CertificateType = c.Type.ToString(), Number = c.Number, Scope = c.Scope, ExpiresOn = FormValues.Date(c.ExpiresOn) },
        TrainingEnrolment t => new()
        {
            Programme = t.Programme.ToString(), Specialism = t.Specialism, StartDate = FormValues.Date(t.StartDate),
            ExpectedEndDate = FormValues.Date(t.ExpectedEndDate), Mode = t.Mode.ToString(), Status = t.Status.ToString(),
        },
        _ => new(),
    };

    /// <summary>Copies a registration, certificate or training enrolment from the form, adding an error per bad field.</summary>
    public void ApplyTo(object record, ModelStateDictionary state)
    {
        switch (record)
        {
            case ProfessionalRegistration r:
                if (Choice<RegistrationType>(RegistrationType, "Input.RegistrationType", "Select the register", state) is { } rt) r.Type = rt;
                r.Number = (Number ?? "").Trim();
                if (r.Number.Length == 0) state.AddModelError("Input.Number", "Enter the registration number, for example CS012345");
                else if (r.Number.Length > 30) state.AddModelError("Input.Number", "Registration number must be 30 characters or fewer");
                r.ExpiresOn = OptionalDate(ExpiresOn, "Input.ExpiresOn", "Renewal date", state);
                break;
            case Certificate c:
                if (Choice<CertificateType>(CertificateType, "Input.CertificateType", "Select the certificate", state) is { } ct) c.Type = ct;
                c.Number = FormValues.Blank(Number);
                if (c.Number is { Length: > 50 }) state.AddModelError("Input.Number", "Certificate number must be 50 characters or fewer");
                c.Scope = FormValues.Blank(Scope);
                if (c.Scope is { Length: > 100 }) state.AddModelError("Input.Scope", "What it covers must be 100 characters or fewer");
                c.ExpiresOn = OptionalDate(ExpiresOn, "Input.ExpiresOn", "Expiry date", state);
                break;
            case TrainingEnrolment t:
                if (Choice<TrainingProgramme>(Programme, "Input.Programme", "Select the training programme", state) is { } p) t.Programme = p;
                t.Specialism = (Specialism ?? "").Trim();
                if (t.Specialism.Length > 100) state.AddModelError("Input.Specialism", "Specialism must be 100 characters or fewer");
                var start = RequiredDate(StartDate, "Input.StartDate", "start date", state);
                var end = RequiredDate(ExpectedEndDate, "Input.ExpectedEndDate", "expected end date", state);
                if (Choice<StudyMode>(Mode, "Input.Mode", "Select full-time or part-time", state) is { } m) t.Mode = m;
                if (Choice<TrainingStatus>(Status, "Input.Status", "Select the status", state) is { } s) t.Status = s;
                if (start is { } sd) t.StartDate = sd;
                if (end is { } ed) t.ExpectedEndDate = ed;
                foreach (var problem in RegisterRules.Check(t))
                {
                    // Date order is checked only once both dates could be read.
                    if (problem.Field == nameof(TrainingEnrolment.ExpectedEndDate) && (start is null || end is null)) continue;
                    state.AddModelError($"Input.{problem.Field}", problem.Message);
                }
                break;
        }
    }

    private static T? Choice<T>(string? value, string key, string message, ModelStateDictionary state) where T : struct, Enum
    {
        // By name only: a number would bind to an undefined member.
        if (value is not null && !char.IsDigit(value.Trim().FirstOrDefault()) && Enum.TryParse<T>(value.Trim(), true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        state.AddModelError(key, message);
        return null;
    }

    private static DateOnly? OptionalDate(string? value, string key, string label, ModelStateDictionary state)
    {
        if (FormValues.Blank(value) is null) return null;
        if (FormValues.TryDate(value, out var date)) return date;
        state.AddModelError(key, $"{label} must be a real date, {FormValues.DateHint}");
        return null;
    }

    private static DateOnly? RequiredDate(string? value, string key, string label, ModelStateDictionary state)
    {
        if (FormValues.Blank(value) is null) { state.AddModelError(key, $"Enter the {label}"); return null; }
        if (FormValues.TryDate(value, out var date)) return date;
        state.AddModelError(key, $"The {label} must be a real date, {FormValues.DateHint}");
        return null;
    }

    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.PostNumber", "Input.Wte", "Input.StartDate", "Input.EndDate", "Input.PayPoint", "Input.PayPointSince", "Input.RegistrationType", "Input.CertificateType",
        "Input.Programme", "Input.Specialism", "Input.Number", "Input.Scope", "Input.ExpiresOn", "Input.ExpectedEndDate", "Input.Mode", "Input.Status",
    ];
}
