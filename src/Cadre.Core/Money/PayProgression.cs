using Cadre.Core.Register;

namespace Cadre.Core.Money;

/// <summary>Where a holder stands on their band's pay points on a day, and why (PAY-PROG-01).</summary>
public enum ProgressionStatus
{
    /// <summary>At the top of the band: no further point.</summary>
    AtTop,
    /// <summary>Eligible for the next point on a date still to come.</summary>
    NotYetDue,
    /// <summary>Eligible within the window asked about (normally the next quarter).</summary>
    DueSoon,
    /// <summary>The eligibility date has passed and they are still recorded at the same point.</summary>
    Overdue,
    /// <summary>A point is recorded but not when they reached it, so the date cannot be worked out.</summary>
    DateNotRecorded,
}

/// <param name="EligibleOn">The first day they may move to <paramref name="NextPoint"/>; null at the top or when no date is known.</param>
public sealed record ProgressionCheck(PayPoint Point, PayPoint? NextPoint, DateOnly? EligibleOn, ProgressionStatus Status, string Reason)
{
    public string RuleId => PayProgression.RuleId;
}

/// <summary>
/// Pay progression under Agenda for Change since the 2018 pay deal (PAY-PROG-01; NHS Terms and Conditions of Service
/// Handbook, Annex 23, "Pay progression"): a holder moves to the band's next point after the years the pay scale gives
/// for their point, subject to the progression review the employer holds (which replaced the KSF gateway the MSC England
/// Action Plan names). Cadre works out the date they become eligible; whether the review was met is the manager's record.
/// </summary>
public static class PayProgression
{
    public const string RuleId = "PAY-PROG-01";
    public const string Citation = "NHS Terms and Conditions of Service Handbook, Annex 23 (pay progression); NHS Employers: Agenda for Change pay scales";

    /// <param name="since">The day they reached their point; when not recorded, an entry point counts from the assignment's start.</param>
    /// <param name="window">How far ahead counts as due soon (days after <paramref name="on"/>, inclusive).</param>
    public static ProgressionCheck Check(PayScale scale, PayBand band, PayPoint point, DateOnly? since, DateOnly assignmentStart, DateOnly on, int window)
    {
        var points = scale.PointsOf(band).ToList();
        var here = points.FirstOrDefault(p => p.Point == point);
        var index = here is null ? -1 : points.IndexOf(here);
        if (here is null || index == points.Count - 1 || here.YearsToNext is null)
            return new(point, null, null, ProgressionStatus.AtTop, $"{PayPoints.Words(point)} is the top point of {band.Label}: no further progression within the band.");

        var next = points[index + 1].Point;
        // Someone at the entry point reached it when they started, unless a later date is recorded (a move into the band).
        var from = since ?? (point == PayPoint.Entry ? assignmentStart : (DateOnly?)null);
        if (from is not { } start)
            return new(point, next, null, ProgressionStatus.DateNotRecorded,
                $"At the {PayPoints.Words(point).ToLowerInvariant()} point of {band.Label} with no date recorded for reaching it: record it to see when they may progress.");

        var eligible = start.AddYears(here.YearsToNext.Value);
        var years = here.YearsToNext.Value == 1 ? "1 year" : $"{here.YearsToNext} years";
        var basis = $"{years} at the {PayPoints.Words(point).ToLowerInvariant()} point of {band.Label} from {start:d MMMM yyyy}";
        var status = eligible < on ? ProgressionStatus.Overdue
            : eligible <= on.AddDays(window) ? ProgressionStatus.DueSoon
            : ProgressionStatus.NotYetDue;
        var reason = status switch
        {
            ProgressionStatus.Overdue => $"Eligible for the {PayPoints.Words(next).ToLowerInvariant()} point since {eligible:d MMMM yyyy} ({basis}) and still recorded at {PayPoints.Words(point).ToLowerInvariant()}: hold the progression review, then record the new point.",
            ProgressionStatus.DueSoon => $"Eligible for the {PayPoints.Words(next).ToLowerInvariant()} point on {eligible:d MMMM yyyy} ({basis}): hold the progression review before then.",
            ProgressionStatus.NotYetDue => $"Eligible for the {PayPoints.Words(next).ToLowerInvariant()} point on {eligible:d MMMM yyyy} ({basis}).",
            _ => throw new System.Diagnostics.UnreachableException($"No reason for {status}"),
        };
        return new(point, next, eligible, status, reason);
    }
}
