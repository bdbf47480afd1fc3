using Cadre.Core.JobEvaluation;
using Cadre.Core.Register;

namespace Cadre.Core.Intelligence;

/// <summary>
/// A snapshot indexed for the reports, and the facts every report works out the same way: what a post has in post,
/// whether it is filled, its vacancy, its main theme, who holds it, what they are registered and certified for.
/// </summary>
public sealed class Workforce
{
    private readonly Dictionary<Guid, List<HolderRow>> _holders;
    private readonly Dictionary<Guid, DepartmentRow> _departments;
    private readonly ILookup<Guid, RegistrationRow> _registrations;
    private readonly ILookup<Guid, CertificateRow> _certificates;
    private readonly ILookup<Guid, EnrolmentRow> _enrolments;
    private readonly Dictionary<Guid, PersonRow> _people;
    private readonly Dictionary<Guid, CodingRow> _coding;
    private readonly Dictionary<Guid, JeBand> _jeBands;

    public Workforce(WorkforceSnapshot snapshot)
    {
        Snapshot = snapshot;
        _holders = snapshot.Holders.GroupBy(h => h.PostId).ToDictionary(g => g.Key, g => g.ToList());
        _departments = snapshot.Departments.ToDictionary(d => d.Id);
        _registrations = snapshot.Registrations.ToLookup(r => r.PersonId);
        _certificates = snapshot.Certificates.ToLookup(c => c.PersonId);
        _enrolments = snapshot.Enrolments.ToLookup(e => e.PersonId);
        _people = snapshot.People.ToDictionary(p => p.Id);
        _coding = snapshot.Coding.ToDictionary(c => c.PostId);
        _jeBands = snapshot.JobEvaluations.ToDictionary(j => j.PostId, j => j.Band);
    }

    public WorkforceSnapshot Snapshot { get; }
    public DateOnly On => Snapshot.On;

    public IReadOnlyList<HolderRow> HoldersOf(Guid postId) => _holders.TryGetValue(postId, out var h) ? h : [];
    public decimal InPostWte(PostRow post) => HoldersOf(post.Id).Sum(h => h.Wte);
    public static bool IsFunded(PostRow post) => Establishment.IsFunded(post.Status);
    public bool IsFilled(PostRow post) => Establishment.IsHeld(InPostWte(post));
    /// <summary>Funded WTE not covered by holders; frozen posts carry no vacancy.</summary>
    public decimal VacancyWte(PostRow post) => Establishment.VacancyWte(post.Status, post.FundedWte, InPostWte(post));
    /// <summary>Seed 004: a Consultant Clinical Scientist sits at band 8c, 8d or 9.</summary>
    public static bool IsConsultant(PostRow post) => post.Band >= PayBand.Band8c;

    public DepartmentRow? Department(Guid id) => _departments.GetValueOrDefault(id);
    public PersonRow? Person(Guid id) => _people.GetValueOrDefault(id);
    public IEnumerable<RegistrationRow> RegistrationsOf(Guid personId) => _registrations[personId];
    public IEnumerable<CertificateRow> CertificatesOf(Guid personId) => _certificates[personId];
    public IEnumerable<EnrolmentRow> EnrolmentsOf(Guid personId) => _enrolments[personId];
    public CodingRow? CodingOf(Guid postId) => _coding.GetValueOrDefault(postId);
    public JeBand? JeBandOf(Guid postId) => _jeBands.GetValueOrDefault(postId);

    /// <summary>Distinct people holding any of the posts on the day.</summary>
    public IReadOnlyList<Guid> PeopleIn(IEnumerable<PostRow> posts) => posts.SelectMany(p => HoldersOf(p.Id)).Select(h => h.PersonId).Distinct().ToList();

    /// <summary>
    /// The theme a post counts to when it must count to one (headcount cannot be split): the theme with the largest share
    /// of its time, the department's theme on a tie or when no split is recorded; null when neither is known.
    /// </summary>
    public char? MainTheme(PostRow post)
    {
        var home = Department(post.DepartmentId)?.Theme;
        if (post.Split.Count == 0) return home;
        var top = post.Split.Max(s => s.Percent);
        var leaders = post.Split.Where(s => s.Percent == top).Select(s => s.Theme).ToList();
        return home is { } h && leaders.Contains(h) ? h : leaders.Min();
    }

    /// <summary>The post's funded WTE shared across themes by its split of time (all to the department's theme without one).</summary>
    public IEnumerable<(char? Theme, decimal Wte)> FundedByTheme(PostRow post)
    {
        var total = post.Split.Sum(s => s.Percent);
        if (total <= 0) return [(Department(post.DepartmentId)?.Theme, post.FundedWte)];
        return post.Split.Select(s => ((char?)s.Theme, post.FundedWte * s.Percent / total));
    }

    /// <summary>In training on the day: an enrolment that is active or interrupted.</summary>
    public static bool InTraining(EnrolmentRow e) => DueSoon.IsInTraining(e.Status);

    public bool IsCurrent(DateOnly? expires) => expires is null || expires >= On;

    /// <summary>Age on the day from the year of birth (within a year: only the year is held).</summary>
    public int? AgeOf(Guid personId) => Person(personId)?.YearOfBirth is { } year ? On.Year - year : null;
}
