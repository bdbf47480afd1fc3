using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cadre.Data.Register.Configuration;

/// <summary>Shared column shapes, so that a WTE or an enum is stored the same way in every table.</summary>
internal static class Columns
{
    /// <summary>
    /// WTE is exact in C# (decimal) but stored as a double: SQLite cannot sum or sort decimals, and two decimal places
    /// round-trip through a double exactly.
    /// </summary>
    public static PropertyBuilder<decimal> Wte(this PropertyBuilder<decimal> p) => p.HasConversion<double>();

    /// <summary>Enums are stored by name: readable in the database and safe when members are reordered.</summary>
    public static PropertyBuilder<T> AsName<T>(this PropertyBuilder<T> p) => p.HasConversion<string>().HasMaxLength(32);

    /// <summary>"8a" as text: text order of the band codes is also pay order (1 &lt; ... &lt; 7 &lt; 8a &lt; 8d &lt; 9).</summary>
    public static readonly ValueConverter<PayBand, string> PayBandText = new(b => b.Code, s => PayBand.Parse(s));
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.Property(o => o.OdsCode).HasMaxLength(10).IsRequired();
        b.Property(o => o.HighCostArea).AsName().HasDefaultValue(Cadre.Core.Money.HighCostArea.None);
        b.HasIndex(o => o.OdsCode).IsUnique();
        b.HasMany(o => o.Departments).WithOne(d => d.Organisation).HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.Property(d => d.Name).HasMaxLength(200).IsRequired();
        b.Property(d => d.Site).HasMaxLength(200);
        b.HasIndex(d => new { d.OrganisationId, d.Name }).IsUnique();
        b.HasOne(d => d.LeadPerson).WithMany().HasForeignKey(d => d.LeadPersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(d => d.Accreditations).WithOne(a => a.Department).HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Posts).WithOne(p => p.Department).HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccreditationConfiguration : IEntityTypeConfiguration<Accreditation>
{
    public void Configure(EntityTypeBuilder<Accreditation> b)
    {
        b.ToTable("Accreditations");
        b.Property(a => a.Scheme).HasMaxLength(100).IsRequired();
        b.Property(a => a.Standard).HasMaxLength(100).IsRequired();
        b.Property(a => a.Status).AsName();
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.ToTable("Posts");
        b.Property(p => p.PostNumber).HasMaxLength(30).IsRequired();
        b.Property(p => p.Title).HasMaxLength(200).IsRequired();
        b.Property(p => p.Band).HasConversion(Columns.PayBandText).HasMaxLength(2).IsRequired();
        b.Property(p => p.FundedWte).Wte();
        b.Property(p => p.CostCentre).HasMaxLength(30);
        b.Property(p => p.Status).AsName();
        b.Property(p => p.OccupationCode).HasMaxLength(3);
        b.Property(p => p.AreaOfWork).HasMaxLength(100);
        b.Property(p => p.EntryRequirement).AsName();
        b.Property(p => p.ConsultantAppointment).AsName();
        b.Property(p => p.TraineeProgramme).AsName();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.OrganisationId, p.PostNumber }).IsUnique();
        b.HasIndex(p => new { p.OrganisationId, p.Title });
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Activities).WithOne(a => a.Post).HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Roles).WithOne(r => r.Post).HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        // A post that someone holds cannot be deleted: end the assignment first (the history stays).
        b.HasMany(p => p.Assignments).WithOne(a => a.Post).HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostActivityConfiguration : IEntityTypeConfiguration<PostActivity>
{
    public void Configure(EntityTypeBuilder<PostActivity> b)
    {
        b.ToTable("PostActivities");
        b.Property(a => a.Service).HasMaxLength(150).IsRequired();
        b.Property(a => a.AreaOfWork).HasMaxLength(100);
    }
}

internal sealed class PostRoleConfiguration : IEntityTypeConfiguration<PostRole>
{
    public void Configure(EntityTypeBuilder<PostRole> b)
    {
        b.ToTable("PostRoles");
        b.Property(r => r.Title).HasMaxLength(200).IsRequired();
        b.Property(r => r.JobDescriptionReference).HasMaxLength(50);
        b.Property(r => r.Wte).Wte();
        b.Property(r => r.OccupationCode).HasMaxLength(3);
        b.Property(r => r.AreaOfWork).HasMaxLength(100);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(p => p.StaffNumber).HasMaxLength(30).IsRequired();
        b.Property(p => p.GivenName).HasMaxLength(100).IsRequired();
        b.Property(p => p.FamilyName).HasMaxLength(100).IsRequired();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.DisplayName);
        b.HasIndex(p => new { p.OrganisationId, p.StaffNumber }).IsUnique();
        b.HasIndex(p => new { p.OrganisationId, p.FamilyName });
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Assignments).WithOne(a => a.Person).HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Registrations).WithOne(r => r.Person).HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Certificates).WithOne(c => c.Person).HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.TrainingEnrolments).WithOne(t => t.Person).HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("Assignments");
        b.Property(a => a.Wte).Wte();
        b.Property(a => a.PayPoint).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<ProfessionalRegistration>
{
    public void Configure(EntityTypeBuilder<ProfessionalRegistration> b)
    {
        b.ToTable("ProfessionalRegistrations");
        b.Property(r => r.Type).AsName();
        b.Property(r => r.Number).HasMaxLength(30).IsRequired();
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.Property(c => c.Type).AsName();
        b.Property(c => c.Number).HasMaxLength(50);
        b.Property(c => c.Scope).HasMaxLength(100);
    }
}

internal sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> b)
    {
        b.ToTable("TrainingEnrolments");
        b.Property(t => t.Programme).AsName();
        b.Property(t => t.Specialism).HasMaxLength(100).IsRequired();
        b.Property(t => t.Mode).AsName();
        b.Property(t => t.Status).AsName();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // No foreign keys: the trail must outlive the records it describes.
        b.ToTable("AuditEntries");
        b.Property(a => a.Who).HasMaxLength(256).IsRequired();
        b.Property(a => a.WhoUserId).HasMaxLength(450);
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityId).HasMaxLength(100).IsRequired();
        b.Property(a => a.Action).AsName();
        b.Property(a => a.Address).HasMaxLength(AuditLimits.Address);
        b.Property(a => a.UserAgent).HasMaxLength(AuditLimits.UserAgent);
        // Defaults only for rows that existed before the chain (migration AuditChain numbers them); new rows always get both.
        b.Property(a => a.Sequence).HasDefaultValue(0L);
        b.Property(a => a.Hash).HasMaxLength(64).IsRequired().HasDefaultValue("");
        b.HasIndex(a => a.Sequence).IsUnique();
        b.HasIndex(a => new { a.OrganisationId, a.EntityType, a.EntityId });
        b.HasIndex(a => new { a.OrganisationId, a.When });
    }
}
