using Cadre.Core.Register;

namespace Cadre.Core.Intelligence;

/// <summary>
/// INTEL-LEAD-01: whether each Medical Physics (H) or Clinical Engineering (J) service is led by a Consultant Clinical
/// Scientist, as the IPEM policy statement on leadership and management of MP &amp; CE services recommends (section 6.3:
/// "directly led by Consultant Clinical Scientists … or have access to such expertise and leadership"). A Consultant
/// Clinical Scientist is band 8c, 8d or 9 (seed 004) and on the Higher Specialist Scientific Register or able to show
/// equivalence (policy statement, section 5). See docs/decisions/intelligence-leadership.md.
/// </summary>
public static class Leadership
{
    public enum Finding
    {
        /// <summary>The recorded lead holds a band 8c+ post on the day and a current HSSR registration.</summary>
        LedByConsultant,
        /// <summary>The lead is at consultant band but not on the HSSR: equivalence is for the service to show.</summary>
        ConsultantBandNotOnHssr,
        /// <summary>The lead holds no post at band 8c or above on the day.</summary>
        LeadBelowConsultant,
        /// <summary>The lead recorded holds no post the reader can see on the day.</summary>
        LeadNotInPost,
        NoLeadRecorded,
    }

    public sealed record Service(DepartmentRow Department, Finding Finding)
    {
        /// <summary>Meets section 6.3 on what the register holds: only a lead who is a Consultant Clinical Scientist.</summary>
        public bool Meets => Finding == Finding.LedByConsultant;
    }

    public static bool IsPhysicsOrEngineering(DepartmentRow d) => d.Theme is 'H' or 'J';

    public static IReadOnlyList<Service> Check(Workforce w, IEnumerable<DepartmentRow> departments) =>
        departments.Where(IsPhysicsOrEngineering).OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Select(d => new Service(d, FindingFor(w, d))).ToList();

    private static Finding FindingFor(Workforce w, DepartmentRow d)
    {
        if (d.LeadPersonId is not { } lead) return Finding.NoLeadRecorded;
        var posts = w.Snapshot.Holders.Where(h => h.PersonId == lead && h.Wte > 0).Select(h => w.Snapshot.Posts.FirstOrDefault(p => p.Id == h.PostId)).OfType<PostRow>().ToList();
        if (posts.Count == 0) return Finding.LeadNotInPost;
        if (!posts.Any(Workforce.IsConsultant)) return Finding.LeadBelowConsultant;
        return w.RegistrationsOf(lead).Any(r => r.Type == RegistrationType.Hssr && w.IsCurrent(r.ExpiresOn)) ? Finding.LedByConsultant : Finding.ConsultantBandNotOnHssr;
    }

    /// <summary>What the report says of a service, in a head of department's words.</summary>
    public static string Words(Finding f) => f switch
    {
        Finding.LedByConsultant => "Led by a Consultant Clinical Scientist",
        Finding.ConsultantBandNotOnHssr => "Lead at consultant band but not on the HSSR: record the equivalence",
        Finding.LeadBelowConsultant => "Lead below band 8c: record the access to consultant leadership (e.g. from another organisation)",
        Finding.LeadNotInPost => "The recorded lead holds no post here on the day: update the lead or record the access to consultant leadership",
        Finding.NoLeadRecorded => "No lead recorded for the service",
        _ => throw new System.Diagnostics.UnreachableException($"No words for {f}"),
    };
}
