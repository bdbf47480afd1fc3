using Cadre.Core.Money;
using static Cadre.Core.Intelligence.ReportTables;

namespace Cadre.Core.Intelligence;

/// <summary>
/// The establishment's cost from a workforce snapshot (INTEL-COST-01): the one computation the report, the dashboard,
/// the department page and the API show, so they cannot disagree.
/// </summary>
public static class WorkforceCost
{
    /// <summary>The point a holder without a recorded pay point, and a vacancy, is costed at (docs/decisions/money.md).</summary>
    public const DefaultPayPoint Default = DefaultPayPoint.Mid;

    public static EstablishmentCostResult Of(Workforce w, IEnumerable<PostRow> posts)
    {
        var areas = w.Snapshot.Organisations.ToDictionary(o => o.Id, o => o.Area);
        return EstablishmentCost.Of(posts.Select(p => new PostCostInput(p.Id, p.Band, p.Status, p.FundedWte, w.InPostWte(p),
            w.HoldersOf(p.Id).Select(h => new HolderPay(h.Wte, h.Point)).ToList(), areas.GetValueOrDefault(p.OrganisationId))), w.On, Default);
    }

    /// <summary>
    /// Whether a cost total may be shown on a page: always to a role that sees people; to others unless it rests on 1 to
    /// 4 people, whose pay it could give away (the rule the reports apply through disclosure control).
    /// </summary>
    public static bool MayShow(int people, bool maySeePeople) => maySeePeople || !Disclosure.IsSmall(people);

    /// <summary>Each band's costs with the distinct people holding its posts (the count disclosure control hides by).</summary>
    public static IReadOnlyList<BandCost> ByBand(Workforce w, EstablishmentCostResult cost)
    {
        var posts = w.Snapshot.Posts.ToDictionary(p => p.Id);
        return EstablishmentCost.ByBand(cost, ids => w.PeopleIn(ids.Select(id => posts[id])).Count);
    }
}

public static partial class HeadOfServiceReport
{
    /// <summary>
    /// INTEL-COST-01: a year's cost by band. Each band's money is hidden with its count of people, so a band of 1 to 4
    /// people gives no one's pay away where disclosure control applies; vacancy cost rests on vacant posts, not people.
    /// </summary>
    private static TableDraft CostTable(ReportScope s)
    {
        var cost = WorkforceCost.Of(s.W, s.Posts);
        var bands = WorkforceCost.ByBand(s.W, cost);
        var rows = bands.Select(b =>
        {
            var vacantPosts = cost.Posts.Count(p => p.Band == b.Band && p.VacancyWte > 0);
            return Row(b.Band.Label, Figure.Money(b.FundedCost, b.People), Figure.Money(b.InPostCost, b.People),
                Figure.Wte(b.VacancyWte, vacantPosts), Figure.Money(b.VacancyCost, vacantPosts));
        }).ToList();
        // The total rests on every band's people, so it is hidden whenever a band is: no band can be worked back from it.
        var people = bands.Select(b => b.People).ToArray();
        var vacant = cost.Posts.Count(p => p.VacancyWte > 0);
        if (bands.Count > 0)
            rows.Add(Row("All bands", Figure.Money(cost.FundedCost, people), Figure.Money(cost.InPostCost, people),
                Figure.Wte(cost.Posts.Sum(p => p.VacancyWte), vacant), Figure.Money(cost.VacancyCost, [vacant, .. bands.Select(b => cost.Posts.Count(p => p.Band == b.Band && p.VacancyWte > 0))])));
        return new(Measures.EstablishmentCost.Id, $"Cost of the establishment, {cost.Year} (£ a year, pay and on-costs)",
            ["Band", "Funded establishment (£)", "Staff in post (£)", "Vacancy WTE", "Vacancies (£)"], rows, cost.Basis)
        { Parts = PartLines.None };
    }
}
