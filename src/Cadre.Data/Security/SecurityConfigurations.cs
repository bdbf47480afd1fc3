using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Security;

internal sealed class CadreUserConfiguration : IEntityTypeConfiguration<CadreUser>
{
    public void Configure(EntityTypeBuilder<CadreUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        // Added to a table that already had users (migration MustChangePassword): existing users keep their passwords.
        b.Property(u => u.MustChangePassword).HasDefaultValue(false);
    }
}

internal sealed class UserOrganisationConfiguration : IEntityTypeConfiguration<UserOrganisation>
{
    public void Configure(EntityTypeBuilder<UserOrganisation> b)
    {
        b.ToTable("UserOrganisations");
        b.HasKey(m => new { m.UserId, m.OrganisationId });
        b.HasOne(m => m.User).WithMany(u => u.Organisations).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserDepartmentScopeConfiguration : IEntityTypeConfiguration<UserDepartmentScope>
{
    public void Configure(EntityTypeBuilder<UserDepartmentScope> b)
    {
        b.ToTable("UserDepartmentScopes");
        b.HasKey(m => new { m.UserId, m.DepartmentId });
        b.HasOne(m => m.User).WithMany(u => u.Departments).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Department).WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
