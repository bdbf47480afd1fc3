using System.Text.Json;
using Cadre.Core.Register;
using Cadre.Data.JobEvaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cadre.Data.Auditing;

/// <summary>
/// The national job evaluation library belongs to no organisation, yet a suite import changes the profiles every
/// organisation matches against; so each import is written into every organisation's trail (the trail is per
/// organisation), saying who imported which suite from which file and how many profiles it superseded
/// (docs/decisions/je-library-access.md).
/// </summary>
internal static class NationalLibraryAudit
{
    public static IEnumerable<AuditEntry> Entries(CadreDbContext db, List<EntityEntry> entries, DateTime now)
    {
        var suites = entries.Where(e => e.State == EntityState.Added && e.Entity is JeSuite).Select(e => (JeSuite)e.Entity).ToList();
        if (suites.Count == 0) return [];
        var superseded = entries.Count(e => e.State == EntityState.Modified && e.Entity is JeProfile p && p.Status == Core.JobEvaluation.ProfileStatus.Superseded);
        var organisations = db.Organisations.IgnoreQueryFilters().Select(o => o.Id).ToList();
        return suites.SelectMany(suite => organisations.Select(organisation => new AuditEntry
        {
            OrganisationId = organisation,
            When = now,
            Who = db.Actor.Name,
            WhoUserId = db.Actor.UserId,
            EntityType = "NationalProfileSuite",
            EntityId = suite.Id.ToString(),
            Action = AuditAction.Created,
            After = JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["Suite"] = suite.Name, ["Version"] = suite.Version, ["Source"] = suite.Source, ["ImportedBy"] = suite.ImportedBy,
                ["Profiles"] = suite.Profiles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Superseded"] = superseded.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
        })).ToList();
    }
}
