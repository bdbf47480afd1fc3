using Cadre.Core.JobEvaluation;

namespace Cadre.Core.Tests.JobEvaluation;

public class PanelRulesTests
{
    private static PanelMember M(string name) => new(name, PartnershipSide.Management);
    private static PanelMember S(string name, bool developing = false) => new(name, PartnershipSide.StaffSide, developing);
    private static readonly JobAdviser[] Advisers = [new("Ann", PartnershipSide.Management), new("Bob", PartnershipSide.StaffSide)];
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static IReadOnlyList<ProcessFinding> Check(PanelMember[] members, bool restAgreed = false, JobAdviser[]? advisers = null) =>
        PanelRules.CheckSession(new PanelSession(Day, members, advisers ?? Advisers, restAgreed));

    [Fact]
    public void FourTwoEachSideWithAdvisersIsGoodPractice() => Assert.Empty(Check([M("a"), M("b"), S("c"), S("d")]));

    [Fact]
    public void FourOfOneSideMostlyIsAWarningAndOneSideOnlyIsAnError()
    {
        var lopsided = Assert.Single(Check([M("a"), M("b"), M("c"), S("d")]));
        Assert.Equal((FindingSeverity.Warning, "JE-PANEL-01"), (lopsided.Severity, lopsided.Rule.Id));
        var oneSide = Assert.Single(Check([M("a"), M("b"), M("c"), M("d")]));
        Assert.Equal(FindingSeverity.Error, oneSide.Severity);
        Assert.Contains("4 management and 0 staff side", oneSide.Text);
    }

    [Fact]
    public void ThreeOnlyWhenTheRestAgree()
    {
        var refused = Check([M("a"), M("b"), S("c")]);
        Assert.Contains(refused, f => f.Rule.Id == "JE-PANEL-02" && f.Severity == FindingSeverity.Error);
        var agreed = Check([M("a"), M("b"), S("c")], restAgreed: true);
        Assert.DoesNotContain(agreed, f => f.Severity == FindingSeverity.Error);
        Assert.Contains(agreed, f => f.Rule.Id == "JE-PANEL-02" && f.Severity == FindingSeverity.Information);
    }

