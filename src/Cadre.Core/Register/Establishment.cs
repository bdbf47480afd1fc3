using System.Linq.Expressions;

namespace Cadre.Core.Register;

/// <summary>Where a post stands on a day, from who holds it: the one reading every page, list, download and report uses.</summary>
public enum Occupancy
{
    /// <summary>Funded (not frozen) and somebody holds it (more than 0 WTE).</summary>
    Filled,
    /// <summary>Funded (not frozen) and nobody holds it, whatever status was typed.</summary>
    Vacant,
    /// <summary>Typed Frozen: no budget to recruit to, so neither filled nor vacant in the figures.</summary>
    Frozen,
}

/// <summary>
/// The establishment's figures defined once (INTEL-EST-01, -03, -05, -06; docs/workforce-intelligence.md): a post is funded
/// when it is not frozen, filled when somebody holds it on the day, vacant when funded and nobody does. The typed status
/// "Vacant" is something a person wrote; the holders decide. When they disagree (typed vacant, yet held) the post is
/// flagged for a person to correct, never shown as vacant (docs/decisions/one-definition-per-figure.md).
/// </summary>
public static class Establishment
{
    public static bool IsFunded(PostStatus typed) => typed != PostStatus.Frozen;

    /// <summary>Somebody holds the post: the WTE of its current assignments is above zero.</summary>
    public static bool IsHeld(decimal wteInPost) => wteInPost > 0;

    public static Occupancy OccupancyOf(PostStatus typed, decimal wteInPost) =>
        !IsFunded(typed) ? Occupancy.Frozen : IsHeld(wteInPost) ? Occupancy.Filled : Occupancy.Vacant;

    /// <summary>INTEL-EST-03: funded WTE not covered by holders, never below zero; frozen posts carry none.</summary>
    public static decimal VacancyWte(PostStatus typed, decimal fundedWte, decimal wteInPost) =>
        IsFunded(typed) ? Math.Max(0, fundedWte - wteInPost) : 0;

    /// <summary>The typed status says vacant but somebody holds the post: shown as filled, flagged to correct.</summary>
    public static bool TypedStatusDisagrees(PostStatus typed, decimal wteInPost) => typed == PostStatus.Vacant && IsHeld(wteInPost);

    /// <summary>An assignment current on the day (the predicate every "in post" figure uses, in the database or in memory).</summary>
    public static Expression<Func<Assignment, bool>> CurrentOn(DateOnly day) =>
        a => a.StartDate <= day && (a.EndDate == null || a.EndDate >= day);

    /// <summary>Posts somebody holds on the day (for a database query; the same reading as <see cref="IsHeld"/>).</summary>
    public static Expression<Func<Post, bool>> HeldOn(DateOnly day) =>
        p => p.Assignments.Any(a => a.StartDate <= day && (a.EndDate == null || a.EndDate >= day) && a.Wte > 0);

    /// <summary>Posts in the given occupancy on the day, for a database query.</summary>
    public static Expression<Func<Post, bool>> InOccupancy(Occupancy occupancy, DateOnly day) => occupancy switch
    {
        Occupancy.Frozen => p => p.Status == PostStatus.Frozen,
        Occupancy.Filled => p => p.Status != PostStatus.Frozen
            && p.Assignments.Any(a => a.StartDate <= day && (a.EndDate == null || a.EndDate >= day) && a.Wte > 0),
        Occupancy.Vacant => p => p.Status != PostStatus.Frozen
            && !p.Assignments.Any(a => a.StartDate <= day && (a.EndDate == null || a.EndDate >= day) && a.Wte > 0),
        _ => throw new System.Diagnostics.UnreachableException($"No query for {occupancy}"),
    };

    /// <summary>Posts typed vacant that somebody holds on the day, for a database query.</summary>
    public static Expression<Func<Post, bool>> TypedStatusDisagreesOn(DateOnly day) =>
        p => p.Status == PostStatus.Vacant && p.Assignments.Any(a => a.StartDate <= day && (a.EndDate == null || a.EndDate >= day) && a.Wte > 0);
}

/// <summary>
/// What falls due soon, defined once for the dashboard, its lists and the reports (INTEL-REG-01, INTEL-TRN-01). Both count
/// people in post on the day: the register's figures are about the workforce holding posts.
/// </summary>
public static class DueSoon
{
    /// <summary>Registrations are due when they must be renewed within this many days (a head of service's ask).</summary>
    public const int RegistrationWindowDays = 90;

    /// <summary>
    /// Trainees are finishing when their expected end falls within this many months: replacing a trainee or appointing
    /// them to a qualified post takes a recruitment round, so the service needs to know about two terms ahead.
    /// </summary>
    public const int TrainingWindowMonths = 6;

    /// <summary>The last day a registration may expire and still be counted as due on <paramref name="on"/>.</summary>
    public static DateOnly RegistrationsDueUntil(DateOnly on) => on.AddDays(RegistrationWindowDays);

    /// <summary>The last expected end date counted as finishing on <paramref name="on"/>.</summary>
    public static DateOnly TraineesFinishingBy(DateOnly on) => on.AddMonths(TrainingWindowMonths);

    /// <summary>INTEL-REG-01: expires from the day to <see cref="RegistrationWindowDays"/> days later (a lapsed one is not "to renew").</summary>
    public static bool IsRegistrationDue(DateOnly? expiresOn, DateOnly on) =>
        expiresOn is { } e && e >= on && e <= RegistrationsDueUntil(on);

    /// <summary>In national training on the day: an enrolment that is active or interrupted (INTEL-TRN-01).</summary>
    public static bool IsInTraining(TrainingStatus status) => status is TrainingStatus.Active or TrainingStatus.Interrupted;

    /// <summary>
    /// Still in training and expected to finish by <see cref="TrainingWindowMonths"/> months from the day, including one
    /// past its expected end and not yet recorded as completed: that trainee needs a decision soonest.
    /// </summary>
    public static bool IsFinishingSoon(TrainingStatus status, DateOnly expectedEnd, DateOnly on) =>
        IsInTraining(status) && expectedEnd <= TraineesFinishingBy(on);
}
