using Cadre.Core.Intelligence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Reports;

/// <summary>The three workforce reports and the definitions of every measure they show.</summary>
[Authorize(Roles = ReportAccess.Roles)]
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<Measure> Measures { get; } = Core.Intelligence.Measures.All;

    public void OnGet()
    {
    }
}
