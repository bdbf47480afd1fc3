using Cadre.Core.Intelligence;
using Cadre.Core.Register;
using Cadre.Core.Surveys;
using Cadre.Data.Intelligence;

namespace Cadre.Data.Surveys;

/// <summary>Which people of the register a survey went to: posts of a science theme (or all) within a band range, on a day.</summary>
public sealed record RegisterPopulationFilter(DateOnly On, char? Theme, PayBand LowestBand, PayBand HighestBand);

/// <summary>
/// Counts a survey's population from the register: every person holding, on the day, a post of the theme within the band
/// range, by specialism (the service, i.e. department, they work in: services are named by specialism, e.g.
/// "Radiotherapy Physics") and by band. A person in two such posts counts once, to the post they give most time to
/// (docs/decisions/surveys.md). The register holds no region, so the population has none.
/// </summary>
public static class SurveyPopulation
{
    public static async Task<(IReadOnlyList<PopulationGroup> Groups, string Description)> FromRegisterAsync(CadreDbContext db, Guid organisationId, RegisterPopulationFilter filter, CancellationToken cancel = default)
    {
        var snapshot = await WorkforceSnapshotQuery.BuildAsync(db, filter.On, organisationId, checkCoding: false, cancel: cancel);
        var w = new Workforce(snapshot);
        var posts = snapshot.Posts.Where(p => p.Band >= filter.LowestBand && p.Band <= filter.HighestBand)
            .Where(p => filter.Theme is null || w.MainTheme(p) == filter.Theme).ToDictionary(p => p.Id);
        var people = snapshot.Holders.Where(h => posts.ContainsKey(h.PostId)).GroupBy(h => h.PersonId)
            .Select(g => posts[g.OrderByDescending(h => h.Wte).ThenBy(h => h.PostId).First().PostId]).ToList();
        var groups = new List<PopulationGroup>();
        groups.AddRange(people.GroupBy(p => w.Department(p.DepartmentId)?.Name ?? SurveyWords.NotStated)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => new PopulationGroup(PopulationDimension.Specialism, g.Key, g.Count())));
        groups.AddRange(people.GroupBy(p => p.Band).OrderBy(g => g.Key).Select(g => new PopulationGroup(PopulationDimension.Band, g.Key.Code, g.Count())));
        var theme = filter.Theme is null ? "All posts" : $"{ReportWords.Theme(filter.Theme)} posts";
        var bands = filter.LowestBand == filter.HighestBand ? filter.LowestBand.Label : $"{filter.LowestBand.Label} to {filter.HighestBand.Label}";
        return (groups, $"{theme}, {bands}, people in post on {filter.On:d MMMM yyyy}: {people.Count}");
    }
}
