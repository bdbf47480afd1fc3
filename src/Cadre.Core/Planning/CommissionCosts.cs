using System.Globalization;
using Cadre.Core.Money;
using Cadre.Core.Register;

namespace Cadre.Core.Planning;

/// <summary>Who pays a part of a commission's cost (MSC England Action Plan ch.5 para 26: MPET, the HEFCE block grant, employers).</summary>
public enum Payer
{
    /// <summary>Central education funding (MPET then, NHS England's education budget now).</summary>
    Central,
    Employer,
    /// <summary>The trainee (an undergraduate's tuition fee, through student finance).</summary>
    Trainee,
}

/// <summary>What a programme's trainee-year is made of.</summary>
public enum CostItem
{
    /// <summary>Salary and on-costs at the trainee's band; <see cref="CommissionCostAssumption.Value"/> is the share funded centrally.</summary>
    Salary,
    Tuition,
    Placement,
    /// <summary>The trainee's contribution to service, a share of salary and on-costs, which reduces the employer's cost.</summary>
    Service,
}

/// <summary>One dated, cited commission cost assumption (<c>PLAN-COST-…</c>) from reference/planning/commission-costs.tsv.</summary>
public sealed record CommissionCostAssumption(string Id, string Programme, CostItem Item, string Name, string Unit, decimal Value, PayBand? Band,
    Payer Payer, string Status, string Source, string Caveat)
{
    public bool LocalInputNeeded => Status == "local input needed";
}

/// <summary>One payer's part of a trainee-year, with the assumptions it rests on.</summary>
public sealed record PayerShare(Payer Payer, decimal Gbp, IReadOnlyList<string> Ids);

/// <summary>One commissioned year's cost: which plan year, how many trainees, the programme and each payer's part.</summary>
public sealed record CommissionYear(int Year, string Programme, double Trainees, IReadOnlyList<PayerShare> Shares)
{
    public decimal Total => Shares.Sum(s => s.Gbp);
    public decimal By(Payer payer) => Shares.Where(s => s.Payer == payer).Sum(s => s.Gbp);
}

/// <summary>
/// What one trainee on a programme costs: a trainee-year by payer and, where the programme has a set length, the whole
/// programme (what the careers pages show as a route's cost to the employer).
/// </summary>
public sealed record ProgrammeCost(string Programme, IReadOnlyList<PayerShare> PerYear, int? Years, bool LocalInputNeeded)
{
    public decimal PerYearBy(Payer payer) => PerYear.Where(s => s.Payer == payer).Sum(s => s.Gbp);

    /// <summary>The whole programme's cost to a payer; null when the programme has no set length (the sources set none).</summary>
    public decimal? OverProgrammeBy(Payer payer) => Years is { } y ? y * PerYearBy(payer) : null;

    public IReadOnlyList<string> Ids => PerYear.SelectMany(s => s.Ids).Distinct().ToList();
}

/// <summary>
/// The cost of training commissions (issue 11): each programme's cost a trainee-year split by payer, and a plan's
/// intakes costed over their years of training. Salary uses one pay scale throughout (no pay award: see
/// docs/decisions/money.md); withdrawal is not taken off (the commissioned places are costed).
/// </summary>
public static class CommissionCosts
{
    private static readonly Lazy<IReadOnlyList<CommissionCostAssumption>> Loaded = new(() => Parse(ReferenceFiles.ReadAllText("planning/commission-costs.tsv")));

    public static IReadOnlyList<CommissionCostAssumption> Defaults => Loaded.Value;

    /// <summary>The programmes costed: PTP, STP, HSST, HSSE and associate.</summary>
    public static IReadOnlyList<string> Programmes => Defaults.Select(a => a.Programme).Distinct().ToList();

