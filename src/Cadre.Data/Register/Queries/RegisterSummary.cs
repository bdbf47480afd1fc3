using Cadre.Core.Intelligence;
using Cadre.Core.Money;
using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Register.Queries;

/// <summary>Posts of one pay band: filled, vacant and frozen counts, and the WTE funded.</summary>
public sealed record BandSlice(PayBand Band, int Filled, int Vacant, int Frozen, decimal FundedWte);

/// <summary>Funded WTE in one science theme, shared out by each post's split of time ('\0' when no theme is known).</summary>
public sealed record ThemeSlice(char Theme, decimal FundedWte);

/// <summary>One department's posts, funded WTE, WTE in post and vacant posts.</summary>
public sealed record DepartmentSlice(Guid Id, string Name, char? Theme, int Posts, decimal FundedWte, decimal InPostWte, int Vacant);

/// <summary>
/// The organisation at a glance, for what the current user can see: the one place these figures are computed (the
/// dashboard and anything else showing them read this). "Filled" means somebody holds the post on the day; "vacant" means
/// it is funded (not frozen) and nobody does, whatever status was typed; frozen posts are counted apart because they
/// carry no budget to recruit to.
/// </summary>
public sealed record RegisterSummary(
    int Posts, int FundedPosts, int FilledPosts, int VacantPosts, int FrozenPosts,
    decimal FundedWte, decimal InPostWte, decimal VacantWte, int Headcount, int InTraining,
    int RegistrationsDue, int TraineesFinishing,
    IReadOnlyList<BandSlice> ByBand, IReadOnlyList<ThemeSlice> ByTheme, IReadOnlyList<DepartmentSlice> ByDepartment)
{
    /// <param name="db">A context with the user's scope: the summary covers only what they may see.</param>
    /// <param name="on">The day the figures describe (who is in post then).</param>
    /// <summary>
    /// INTEL-COST-01: the year's cost of the establishment, by the same computation as the head of service report
    /// (WorkforceCost's default point), so the dashboard and the report agree.
    /// </summary>
    public EstablishmentCostResult Cost { get; init; } = default!;

    public static async Task<RegisterSummary> ComputeAsync(CadreDbContext db, DateOnly on, CancellationToken cancellationToken = default)
    {
        // A few narrow queries, then sliced here: one round trip each instead of one per chart.
        var posts = await db.Posts.AsNoTracking()
            .Select(p => new { p.Id, p.OrganisationId, p.DepartmentId, p.Band, p.FundedWte, p.Status }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name, d.ScienceTheme }).ToListAsync(cancellationToken);
        var activities = await db.PostActivities.AsNoTracking().Select(a => new { a.PostId, a.ScienceTheme, a.Percent }).ToListAsync(cancellationToken);
        var assignments = await db.Assignments.AsNoTracking().Where(Establishment.CurrentOn(on))
            .Select(a => new { a.PostId, a.PersonId, a.Wte, a.PayPoint }).ToListAsync(cancellationToken);
        var areas = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.HighCostArea, cancellationToken);
        var current = Current(db, on);
        var inTraining = await db.TrainingEnrolments.AsNoTracking().Where(t => current.Any(a => a.PersonId == t.PersonId))
            .Where(t => t.Status == TrainingStatus.Active || t.Status == TrainingStatus.Interrupted).Select(t => t.PersonId).Distinct().CountAsync(cancellationToken);
        var registrationsDue = await RegistrationsDueQuery(db, on).CountAsync(cancellationToken);
        var traineesFinishing = await TraineesFinishingQuery(db, on).CountAsync(cancellationToken);

        var filledByPost = assignments.GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.Sum(a => a.Wte));
        var holdersByPost = assignments.ToLookup(a => a.PostId);
        var departmentTheme = departments.ToDictionary(d => d.Id, d => d.ScienceTheme ?? '\0');
        var activitiesByPost = activities.GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.ToList());
        Occupancy Of(PostStatus status, Guid id) => Establishment.OccupancyOf(status, filledByPost.GetValueOrDefault(id));
        var funded = posts.Where(p => Establishment.IsFunded(p.Status)).ToList();

        // A post's funded WTE is shared across themes by its split of time (a 50:50 post adds half to each); a post with
        // no split counts wholly to its department's theme.
        var themeWte = new Dictionary<char, decimal>();
        foreach (var p in funded)
        {
            if (activitiesByPost.TryGetValue(p.Id, out var split) && split.Sum(a => a.Percent) is > 0 and var total)
                foreach (var a in split) themeWte[a.ScienceTheme] = themeWte.GetValueOrDefault(a.ScienceTheme) + p.FundedWte * a.Percent / total;
            else
            {
                var theme = departmentTheme.GetValueOrDefault(p.DepartmentId);
                themeWte[theme] = themeWte.GetValueOrDefault(theme) + p.FundedWte;
            }
        }

        return new RegisterSummary(
            Posts: posts.Count,
            FundedPosts: funded.Count,
            FilledPosts: posts.Count(p => Of(p.Status, p.Id) == Occupancy.Filled),
            VacantPosts: posts.Count(p => Of(p.Status, p.Id) == Occupancy.Vacant),
            FrozenPosts: posts.Count - funded.Count,
            FundedWte: funded.Sum(p => p.FundedWte),
            InPostWte: assignments.Sum(a => a.Wte),
            VacantWte: funded.Sum(p => Establishment.VacancyWte(p.Status, p.FundedWte, filledByPost.GetValueOrDefault(p.Id))),
            Headcount: assignments.Select(a => a.PersonId).Distinct().Count(),
            InTraining: inTraining,
            RegistrationsDue: registrationsDue,
            TraineesFinishing: traineesFinishing,
            ByBand: posts.GroupBy(p => p.Band).OrderBy(g => g.Key)
                .Select(g => new BandSlice(g.Key, g.Count(p => Of(p.Status, p.Id) == Occupancy.Filled),
                    g.Count(p => Of(p.Status, p.Id) == Occupancy.Vacant), g.Count(p => Of(p.Status, p.Id) == Occupancy.Frozen),
                    g.Where(p => Establishment.IsFunded(p.Status)).Sum(p => p.FundedWte))).ToList(),
            ByTheme: themeWte.Where(t => t.Value > 0).OrderByDescending(t => t.Value)
                .Select(t => new ThemeSlice(t.Key, Math.Round(t.Value, 2))).ToList(),
            ByDepartment: departments.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Select(d =>
            {
                var mine = posts.Where(p => p.DepartmentId == d.Id).ToList();
                return new DepartmentSlice(d.Id, d.Name, d.ScienceTheme, mine.Count,
                    mine.Where(p => Establishment.IsFunded(p.Status)).Sum(p => p.FundedWte),
                    mine.Sum(p => filledByPost.GetValueOrDefault(p.Id)),
                    mine.Count(p => Of(p.Status, p.Id) == Occupancy.Vacant));
            }).ToList())
        {
            Cost = EstablishmentCost.Of(posts.Select(p => new PostCostInput(p.Id, p.Band, p.Status, p.FundedWte, filledByPost.GetValueOrDefault(p.Id),
                holdersByPost[p.Id].Select(a => new HolderPay(a.Wte, a.PayPoint)).ToList(), areas.GetValueOrDefault(p.OrganisationId))), on, WorkforceCost.Default),
        };
    }

    /// <summary>Registrations of people in post to renew from <paramref name="on"/> to <see cref="DueSoon.RegistrationWindowDays"/> days later (INTEL-REG-01).</summary>
    public static IQueryable<ProfessionalRegistration> RegistrationsDueQuery(CadreDbContext db, DateOnly on)
    {
        // The same bounds as DueSoon.IsRegistrationDue, which the reports use in memory.
        var until = DueSoon.RegistrationsDueUntil(on);
        var current = Current(db, on);
        return db.Registrations.AsNoTracking().Where(r => current.Any(a => a.PersonId == r.PersonId)).Where(r => r.ExpiresOn != null && r.ExpiresOn >= on && r.ExpiresOn <= until);
    }

    /// <summary>Enrolments of people in post still in training and expected to finish within <see cref="DueSoon.TrainingWindowMonths"/> months (INTEL-TRN-01).</summary>
    public static IQueryable<TrainingEnrolment> TraineesFinishingQuery(CadreDbContext db, DateOnly on)
    {
        // The same reading as DueSoon.IsFinishingSoon, which the reports use in memory.
        var by = DueSoon.TraineesFinishingBy(on);
        var current = Current(db, on);
        return db.TrainingEnrolments.AsNoTracking().Where(t => current.Any(a => a.PersonId == t.PersonId))
            .Where(t => (t.Status == TrainingStatus.Active || t.Status == TrainingStatus.Interrupted) && t.ExpectedEndDate <= by);
    }

    /// <summary>Assignments current on the day: the figures count people through the posts they hold.</summary>
    private static IQueryable<Assignment> Current(CadreDbContext db, DateOnly on) => db.Assignments.Where(Establishment.CurrentOn(on));
}
