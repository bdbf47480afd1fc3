using Cadre.Core.Register;

namespace Cadre.Core.Money;

/// <summary>What costing a post needs: its band, funding, who holds it on the day and, where recorded, the holder's point.</summary>
public sealed record PostCostInput(Guid PostId, PayBand Band, PostStatus Status, decimal FundedWte, decimal WteInPost, PayPoint? HolderPoint = null);

/// <summary>
/// One post's cost for a year. A whole-time equivalent costs <see cref="PayPerWte"/> plus <see cref="OnCostsPerWte"/>;
/// the funded and in-post parts are costed at the holder's point where recorded, the vacant part at the default point
/// (who fills it is not known yet). Vacancy uses the one definition (Establishment.VacancyWte, INTEL-EST-03).
/// </summary>
public sealed record PostCost(Guid PostId, PayBand Band, Occupancy Occupancy, decimal FundedWte, decimal WteInPost, decimal VacancyWte,
    decimal PayPerWte, decimal OnCostsPerWte, decimal DefaultCostPerWte, bool AtHolderPoint)
{
    public decimal CostPerWte => PayPerWte + OnCostsPerWte;

    /// <summary>The funded establishment's cost: funded WTE of a post that is not frozen.</summary>
    public decimal FundedCost => Occupancy == Occupancy.Frozen ? 0 : FundedWte * CostPerWte;

    /// <summary>What the holders on the day cost (frozen posts' holders included: they are paid).</summary>
    public decimal InPostCost => WteInPost * CostPerWte;

    /// <summary>The vacancy's cost: saved while it stays vacant, spent when it is filled.</summary>
    public decimal VacancyCost => VacancyWte * DefaultCostPerWte;
}

/// <summary>One band's costs, with the posts and people behind them (disclosure control hides a band of 1 to 4 people).</summary>
public sealed record BandCost(PayBand Band, int Posts, int People, decimal FundedWte, decimal FundedCost, decimal InPostCost, decimal VacancyWte, decimal VacancyCost);

/// <summary>The establishment's cost on a day, with the pay scale and on-costs it used and the ids it rests on.</summary>
public sealed record EstablishmentCostResult(FinancialYear Year, PayScale Scale, OnCosts OnCosts, DefaultPayPoint DefaultPoint, IReadOnlyList<PostCost> Posts)
{
    public decimal FundedCost => Posts.Sum(p => p.FundedCost);
    public decimal InPostCost => Posts.Sum(p => p.InPostCost);
    public decimal VacancyCost => Posts.Sum(p => p.VacancyCost);

    /// <summary>The ids a reader can look up: the pay scale and each on-cost.</summary>
    public IReadOnlyList<string> Rules => [EstablishmentCost.PayScaleId, .. OnCosts.Ids];

    /// <summary>Which year's scale was used, in words: a later year than Cadre holds is costed at the latest scale.</summary>
    public string Basis => $"{PayScales.Citation(Scale.Year)}" + (Scale.Year.CompareTo(Year) switch
        {
            0 => "",
            < 0 => $" (the latest Cadre holds; {Year} not yet loaded)",
            _ => $" (the earliest Cadre holds, for {Year})",
        })
        + $"; on-costs {OnCosts.Year} ({string.Join(", ", OnCosts.Ids)}); posts without a recorded pay point at the {EstablishmentCost.Words(DefaultPoint)} point";
}

/// <summary>
/// The cost of the establishment (INTEL-COST-01): each post at its band's pay point (the holder's where recorded, else
/// the chosen default) times its WTE, plus on-costs. Pure: the caller passes the posts, the year and the default.
/// </summary>
public static class EstablishmentCost
{
    public const string PayScaleId = "PAY-AFC-01";

    public static string Words(DefaultPayPoint point) => point switch
    {
        DefaultPayPoint.Entry => "entry",
        DefaultPayPoint.Mid => "mid",
        DefaultPayPoint.Top => "top",
        _ => throw new System.Diagnostics.UnreachableException($"No words for {point}"),
    };

    public static EstablishmentCostResult Of(IEnumerable<PostCostInput> posts, DateOnly on, DefaultPayPoint defaultPoint = DefaultPayPoint.Mid)
    {
        var year = FinancialYear.Containing(on);
        return Of(posts, year, PayScales.For(year), OnCosts.For(year), defaultPoint);
    }

    public static EstablishmentCostResult Of(IEnumerable<PostCostInput> posts, FinancialYear year, PayScale scale, OnCosts onCosts, DefaultPayPoint defaultPoint)
    {
        var costed = posts.Select(p =>
        {
            var defaultPay = scale.Pay(p.Band, defaultPoint);
            var pay = p.HolderPoint is { } point ? scale.Pay(p.Band, point) : defaultPay;
            return new PostCost(p.PostId, p.Band, Establishment.OccupancyOf(p.Status, p.WteInPost), p.FundedWte, p.WteInPost,
                Establishment.VacancyWte(p.Status, p.FundedWte, p.WteInPost), pay, onCosts.On(pay), defaultPay + onCosts.On(defaultPay), p.HolderPoint is not null);
        }).ToList();
        return new EstablishmentCostResult(year, scale, onCosts, defaultPoint, costed);
    }

    /// <param name="peopleIn">The distinct people holding the given posts (a person in two posts counts once).</param>
    public static IReadOnlyList<BandCost> ByBand(EstablishmentCostResult result, Func<IEnumerable<Guid>, int> peopleIn) =>
        result.Posts.GroupBy(p => p.Band).OrderBy(g => g.Key).Select(g => new BandCost(g.Key, g.Count(), peopleIn(g.Select(p => p.PostId)),
            g.Where(p => p.Occupancy != Occupancy.Frozen).Sum(p => p.FundedWte), g.Sum(p => p.FundedCost), g.Sum(p => p.InPostCost),
            g.Sum(p => p.VacancyWte), g.Sum(p => p.VacancyCost))).ToList();
}
