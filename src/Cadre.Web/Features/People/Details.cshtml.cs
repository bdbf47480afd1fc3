using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Web.Features.People;

[Authorize(Policy = CadrePolicies.SeePeople)]
public sealed class DetailsModel(CadreDbContext db) : PageModel
{
    public Person Person { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancel)
    {
        var person = await db.People.AsNoTracking()
            .Include(p => p.Assignments).ThenInclude(a => a.Post)
            .Include(p => p.Registrations).Include(p => p.Certificates).Include(p => p.TrainingEnrolments)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancel);
        if (person is null) return NotFound();
        Person = person;
        return Page();
    }
}
