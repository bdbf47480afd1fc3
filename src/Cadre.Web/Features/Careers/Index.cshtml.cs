using Cadre.Core.Careers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cadre.Web.Features.Careers;

/// <summary>/careers: the Modernising Scientific Careers framework: roles, programmes, routes and equivalence, each with its rule and source.</summary>
public sealed class IndexModel : PageModel
{
    public CareerReference Reference { get; } = CareerReference.Default;
    public bool MaySeePeople { get; private set; }

    public void OnGet() => MaySeePeople = WebScope.MaySeePeople(User);

    public static string Credential(Credential c) => c == Cadre.Core.Careers.Credential.None ? "No qualification yet" : Capital(Credentials.Describe(c));

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
