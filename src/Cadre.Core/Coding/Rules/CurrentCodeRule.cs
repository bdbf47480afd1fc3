using System.Diagnostics;
using Cadre.Core.Coding.Reference;
using Cadre.Core.Register;

namespace Cadre.Core.Coding.Rules;

/// <summary>
/// What the post's current code tells the recode: a retired T code is coded afresh (ESR-TMAT-01); S4C, S4F and other
/// S codes follow the S-matrix notes (ESR-SMAT-01/02/03); any code is judged against the manual in force (ESR-VER-01).
/// </summary>
internal static class CurrentCodeRule
{
    private static string Describe(EntryRequirement e) => e switch
    {
        EntryRequirement.Assistant => "an assistant",
        EntryRequirement.Associate => "an associate",
        EntryRequirement.Practitioner => "a practitioner",
        EntryRequirement.BiomedicalScientist => "a biomedical scientist",
        EntryRequirement.ClinicalScientist => "a clinical scientist",
        EntryRequirement.Consultant => "a consultant",
        _ => throw new UnreachableException($"No description for entry requirement {e}"),
    };

    public static void Apply(PostRole role, ref OccupationCode? proposed, WorkProfile work, ref AreaOfWork? area, CodingReference reference,
        DateOnly on, DecisionDraft draft)
    {
        if (role.CurrentCode is not { } current) return;
        var look = reference.Manual.Look(current, on);

        if (current.Matrix == 'T')
        {
            draft.Say(CodingRules.TMatrixRetired, Phrases.Of(("t-matrix", current.Value), static f => $"{f.Item2} is a retired T-matrix code, and old codes cannot simply be mapped to new ones, so the post is coded afresh"));
            return;
        }

        if (current.Matrix == 'S')
        {
            if (current.Value == "S4C")
            {
                var develops = work.Any(a => a.Name is "Rehabilitation Engineering" or "Medical Engineering Design & Manufacture");
                if (proposed?.Theme == 'J' && develops)
                {
                    area = reference.Services.FindArea("Rehabilitation Engineering") ?? area;
                    draft.Say(CodingRules.OtTechnicians, "an S4C technician who develops or modifies equipment is a Practitioner in Clinical Engineering with the Area of Work Rehabilitation Engineering");
                    // Note 8 names the code: U4J. A support-level entry requirement would say otherwise, so a person confirms.
                    if (proposed.Value.Level is '9' or '5' or '7' or '8')
                    {
                        draft.Review(CodingRules.OtTechnicians, $"S-matrix note 8 codes equipment developers U4J but the post's entry requirement is {Describe(role.EntryRequirement)}: confirm the entry requirement");
                        proposed = OccupationCode.Parse("U4J");
                    }
                }
                else if (proposed?.Value == "S4C")
                    draft.Say(CodingRules.OtTechnicians, "an occupational therapy technician who only supports existing equipment stays on S4C");
                else
                    draft.Review(CodingRules.OtTechnicians, "S4C is for occupational therapy technicians supporting existing equipment; this role's work points elsewhere: check the job description");
                return;
            }
            if (current.Value == "S4F")
            {
                draft.Say(CodingRules.S4FClosed, "S4F (Radiography (diagnostic) Technician) is closed and its staff are now Healthcare Science Practitioners in Medical Physics");
                if (proposed?.Theme != 'H')
                    draft.Review(CodingRules.S4FClosed, "staff formerly on S4F usually move to U4H (Medical Physics) but this role's work points elsewhere: check the job description");
                else if (proposed?.Value != "U4H")
                    draft.Review(CodingRules.S4FClosed, $"S-matrix note 16 moves S4F staff to U4H but the post's entry requirement points to {proposed}: confirm the entry requirement");
                return;
            }
            if (look.Standing == CodeStanding.Retired)
            {
                draft.Say(CodingRules.VersionInForce, $"{current} ({look.Title}) is retired in manual v{look.Version.Name}");
                draft.Use(CodingRules.OtherSCodes);
                return;
            }
            if (proposed is { IsHealthcareScience: true })
                draft.Review(CodingRules.OtherSCodes, $"{current}{(look.Title.Length > 0 ? $" ({look.Title})" : "")} is an S-matrix code; the S-matrix notes say such posts may now be better coded on the U matrix: confirm the move with the Healthcare Science lead");
            return;
        }

        switch (look.Standing)
        {
            case CodeStanding.Retired:
                draft.Say(CodingRules.VersionInForce, $"{current} is retired in manual v{look.Version.Name}");
                break;
            case CodeStanding.NotInThisVersion:
                draft.Say(CodingRules.VersionInForce, $"{current} is not a code in manual v{look.Version.Name}, in force on {on:yyyy-MM-dd}");
                break;
            case CodeStanding.Unknown:
                draft.Say(CodingRules.VersionInForce, $"{current} is not a code in the Occupation Code Manual");
                break;
        }
    }
}
