using System.Diagnostics;
using Cadre.Core.Coding.Reference;
using Cadre.Core.Register;

namespace Cadre.Core.Coding.Rules;

/// <summary>The level (second character), or a whole code off the U matrix (G for non-scientist managers).</summary>
internal sealed record LevelChoice(char? Level, OccupationCode? OtherMatrixCode);

/// <summary>
/// Chooses the level from what the post requires (ESR-POST-01), in the order the guidance implies: trainee posts
/// take their programme's trainee level (ESR-TRAIN-01/02); a department manager is U0* only with little or no direct
/// science, G if no HCS qualification is needed (ESR-MGR-01/02/03); a consultant title needs band 8c+ and a rigorous
/// appointment (ESR-CONS-01); otherwise the entry requirement decides (ESR-LEVEL-01).
/// </summary>
internal static class LevelRule
{
    public static LevelChoice Choose(PostRole role, char? theme, DecisionDraft draft)
    {
        if (role.TraineeProgramme is not (TraineeProgramme.None or TraineeProgramme.Hsst))
            return new LevelChoice(TraineeLevel(role, draft), null);
        if (role.TraineeProgramme == TraineeProgramme.Hsst)
            draft.Say(CodingRules.HsstSubstantive, "HSST trainees are already registered scientists, so the post is coded at its substantive level");

        if (role.ManagesDepartment)
        {
            if (!role.RequiresHcsQualification)
            {
                var g = OccupationCode.Parse(role.PayBand >= PayBand.Band8c ? "G0C" : "G1C");
                draft.Say(CodingRules.ManagerNoQualification,
                    "the manager does not need a healthcare science qualification, so the post belongs on the G matrix (managers in scientific, therapeutic and technical support)");
                if (role.DirectHcsPercent > 10)
                    draft.Review(CodingRules.ManagerNoQualification,
                        $"the post needs no healthcare science qualification yet {WorkProfile.Pct(role.DirectHcsPercent)} of the time is direct healthcare science: check the job description");
                return new LevelChoice(null, g);
            }
            if (role.DirectHcsPercent <= 10)
            {
                draft.Say(CodingRules.ManagerLittleScience,
                    $"the post manages the department, needs a healthcare science qualification and spends {WorkProfile.Pct(role.DirectHcsPercent)} of the time on direct healthcare science (10% or less), so it is a Healthcare Scientist Manager");
                return new LevelChoice('0', null);
            }
            draft.Say(CodingRules.ManagerWithScience,
                $"the manager spends {WorkProfile.Pct(role.DirectHcsPercent)} of the time on direct healthcare science (more than 10%), so the post is coded for its science role, not as a manager");
        }

        if (IsConsultantPost(role)) return new LevelChoice(ConsultantLevel(role, theme, draft), null);
        return new LevelChoice(EntryLevel(role, draft), null);
    }

    private static char TraineeLevel(PostRole role, DecisionDraft draft)
    {
        var (level, what) = role.TraineeProgramme switch
        {
            TraineeProgramme.Stp => ('6', "an STP (Scientist Training Programme) post, so Trainee Clinical Scientist"),
            TraineeProgramme.Ptp => ('7', "a PTP (Practitioner Training Programme) post, so Trainee Healthcare Science Practitioner"),
            TraineeProgramme.Associate => ('8', "an associate training post, so Trainee Healthcare Science Associate"),
            TraineeProgramme.Bms => ('F', "a trainee biomedical scientist post, so Trainee Biomedical Scientist"),
            // None and HSST are decided before a trainee level is asked for (see the caller).
            _ => throw new UnreachableException($"No trainee level for programme {role.TraineeProgramme}"),
        };
        draft.Say(CodingRules.Trainee, "it is " + what);
        if (role.ManagesDepartment)
            draft.Review(CodingRules.Trainee, "a trainee post is marked as managing a department: check the job description");
        return level;
    }

