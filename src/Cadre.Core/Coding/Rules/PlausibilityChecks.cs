using Cadre.Core.Register;

namespace Cadre.Core.Coding.Rules;

/// <summary>
/// Checks that do not choose the code but tell HR when a proposal needs a second look: usual bands for assistants and
/// associates (ESR-BAND-01), the practitioner ceiling (ESR-TECH-01), protected titles (ESR-TITLE-01), and the holder's
/// registrations that do not change the post's code (ESR-POST-01).
/// </summary>
internal static class PlausibilityChecks
{
    public static void Run(PostRole role, char? level, DecisionDraft draft)
    {
        BandForSupportLevels(role, level, draft);
        TechnologistCeiling(role, level, draft);
        ProtectedTitles(role, draft);
        HolderNotPost(role, level, draft);
    }

    private static void BandForSupportLevels(PostRole role, char? level, DecisionDraft draft)
    {
        if (level == '9' && role.PayBand != PayBand.Band2 && role.PayBand != PayBand.Band3)
            draft.Review(CodingRules.AssistantAssociateBands, Phrases.Of(("assistant-band", role.PayBand.Label), static f => $"Healthcare Science Assistant posts are usually on bands 2 and 3, this one is on {f.Item2}: check the entry requirement"));
        else if (level == '5' && role.PayBand != PayBand.Band4)
            draft.Review(CodingRules.AssistantAssociateBands, Phrases.Of(("associate-band", role.PayBand.Label), static f => $"Healthcare Science Associate posts are largely on band 4, this one is on {f.Item2}: check the entry requirement"));
        else if (level is '9' or '5')
            draft.Use(CodingRules.AssistantAssociateBands);
    }

    private static void TechnologistCeiling(PostRole role, char? level, DecisionDraft draft)
    {
        if (role.EntryRequirement != EntryRequirement.Practitioner || level is not ('3' or '4')) return;
        if (role.PayBand >= PayBand.Band7)
            draft.Review(CodingRules.TechnologistCeiling,
                Phrases.Of(("technologist-ceiling", role.PayBand.Label), static f => $"a practitioner-entry post on {f.Item2} can go no higher than U3* without the manager code (the inconsistency IPEM points out): confirm the entry requirement"));
    }

    private static readonly (string Phrase, string Name, string TraineePhrase)[] ProtectedTitleNames =
        [("clinical scientist", "Clinical Scientist", "trainee clinical scientist"), ("biomedical scientist", "Biomedical Scientist", "trainee biomedical scientist")];

    private static void ProtectedTitles(PostRole role, DecisionDraft draft)
    {
        var title = TitleReading.Words(role.Title);
        foreach (var (phrase, name, traineePhrase) in ProtectedTitleNames)
        {
            if (!TitleReading.Contains(title, phrase)) continue;
            // "Trainee Clinical Scientist" may be used before registration.
            if (TitleReading.Contains(title, traineePhrase) || role.TraineeProgramme is TraineeProgramme.Stp or TraineeProgramme.Bms) { draft.Use(CodingRules.ProtectedTitle); continue; }
            var registered = false;
            foreach (var r in role.Registrations) registered |= TitleReading.Contains(TitleReading.Words(r), phrase);
            if (!role.HasHolder)
                draft.Say(CodingRules.ProtectedTitle, $"the post is vacant, so the {name} registration is recorded when it is filled");
            else if (!registered)
                draft.Review(CodingRules.ProtectedTitle, Phrases.Of(("protected-title", name), static f => $"\"{f.Item2}\" is a protected title: record the holder's HCPC {f.Item2} registration in the Professional Registration field"));
            else
                draft.Use(CodingRules.ProtectedTitle);
            var requiresIt = name == "Clinical Scientist"
                ? role.EntryRequirement is EntryRequirement.ClinicalScientist or EntryRequirement.Consultant
                : role.EntryRequirement is EntryRequirement.BiomedicalScientist or EntryRequirement.Consultant;
            if (!requiresIt)
                draft.Review(CodingRules.ProtectedTitle, Phrases.Of(("protected-title-not-required", name), static f => $"the job title uses the protected title \"{f.Item2}\" but the post does not require one: correct the title or the entry requirement"));
        }
    }

    private static void HolderNotPost(PostRole role, char? level, DecisionDraft draft)
    {
        draft.Use(CodingRules.PostNotPerson);
        if (level is null || role.EntryRequirement is EntryRequirement.ClinicalScientist or EntryRequirement.Consultant) return;
        var scientistRegistration = role.Registrations.FirstOrDefault(r =>
        {
            var words = TitleReading.Words(r);
            return TitleReading.Contains(words, "clinical scientist") || TitleReading.Contains(words, "hssr");
        });
        if (scientistRegistration is not null && level is not ('6' or '7' or '8' or 'F'))
            draft.Clauses.Add($"the holder's {scientistRegistration.Trim()} registration does not change it, because the post is coded, not the person");
    }
}
