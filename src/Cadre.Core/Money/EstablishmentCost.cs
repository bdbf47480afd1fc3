using Cadre.Core.Register;

namespace Cadre.Core.Money;

/// <summary>What costing a post needs: its band, funding, who holds it on the day, where recorded their pay points, and the zone it is paid in.</summary>
/// <param name="Holders">The holders on the day with their WTE and, where recorded, their pay point; empty: costed at the default.</param>
/// <param name="Area">The high cost area zone of the post's organisation (PAY-HCAS-01).</param>
public sealed record PostCostInput(Guid PostId, PayBand Band, PostStatus Status, decimal FundedWte, decimal WteInPost,
    IReadOnlyList<HolderPay>? Holders = null, HighCostArea Area = HighCostArea.None);

/// <summary>One holder of a post on the day: their WTE in it and, where recorded, their pay point.</summary>
public sealed record HolderPay(decimal Wte, PayPoint? Point);

/// <summary>
/// One post's cost for a year. A whole-time equivalent in post costs <see cref="PayPerWte"/> (basic pay and any high cost
/// area supplement, averaged over the holders by WTE, each at their recorded point or the default) plus
/// <see cref="OnCostsPerWte"/>; the vacant part is costed at the default point (who fills it is not known yet). Vacancy
/// uses the one definition (Establishment.VacancyWte, INTEL-EST-03).
/// </summary>
public sealed record PostCost(Guid PostId, PayBand Band, Occupancy Occupancy, decimal FundedWte, decimal WteInPost, decimal VacancyWte,
    decimal PayPerWte, decimal OnCostsPerWte, decimal DefaultCostPerWte, bool AtHolderPoint, decimal SupplementPerWte = 0)
{
    public decimal CostPerWte => PayPerWte + OnCostsPerWte;

    /// <summary>
    /// The funded establishment's cost, for a post that is not frozen: the filled part at what its holders cost, the
    /// vacant part at the default point. With no recorded points this is funded WTE × the default cost.
    /// </summary>
    public decimal FundedCost => Occupancy == Occupancy.Frozen ? 0 : Math.Min(FundedWte, WteInPost) * CostPerWte + VacancyCost;

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

    /// <summary>The ids a reader can look up: the pay scale, the high cost area supplement where any post is paid one, and each on-cost.</summary>
    public IReadOnlyList<string> Rules => Supplements.Count > 0
        ? [EstablishmentCost.PayScaleId, HighCostAreaSupplements.Id, .. OnCosts.Ids]
        : [EstablishmentCost.PayScaleId, .. OnCosts.Ids];

    /// <summary>The supplements the costed posts are paid (one per zone present).</summary>
    public IReadOnlyList<HighCostAreaSupplement> Supplements { get; init; } = [];

    /// <summary>Which year's scale was used, in words: a later year than Cadre holds is costed at the latest scale.</summary>
    public string Basis => $"{PayScales.Citation(Scale.Year)}" + (Scale.Year.CompareTo(Year) switch
        {
            0 => "",
            < 0 => $" (the latest Cadre holds; {Year} not yet loaded)",
            _ => $" (the earliest Cadre holds, for {Year})",
        })
        + string.Concat(Supplements.Select(s => $"; {HighCostAreaSupplements.Words(s.Area).ToLowerInvariant()} high cost area supplement {s.Year} ({s.Rate:0%} of basic pay, £{s.MinimumGbp:#,0} to £{s.MaximumGbp:#,0}; {HighCostAreaSupplements.Id})"))
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
        var supplements = new Dictionary<HighCostArea, HighCostAreaSupplement?>();
        var costed = posts.Select(p =>
        {
            if (!supplements.TryGetValue(p.Area, out var supplement))
                supplements[p.Area] = supplement = HighCostAreaSupplements.For(year, p.Area);
            // Pay with the supplement: it is paid with basic pay and is pensionable, so on-costs fall on both.
            decimal Paid(decimal basic) => basic + (supplement?.On(basic) ?? 0);
            decimal Cost(decimal basic) => Paid(basic) + onCosts.On(Paid(basic));

            var defaultBasic = scale.Pay(p.Band, defaultPoint);
            var holders = (p.Holders ?? []).Where(h => h.Wte > 0).ToList();
            var heldWte = holders.Sum(h => h.Wte);
            // Holders at different points: the post's WTE in post costs their average, weighted by each one's WTE.
            decimal Average(Func<decimal, decimal> of) => heldWte == 0 ? of(defaultBasic)
                : holders.Sum(h => h.Wte * of(h.Point is { } point ? scale.Pay(p.Band, point) : defaultBasic)) / heldWte;
            var pay = Average(Paid);
            var cost = Average(Cost);
            var supplementPerWte = Average(b => supplement?.On(b) ?? 0);
            return new PostCost(p.PostId, p.Band, Establishment.OccupancyOf(p.Status, p.WteInPost), p.FundedWte, p.WteInPost,
                Establishment.VacancyWte(p.Status, p.FundedWte, p.WteInPost), pay, cost - pay, Cost(defaultBasic),
                holders.Any(h => h.Point is not null), supplementPerWte);
        }).ToList();
        return new EstablishmentCostResult(year, scale, onCosts, defaultPoint, costed)
        {
            Supplements = supplements.Values.OfType<HighCostAreaSupplement>().OrderBy(s => s.Area).ToList(),
        };
    }

    /// <param name="peopleIn">The distinct people holding the given posts (a person in two posts counts once).</param>
    public static IReadOnlyList<BandCost> ByBand(EstablishmentCostResult result, Func<IEnumerable<Guid>, int> peopleIn) =>
        result.Posts.GroupBy(p => p.Band).OrderBy(g => g.Key).Select(g => new BandCost(g.Key, g.Count(), peopleIn(g.Select(p => p.PostId)),
            g.Where(p => p.Occupancy != Occupancy.Frozen).Sum(p => p.FundedWte), g.Sum(p => p.FundedCost), g.Sum(p => p.InPostCost),
            g.Sum(p => p.VacancyWte), g.Sum(p => p.VacancyCost))).ToList();
}
