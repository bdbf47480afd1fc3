using Cadre.Core.Careers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Careers;

/// <summary>/careers: the Modernising Scientific Careers framework: roles, programmes, routes and equivalence, each with its rule and source.</summary>
public sealed class IndexModel : PageModel
{
    public CareerReference Reference { get; } = CareerReference.Default;
    public bool MaySeePeople { get; private set; }

    /// <summary>The pay scale the trainee salaries are costed on: the financial year of today, or the latest Cadre holds.</summary>
    public static Cadre.Core.Money.PayScale Scale => Cadre.Core.Money.PayScales.For(Cadre.Core.Money.FinancialYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow)));

    /// <summary>
    /// Each costed programme's cost to a trainee's payers, a year and over its length (the careers reference's length),
    /// by the same computation a plan's commissions use (PLAN-COST-).
    /// </summary>
    public IReadOnlyList<Cadre.Core.Planning.ProgrammeCost> Costs => Cadre.Core.Planning.CommissionCosts.Programmes.Select(code =>
        Cadre.Core.Planning.CommissionCosts.OfProgramme(code,
            Reference.Programmes.FirstOrDefault(p => string.Equals(p.Id, code, StringComparison.OrdinalIgnoreCase))?.DurationYears,
            Scale, Cadre.Core.Money.OnCosts.For(Scale.Year))).ToList();

    public void OnGet() => MaySeePeople = WebScope.MaySeePeople(User);

    public static string Credential(Credential c) => c == Cadre.Core.Careers.Credential.None ? "No qualification yet" : Capital(Credentials.Describe(c));

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