    [Fact]
    public void FiveIsForDevelopingPractitioners()
    {
        Assert.Contains(Check([M("a"), M("b"), S("c"), S("d"), M("e")]), f => f.Rule.Id == "JE-PANEL-03" && f.Severity == FindingSeverity.Warning);
        Assert.Empty(Check([M("a"), M("b"), S("c"), S("d"), S("e", developing: true)]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void FewerThanThreeOrMoreThanFiveIsAnError(int count)
    {
        var members = Enumerable.Range(0, count).Select(i => i % 2 == 0 ? M($"m{i}") : S($"s{i}")).ToArray();
        Assert.Contains(Check(members), f => f.Rule.Id == "JE-PANEL-01" && f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void JobAdvisersFromBothSidesShouldBeAvailable()
    {
        var f = Assert.Single(Check([M("a"), M("b"), S("c"), S("d")], advisers: [new("Ann", PartnershipSide.Management)]));
        Assert.Equal(("JE-PANEL-05", FindingSeverity.Warning), (f.Rule.Id, f.Severity));
    }

    [Fact]
    public void NoCastingVote()
    {
        Assert.Equal(FindingSeverity.Error, PanelRules.CheckDecision(false).Severity);
        Assert.Equal("JE-PANEL-04", PanelRules.CheckDecision(true).Rule.Id);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-04-30", false)]   // three months after 31 Jan is 30 Apr
    [InlineData("2026-01-31", "2026-05-01", true)]
    [InlineData("2026-03-02", "2026-06-02", false)]
    [InlineData("2026-03-02", "2026-06-03", true)]
    public void ReviewWithinThreeMonths(string notified, string received, bool late)
    {
        var findings = PanelRules.CheckReviewRequest(DateOnly.Parse(notified), DateOnly.Parse(received), true, [2, 9], "JD extract");
        var timing = findings.Single(f => f.Rule.Id == "JE-REVIEW-01");
        Assert.Equal(late ? FindingSeverity.Error : FindingSeverity.Information, timing.Severity);
    }

    [Fact]
    public void ReviewMustBeInWritingNamingDisputedFactors()
    {
        var findings = PanelRules.CheckReviewRequest(Day, Day.AddDays(10), inWriting: false, [], "");
        Assert.Equal(2, findings.Count(f => f.Rule.Id == "JE-REVIEW-02" && f.Severity == FindingSeverity.Error));
        Assert.Contains(findings, f => f.Rule.Id == "JE-REVIEW-02" && f.Severity == FindingSeverity.Warning);
        Assert.Contains(findings, f => f.Rule.Id == "JE-REVIEW-04");
        Assert.Contains(PanelRules.CheckReviewRequest(Day, Day, true, [17], "x"), f => f.Text.Contains("no factor 17"));
    }

    [Fact]
    public void ReviewPanelMajorityMustBeNew()
    {
        var original = new PanelSession(Day, [M("Ann"), M("Bea"), S("Cal"), S("Dee")], Advisers);
        var twoRepeat = new PanelSession(Day.AddMonths(2), [M("Ann"), M("Eve"), S("Cal"), S("Fay")], Advisers);
        var oneRepeat = new PanelSession(Day.AddMonths(2), [M("ann "), M("Eve"), S("Gus"), S("Fay")], Advisers);
        Assert.Equal(FindingSeverity.Error, PanelRules.CheckReviewPanel(original, twoRepeat).Severity);
        Assert.Contains("Ann, Cal", PanelRules.CheckReviewPanel(original, twoRepeat).Text);
        Assert.Equal(FindingSeverity.Information, PanelRules.CheckReviewPanel(original, oneRepeat).Severity);
    }
}

public class ConsistencyCheckerTests
{
    private static readonly JeReference Ref = JeReference.Default;
    private static readonly ProfileSuite Seed = SeedSuiteTests.ReadSeed();
    private static readonly ConsistencyChecker Checker = new(Ref.Plan, Ref.Bands);

    private static NationalProfile P(string title) => Seed.Profiles.Single(p => p.Title == title);
    private static int[] Min(NationalProfile p) => p.Factors.Select(f => f.Levels.Min).ToArray();

    [Fact]
    public void ConsistentOutcomesGiveNoFindings()
    {
        var p = P("Clinical Coding Officer");
        Assert.Empty(Checker.Check([new("J1", "Coder", Min(p), "3", p), new("J2", "Coder", Min(p), "3", p)]));
    }

    [Fact]
    public void SameProfileDifferentLevelsOnAFactorIsFlaggedOnce()
    {
        var p = P("Clinical Coding Officer");
        var other = Min(p);
        other[8] = 2;
        var findings = Checker.Check([new("J1", "Coder", Min(p), "3", p), new("J2", "Coder", other, "3", p)]);
        var f = Assert.Single(findings);
        Assert.Equal("JE-CONS-01", f.Rule.Id);
        Assert.Contains("factor 9 (Responsibilities for human resources): level 1: J1; level 2: J2", f.Text);
    }

    [Fact]
    public void SameTitleWithoutAProfileIsCompared()
    {
        var a = Enumerable.Repeat(2, 16).ToArray();
        var b = (int[])a.Clone();
        b[0] = 3;
        var f = Assert.Single(Checker.Check([new("A", "Healthcare Science Assistant", a, "3"), new("B", "healthcare science  assistant", b, "3")]));
        Assert.Contains("title 'Healthcare Science Assistant'", f.Text);
    }

    [Fact]
    public void OutcomesFarFromTheirProfileAreReferredBack()
    {
        var p = P("Clinical Coding Team Manager");
        var twoLevels = Min(p);
        twoLevels[15] = 3;     // two levels above on working conditions
        var outOfBand = Min(p);
        var near = Min(p);
        near[8] = 5;           // one level, one factor: not far
        var findings = Checker.Check([new("T1", "Lead A", twoLevels, "6", p), new("T2", "Lead B", outOfBand, "7", p), new("T3", "Lead C", near, "6", p)])
            .Where(f => f.Rule.Id == "JE-CONS-02").ToList();
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Text.StartsWith("Job T1") && f.Text.Contains("factor 16 +2"));
        Assert.Contains(findings, f => f.Text.StartsWith("Job T2") && f.Text.Contains("band differs"));
    }

    [Fact]
    public void PostBandMismatchIsFlagged()
    {
        Assert.Null(ConsistencyChecker.CheckPostBand("P1", "7", "7"));
        var f = ConsistencyChecker.CheckPostBand("P2", "6", "7");
        Assert.Equal("Post P2 is recorded at band 6 but its job evaluation gives band 7.", f!.Text);
        Assert.Equal("JE-CONS-03", f.Rule.Id);
    }
}
