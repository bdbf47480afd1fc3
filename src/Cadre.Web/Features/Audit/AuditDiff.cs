using System.Text.Json;
using Cadre.Core.Register;

namespace Cadre.Web.Features.Audit;

/// <summary>One field that changed in one audit entry, for people to read: "Band: 6 → 7".</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public static class AuditDiff
{
    // Bookkeeping fields that change on every save and mean nothing to a reader.
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "Version", "Id", "OrganisationId" };

    /// <summary>The fields whose values differ between the before and after snapshots (JSON objects, either may be absent).</summary>
    public static IReadOnlyList<FieldChange> Changes(AuditEntry entry, ISet<string>? personalFields = null)
    {
        var before = Flatten(entry.Before);
        var after = Flatten(entry.After);
        var changes = new List<FieldChange>();
        foreach (var key in before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase))
        {
            if (Hidden.Contains(key)) continue;
            // On a new child record the parent's id says nothing the page does not already show.
            if (entry.Action == AuditAction.Created && key is "PersonId" or "PostId") continue;
            before.TryGetValue(key, out var b);
            after.TryGetValue(key, out var a);
            if (string.Equals(a, b, StringComparison.Ordinal)) continue;
            if (personalFields is not null && personalFields.Contains(key)) { changes.Add(new(Humanise(key), b is null ? null : "(hidden)", a is null ? null : "(hidden)")); continue; }
            changes.Add(new(Humanise(key), b, a));
        }
        return changes;
    }

    /// <summary>Replaces department ids in "Department" changes with the departments' names, where the reader can see them.</summary>
    public static async Task<IReadOnlyList<FieldChange>[]> NameDepartmentsAsync(CadreDbContext db, IReadOnlyList<IReadOnlyList<FieldChange>> changes, CancellationToken cancel)
    {
        var ids = changes.SelectMany(c => c).Where(c => c.Field == "Department")
            .SelectMany(c => new[] { c.Before, c.After }).Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var names = ids.Count == 0 ? new Dictionary<Guid, string>()
            : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(db.Departments.Where(d => ids.Contains(d.Id)), d => d.Id, d => d.Name, cancel);
        string? Name(string? v) => Guid.TryParse(v, out var g) && names.TryGetValue(g, out var n) ? n : v;
        return changes.Select(list => (IReadOnlyList<FieldChange>)list.Select(c => c.Field == "Department" ? c with { Before = Name(c.Before), After = Name(c.After) } : c).ToList()).ToArray();
    }

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(json)) return result;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.True => "Yes",
                    JsonValueKind.False => "No",
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            result["(record)"] = json;
        }
        return result;
    }

    /// <summary>"FundedWte" → "Funded WTE", "DirectHcsPercent" → "Direct HCS percent".</summary>
    public static string Humanise(string name)
    {
        var known = name switch
        {
            "FundedWte" => "Funded WTE",
            "Wte" => "WTE",
            "DirectHcsPercent" => "Direct healthcare science activity (%)",
            "ManagerRequiresHcsQualification" => "Manager role needs a healthcare science qualification",
            "ManagesDepartment" => "Manages a department",
            "DepartmentId" => "Department",
            "PostNumber" => "Post number",
            "OccupationCode" => "Occupation code",
            "AreaOfWork" => "Area of Work",
            "CostCentre" => "Cost centre",
            "EntryRequirement" => "Entry qualification",
            "ConsultantAppointment" => "Consultant appointment process",
            "Specialist" => "Needs specialist expertise",
            "TraineeProgramme" => "Trainee programme",
            _ => null,
        };
        if (known is not null) return known;
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) chars.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else chars.Append(name[i]);
        }
        return chars.ToString();
    }

    /// <summary>What happened, as the trail's "Record" column reads after the record type ("Post created", "User signed in").</summary>
    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.Created => "created",
        AuditAction.Updated => "updated",
        AuditAction.Deleted => "deleted",
        AuditAction.SignedIn => "signed in",
        AuditAction.SignInFailed => "sign-in refused",
        AuditAction.SignedOut => "signed out",
        AuditAction.TokenUsed => "used",
        AuditAction.TokenRefused => "refused",
        AuditAction.Exported => "downloaded",
        AuditAction.Viewed => "opened",
        AuditAction.SecondFactorEnrolled => "set up a second factor",
        AuditAction.SecondFactorReset => "second factor reset",
        AuditAction.SecondFactorRefused => "second-factor code refused",
        _ => throw new System.Diagnostics.UnreachableException($"No label for {action}"),
    };
}
