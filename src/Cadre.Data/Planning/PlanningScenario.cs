using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Planning;

/// <summary>
/// A workforce planning scenario saved by an organisation: the scenario JSON (docs/decisions/planning-scenario-json.md)
/// and what it was built from. Scoped to a department when made for one (a service lead sees only those), otherwise to the
/// whole organisation or one science theme. Audited like every change; <see cref="Version"/> refuses a stale edit.
/// </summary>
public class PlanningScenario : IOrganisationOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The department the baseline was read from; null for the whole organisation or a theme.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>The science theme the baseline was read from (departments of that theme); null otherwise.</summary>
    public char? ScienceTheme { get; set; }
    /// <summary>The scope in words, as it read when the baseline was taken (e.g. "Radiotherapy Physics").</summary>
    public string ScopeLabel { get; set; } = "";
    /// <summary>The register date the baseline was read on.</summary>
    public DateOnly BaselineOn { get; set; }
    public string ScenarioJson { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class PlanningScenarioConfiguration : IEntityTypeConfiguration<PlanningScenario>
{
    public void Configure(EntityTypeBuilder<PlanningScenario> b)
    {
        b.ToTable("PlanningScenarios");
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.ScopeLabel).HasMaxLength(200).IsRequired();
        b.Property(s => s.ScenarioJson).IsRequired();
        b.Property(s => s.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.OrganisationId, s.Name });
        b.HasIndex(s => s.DepartmentId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