    /// <summary>One trainee-year of a programme, split by payer.</summary>
    public static IReadOnlyList<PayerShare> PerTraineeYear(string programme, PayScale scale, OnCosts onCosts, IReadOnlyList<CommissionCostAssumption>? assumptions = null)
    {
        var rows = (assumptions ?? Defaults).Where(a => string.Equals(a.Programme, programme, StringComparison.OrdinalIgnoreCase)).ToList();
        if (rows.Count == 0) throw new ArgumentException($"No commission costs for programme '{programme}'.", nameof(programme));
        var shares = new Dictionary<Payer, (decimal Gbp, List<string> Ids)>();
        void Add(Payer payer, decimal gbp, params string[] ids)
        {
            var s = shares.TryGetValue(payer, out var e) ? e : (0m, new List<string>());
            s.Item2.AddRange(ids.Where(id => !s.Item2.Contains(id)));
            shares[payer] = (s.Item1 + gbp, s.Item2);
        }
        var salary = rows.FirstOrDefault(r => r.Item == CostItem.Salary);
        var salaryCost = 0m;
        if (salary is { Band: { } band })
        {
            var pay = scale.Pay(band, PayPoint.Entry);
            salaryCost = pay + onCosts.On(pay);
            string[] ids = [salary.Id, EstablishmentCost.PayScaleId, .. OnCosts.Ids];
            Add(Payer.Central, salaryCost * salary.Value, ids);
            Add(Payer.Employer, salaryCost * (1 - salary.Value), ids);
        }
        foreach (var r in rows)
            switch (r.Item)
            {
                case CostItem.Salary: break;
                case CostItem.Tuition or CostItem.Placement: Add(r.Payer, r.Value, r.Id); break;
                case CostItem.Service: Add(r.Payer, -salaryCost * r.Value, r.Id); break;
                default: throw new System.Diagnostics.UnreachableException($"No costing for {r.Item}");
            }
        return shares.OrderBy(s => s.Key).Select(s => new PayerShare(s.Key, s.Value.Gbp, s.Value.Ids)).ToList();
    }

    /// <summary>One trainee on a programme: the same trainee-year a plan's commissions use, times the programme's length.</summary>
    public static ProgrammeCost OfProgramme(string programme, int? years, PayScale scale, OnCosts onCosts, IReadOnlyList<CommissionCostAssumption>? assumptions = null) =>
        new(programme, PerTraineeYear(programme, scale, onCosts, assumptions), years,
            (assumptions ?? Defaults).Any(a => string.Equals(a.Programme, programme, StringComparison.OrdinalIgnoreCase) && a.LocalInputNeeded));

    /// <summary>
    /// A plan's commissions year by year: each intake's trainees cost a trainee-year in each of its years of training,
    /// from the intake year for <paramref name="duration"/> years.
    /// </summary>
    public static IReadOnlyList<CommissionYear> ForPlan(IEnumerable<TraineeIntake> intakes, Func<TrainingProgramme, int> duration, PayScale scale, OnCosts onCosts,
        IReadOnlyList<CommissionCostAssumption>? assumptions = null) =>
        intakes.SelectMany(i =>
        {
            var code = i.Programme.Code();
            var perYear = PerTraineeYear(code, scale, onCosts, assumptions);
            var trainees = (decimal)i.Trainees;
            return Enumerable.Range(i.Year, Math.Max(1, duration(i.Programme))).Select(y =>
                new CommissionYear(y, code, i.Trainees, perYear.Select(s => s with { Gbp = s.Gbp * trainees }).ToList()));
        }).GroupBy(c => (c.Year, c.Programme)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Programme)
        .Select(g => new CommissionYear(g.Key.Year, g.Key.Programme, g.Sum(c => c.Trainees),
            g.SelectMany(c => c.Shares).GroupBy(s => s.Payer).OrderBy(p => p.Key)
                .Select(p => new PayerShare(p.Key, p.Sum(s => s.Gbp), p.SelectMany(s => s.Ids).Distinct().ToList())).ToList())).ToList();

    /// <summary>A plan's commissions in total, by payer.</summary>
    public static IReadOnlyDictionary<Payer, decimal> TotalByPayer(IEnumerable<CommissionYear> years) =>
        years.SelectMany(y => y.Shares).GroupBy(s => s.Payer).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Gbp));

    public static IReadOnlyList<CommissionCostAssumption> Parse(string tsv) =>
        tsv.Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c =>
            new CommissionCostAssumption(c[0], c[1], Enum.Parse<CostItem>(c[2], ignoreCase: true), c[3], c[4],
                decimal.Parse(c[5], NumberStyles.Number, CultureInfo.InvariantCulture), c[6].Length == 0 ? null : PayBand.Parse(c[6]),
                Enum.Parse<Payer>(c[7], ignoreCase: true), c[8], c[9], c[10])).ToList();
}