    private static bool IsConsultantPost(PostRole role) =>
        role.EntryRequirement == EntryRequirement.Consultant || TitleSaysConsultant(role.Title);

    public static bool TitleSaysConsultant(string title) => TitleReading.Contains(TitleReading.Words(title), "consultant");

    private static char ConsultantLevel(PostRole role, char? theme, DecisionDraft draft)
    {
        var missing = new List<string>();
        if (!TitleSaysConsultant(role.Title)) missing.Add("the job title does not say Consultant");
        if (role.PayBand < PayBand.Band8c) missing.Add($"the post is on {role.PayBand.Label}, below band 8c");
        if (role.ConsultantAppointment == ConsultantAppointment.None) missing.Add("there was no consultant appointment panel or equivalent peer-reviewed process");

        var (consultant, fallback, kind) = role.EntryRequirement switch
        {
            EntryRequirement.BiomedicalScientist => ('C', 'D', "Consultant Biomedical Scientist"),
            EntryRequirement.Practitioner => ('B', '3', "Consultant Healthcare Science Practitioner"),
            EntryRequirement.Assistant or EntryRequirement.Associate => ('\0', EntryLevelChar(role), ""),
            EntryRequirement.ClinicalScientist or EntryRequirement.Consultant => ('A', '1', "Consultant Clinical Scientist"),
            _ => throw new UnreachableException($"No consultant level for entry requirement {role.EntryRequirement}"),
        };
        if (consultant == '\0')
        {
            draft.Review(CodingRules.Consultant, "the title says Consultant but the post's entry requirement is an assistant or associate: check the job description");
            return fallback;
        }
        if (missing.Count == 0)
        {
            var how = role.ConsultantAppointment == ConsultantAppointment.Panel ? "a consultant appointment panel" : "an equivalent peer-reviewed process";
            draft.Say(CodingRules.Consultant, $"it is a Consultant post on {role.PayBand.Label} appointed through {how}, so {kind}");
            return consultant;
        }
        draft.Say(CodingRules.EntryLevel, $"it cannot be coded {kind} because {string.Join(" and ", missing)}");
        draft.Review(CodingRules.Consultant, $"consultant criteria not all met ({string.Join("; ", missing)}): confirm the title, band and appointment");
        _ = theme;
        return fallback;
    }

    private static char EntryLevelChar(PostRole role) => role.EntryRequirement switch
    {
        EntryRequirement.Assistant => '9',
        EntryRequirement.Associate => '5',
        EntryRequirement.Practitioner => role.Specialist ? '3' : '4',
        EntryRequirement.BiomedicalScientist => role.Specialist ? 'D' : 'E',
        EntryRequirement.ClinicalScientist or EntryRequirement.Consultant => role.Specialist ? '1' : '2',
        _ => throw new UnreachableException($"No entry level for entry requirement {role.EntryRequirement}"),
    };

    private static char EntryLevel(PostRole role, DecisionDraft draft)
    {
        var level = EntryLevelChar(role);
        var clause = role.EntryRequirement switch
        {
            EntryRequirement.Assistant => "the post requires an assistant",
            EntryRequirement.Associate => "the post requires an associate",
            EntryRequirement.Practitioner => role.Specialist ? "the post requires a practitioner with specialist expertise" : "the post requires a healthcare science practitioner",
            EntryRequirement.BiomedicalScientist => role.Specialist ? "the post requires a biomedical scientist with specialist expertise" : "the post requires a biomedical scientist",
            EntryRequirement.ClinicalScientist or EntryRequirement.Consultant => role.Specialist ? "the post requires a clinical scientist with specialist expertise" : "the post requires a clinical scientist",
            _ => throw new UnreachableException($"No clause for entry requirement {role.EntryRequirement}"),
        };
        draft.Say(CodingRules.EntryLevel, clause);
        return level;
    }

    public static string LevelName(char level, ManualVersion version) =>
        version.UMatrix.FirstOrDefault(e => e.Code.Level == level)?.LevelName ?? level.ToString();
}
