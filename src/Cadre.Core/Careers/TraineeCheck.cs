using Cadre.Core.Register;

namespace Cadre.Core.Careers;

/// <summary>One finding about a trainee and their post: the rule, whether it holds, and a sentence a head of department would accept.</summary>
public sealed record TraineeFinding(string RuleId, bool Consistent, string Reason);

/// <summary>A trainee's programme against the post they hold.</summary>
public sealed record TraineePost(TrainingProgramme Programme, EntryRequirement PostEntryRequirement, PayBand PostBand, IReadOnlyCollection<Credential> Held, bool InService = false);

/// <summary>The answer to "is this trainee's programme consistent with the post?".</summary>
public sealed record TraineeCheckResult(bool Consistent, IReadOnlyList<TraineeFinding> Findings)
{
    public IEnumerable<string> RuleIds => Findings.Select(f => f.RuleId);
}

/// <summary>Checks a trainee's programme against their post by the CAREER-TRAIN rules.</summary>
public static class TraineeCheck
{
    /// <summary>
    /// Checks a register enrolment against the post the trainee holds, on a date. In-service means the trainee was in
    /// the post (or another substantive post) before the programme; the register does not say, so the caller does.
    /// </summary>
    public static TraineeCheckResult Check(Post post, Person person, TrainingEnrolment enrolment, DateOnly on, bool inService = false) =>
        Check(new TraineePost(enrolment.Programme, post.EntryRequirement, post.Band, PersonCareer.From(person, on).Held, inService));

    public static TraineeCheckResult Check(TraineePost t)
    {
        var findings = new List<TraineeFinding>();
        var scientist = t.Held.Contains(Credential.HcpcClinicalScientist) || t.Held.Contains(Credential.HcpcBiomedicalScientist);
        switch (t.Programme)
        {
            case TrainingProgramme.Ptp:
                findings.Add(Entry(CareerRules.PtpPost, t, EntryRequirement.Practitioner));
                break;
            case TrainingProgramme.Stp:
                findings.Add(Entry(CareerRules.StpPost, t, EntryRequirement.ClinicalScientist));
                if (!t.InService)
                    findings.Add(t.PostBand == PayBand.Band6
                        ? new(CareerRules.StpPost.Id, true, "A direct-entry STP trainee on band 6, as the national programme sets.")
                        : new(CareerRules.StpPost.Id, false, $"A direct-entry STP trainee is on a fixed-term band 6 post, not band {t.PostBand}; if the trainee is in-service, record that."));
                break;
            case TrainingProgramme.Hsst:
                findings.Add(scientist
                    ? new(CareerRules.HsstRegistered.Id, true, "The trainee is a registered scientist, as HSST requires.")
                    : new(CareerRules.HsstRegistered.Id, false, "HSST requires HCPC registration as a clinical (or biomedical) scientist; none is recorded."));
                findings.Add(t.PostBand >= PayBand.Band7
                    ? new(CareerRules.HsstBand.Id, true, $"Band {t.PostBand} meets the band 7 or above that HSST trainees are employed at.")
                    : new(CareerRules.HsstBand.Id, false, $"HSST trainees are employed at band 7 or above; this post is band {t.PostBand}."));
                var postOk = t.PostEntryRequirement is EntryRequirement.ClinicalScientist or EntryRequirement.BiomedicalScientist or EntryRequirement.Consultant;
                findings.Add(new(CareerRules.HsstPost.Id, postOk, postOk
                    ? $"A {Credentials.Describe(t.PostEntryRequirement)} post is a scientist post from which HSST is taken."
                    : $"A {Credentials.Describe(t.PostEntryRequirement)} post is not a scientist post; HSST is taken from a clinical or biomedical scientist post."));
                break;
            case TrainingProgramme.Hsse:
                findings.Add(scientist
                    ? new(CareerRules.HsseNotTraining.Id, true, "HSSE is an equivalence portfolio, not a trainee post; the person is a registered scientist, as it needs.")
                    : new(CareerRules.HsseNotTraining.Id, false, "HSSE is for registered scientists showing they meet the HSSR standards; no HCPC scientist registration is recorded."));
                break;
        }
        return new TraineeCheckResult(findings.All(f => f.Consistent), findings);
    }

    private static TraineeFinding Entry(CareerRule rule, TraineePost t, EntryRequirement expected) =>
        t.PostEntryRequirement == expected
            ? new(rule.Id, true, $"A {Name(t.Programme)} trainee in a {Credentials.Describe(expected)} post: the programme leads to the post's entry requirement.")
            : new(rule.Id, false, $"A {Name(t.Programme)} trainee trains for a {Credentials.Describe(expected)} role, but the post's entry requirement is {Credentials.Describe(t.PostEntryRequirement)}.");

    public static string Name(TrainingProgramme p) => p.ToString().ToUpperInvariant();
}
