using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

/// <summary>
/// One page for the four kinds of record that hang off a person: an assignment to a post, a professional registration, an
/// expert-role certificate and a training enrolment. /people/{id}/{kind}/new adds one, /people/{id}/{kind}/{recordId}
/// changes or removes it. Each save is one transaction and writes its own audit entry through the data layer.
/// </summary>
[Authorize(Policy = CadrePolicies.EditPeople)]
public sealed class RecordModel(CadreDbContext db) : PageModel
{
    public const string Assignment = "assignment", Registration = "registration", Certificate = "certificate", Training = "training";

    [BindProperty] public RecordInput Input { get; set; } = new();
    public Guid PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public Guid? RecordId { get; private set; }
    public IReadOnlyList<FormError> Errors { get; private set; } = [];
    public bool IsNew => RecordId is null;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public string Noun => Kind switch
    {
        Assignment => "post",
        Registration => "registration",
        Certificate => "certificate",
        _ => "training programme",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, Guid? recordId, CancellationToken cancel)
    {
        if (await StartAsync(id, kind, recordId, cancel) is { } notFound) return notFound;
        if (recordId is { } existing)
        {
            var record = await FindAsync(existing, cancel);
            if (record is null) return NotFound();
            Input = await RecordInput.FromAsync(record, db, cancel);
            Input.Token = RecordToken.Of(record);
        }
        else
        {
            Input.StartDate = FormValues.Date(Today);
            Input.PostNumber = Request.Query["post"];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string kind, Guid? recordId, CancellationToken cancel)
    {
        if (await StartAsync(id, kind, recordId, cancel) is { } notFound) return notFound;
        object? record = recordId is { } existing ? await FindAsync(existing, cancel) : New();
        if (record is null) return NotFound();
        if (recordId is not null && !RecordToken.Matches(record, Input.Token))
        {
            ModelState.AddModelError("", RecordToken.StaleMessage);
            Errors = FormErrors.From(ModelState);
            Input.Token = RecordToken.Of(record);
            return Page();
        }

        Guid? postId = null;
        if (record is Cadre.Core.Register.Assignment assignment)
        {
            postId = await AssignmentForm.ApplyAsync(assignment, PersonId, Input.PostNumber, Input.Wte, Input.StartDate, Input.EndDate, db, ModelState, Today, cancel);
            if (postId is { } held) await AssignmentForm.ReadPayPointAsync(assignment, held, Input.PayPoint, Input.PayPointSince, db, ModelState, "Input.PayPoint", "Input.PayPointSince", cancel);
        }
        else Input.ApplyTo(record, ModelState);

        if (!ModelState.IsValid)
        {
            Errors = FormErrors.From(ModelState, RecordInput.FieldOrder);
            return Page();
        }
        if (recordId is null) db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (Cadre.Data.Auditing.OrganisationScopeException)
        {
            // The post is visible but the person may not be given it (a service lead's other department): not found.
            return NotFound();
        }
        TempData["Saved"] = recordId is null ? $"{Capital(Noun)} added" : $"{Capital(Noun)} updated";
        if (postId is { } p && await AssignmentForm.OverFundedAsync(db, p, Today, cancel) is { } warning) TempData["Warning"] = warning;
        return Redirect($"/people/{PersonId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string kind, Guid? recordId, CancellationToken cancel)
    {
        if (await StartAsync(id, kind, recordId, cancel) is { } notFound) return notFound;
        if (recordId is not { } existing || await FindAsync(existing, cancel) is not { } record) return NotFound();
        if (!RecordToken.Matches(record, Input.Token))
        {
            ModelState.AddModelError("", RecordToken.StaleMessage);
            Errors = FormErrors.From(ModelState);
            return Page();
        }
        db.Remove(record);
        await db.SaveChangesAsync(cancel);
        TempData["Saved"] = $"{Capital(Noun)} removed";
        return Redirect($"/people/{PersonId}");
    }

    /// <summary>The person must be one the user can see: anyone else, or another trust's, is simply not found.</summary>
    private async Task<IActionResult?> StartAsync(Guid id, string kind, Guid? recordId, CancellationToken cancel)
    {
        PersonId = id;
        Kind = kind;
        RecordId = recordId;
        var person = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.GivenName, p.FamilyName, p.OrganisationId }).FirstOrDefaultAsync(cancel);
        if (person is null || kind is not (Assignment or Registration or Certificate or Training)) return NotFound();
        PersonName = $"{person.GivenName} {person.FamilyName}";
        _organisationId = person.OrganisationId;
        return null;
    }

    private Guid _organisationId;

    private object New() => Kind switch
    {
        Assignment => new Cadre.Core.Register.Assignment { PersonId = PersonId, OrganisationId = _organisationId },
        Registration => new ProfessionalRegistration { PersonId = PersonId, OrganisationId = _organisationId },
        Certificate => new Cadre.Core.Register.Certificate { PersonId = PersonId, OrganisationId = _organisationId },
        _ => new TrainingEnrolment { PersonId = PersonId, OrganisationId = _organisationId },
    };

    private async Task<object?> FindAsync(Guid recordId, CancellationToken cancel) => Kind switch
    {
        Assignment => await db.Assignments.FirstOrDefaultAsync(a => a.Id == recordId && a.PersonId == PersonId, cancel),
        Registration => await db.Registrations.FirstOrDefaultAsync(r => r.Id == recordId && r.PersonId == PersonId, cancel),
        Certificate => await db.Certificates.FirstOrDefaultAsync(c => c.Id == recordId && c.PersonId == PersonId, cancel),
        _ => await db.TrainingEnrolments.FirstOrDefaultAsync(t => t.Id == recordId && t.PersonId == PersonId, cancel),
    };

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public static IEnumerable<SelectListItem> RegistrationItems => Items<RegistrationType>(Labels.Registration, "Select the register");
    public static IEnumerable<SelectListItem> CertificateItems => Items<CertificateType>(Labels.Certificate, "Select the certificate");
    public static IEnumerable<SelectListItem> ProgrammeItems => Items<TrainingProgramme>(Labels.Programme, "Select the programme");
    public static IEnumerable<SelectListItem> ModeItems => Items<StudyMode>(Labels.Mode, "Select one");
    public static IEnumerable<SelectListItem> StatusItems => Items<TrainingStatus>(s => s.ToString(), "Select the status");
    public static IEnumerable<SelectListItem> PayPointItems => Items<Cadre.Core.Money.PayPoint>(p => p switch
    {
        Cadre.Core.Money.PayPoint.Intermediate => "Intermediate (bands 5 to 7 only)",
        _ => Cadre.Core.Money.PayPoints.Words(p),
    }, "Not recorded");

    private static IEnumerable<SelectListItem> Items<T>(Func<T, string> label, string prompt) where T : struct, Enum =>
        new[] { new SelectListItem(prompt, "") }.Concat(Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString())));
}
