namespace Cadre.Core.Planning;

/// <summary>One projected year of one segment, in WTE unless named otherwise.</summary>
public sealed record ProjectedYear(int Year, double Demand, double Supply, double Headcount, double Leavers, double Retirements, double TraineesCompleting, double Joiners)
{
    /// <summary>Demand less supply: positive is a shortfall.</summary>
    public double Gap => Demand - Supply;
}

/// <summary>
/// The stock-and-flow projection of one segment (anchors B: stock(t+1) = stock(t) + new qualifiers + other joiners −
/// leavers − retirements). Each year, in this order: staff who reach retirement age retire; the leaver rate applies to
/// those who remain; trainees whose programme ends this year join, less withdrawals and those not taking a post; other
/// joiners arrive. Newly qualified staff have no recorded year of birth, so they leave by the leaver rate only.
/// </summary>
public static class CohortProjection
{
    /// <param name="extraPerYear">Additional trainees commissioned on the segment's commission programme in every year of <paramref name="window"/>.</param>
    public static IReadOnlyList<ProjectedYear> Run(Scenario scenario, Segment segment, Rates rates, double extraPerYear = 0, (int First, int Last)? window = null)
    {
        var cohorts = segment.StaffInPost.Select(c => new Stock(c.YearOfBirth, c.Headcount, c.Wte)).ToList();
        var intake = segment.Intake.ToList();
        if (extraPerYear != 0 && window is { } w)
            for (var y = w.First; y <= w.Last; y++) intake.Add(new TraineeIntake(segment.CommissionProgramme, y, extraPerYear));

        var years = new List<ProjectedYear>(scenario.Years + 1)
        {
            new(scenario.StartYear, segment.EstablishmentWte, cohorts.Sum(c => c.Wte), cohorts.Sum(c => c.Headcount), 0, 0, 0, 0),
        };
        for (var year = scenario.StartYear + 1; year <= scenario.EndYear; year++)
        {
            double retired = 0, left = 0;
            foreach (var c in cohorts)
            {
                if (c.YearOfBirth is { } born && year - born >= rates.RetirementAge)
                {
                    retired += c.Wte;
                    c.Scale(0);
                    continue;
                }
                left += c.Wte * rates.LeaverRate;
                c.Scale(1 - rates.LeaverRate);
            }

            var completing = intake.Where(i => i.Year + rates.Durations[i.Programme] == year).Sum(i => i.Trainees * (1 - rates.Withdrawals[i.Programme]));
            var qualifiedJoining = completing * rates.EmployedShare;
            var joinersWte = qualifiedJoining * rates.JoinerWte + rates.OtherJoinersWte;
            if (joinersWte > 0)
                cohorts.Add(new Stock(null, qualifiedJoining + rates.OtherJoinersWte, joinersWte));

            var demand = segment.EstablishmentWte * Math.Pow(1 + rates.DemandGrowth, year - scenario.StartYear);
            years.Add(new ProjectedYear(year, demand, cohorts.Sum(c => c.Wte), cohorts.Sum(c => c.Headcount), left, retired, completing, joinersWte));
        }
        return years;
    }

    private sealed class Stock(int? yearOfBirth, double headcount, double wte)
    {
        public int? YearOfBirth { get; } = yearOfBirth;
        public double Headcount { get; private set; } = headcount;
        public double Wte { get; private set; } = wte;
        public void Scale(double f) { Headcount *= f; Wte *= f; }
    }
}
