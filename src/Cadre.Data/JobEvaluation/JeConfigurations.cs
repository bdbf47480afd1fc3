using Cadre.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.JobEvaluation;

// Keys are made in C# (Guid v7) and never by EF, as for the register; enums are stored by name.

internal sealed class JeSuiteConfiguration : IEntityTypeConfiguration<JeSuite>
{
    public void Configure(EntityTypeBuilder<JeSuite> b)
    {
        b.ToTable("JeSuites");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.Version).HasMaxLength(100).IsRequired();
        b.Property(s => s.ImportedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.Source).HasMaxLength(300).IsRequired();
        b.Property(s => s.Notes).IsRequired();
        b.HasMany(s => s.Profiles).WithOne(p => p.Suite).HasForeignKey(p => p.SuiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JeProfileConfiguration : IEntityTypeConfiguration<JeProfile>
{
    public void Configure(EntityTypeBuilder<JeProfile> b)
    {
        b.ToTable("JeProfiles");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.SuiteName).HasMaxLength(200).IsRequired();
        b.Property(p => p.Title).HasMaxLength(300).IsRequired();
        b.Property(p => p.Key).HasMaxLength(510).IsRequired();
        b.Property(p => p.Version).HasMaxLength(100).IsRequired();
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.StatusNote).HasMaxLength(500);
        b.Property(p => p.JobStatement).IsRequired();
        b.Property(p => p.ComputedMinBand).HasMaxLength(8);
        b.Property(p => p.ComputedMaxBand).HasMaxLength(8);
        b.Property(p => p.PrintedScore).HasMaxLength(50);
        b.Property(p => p.PrintedBand).HasMaxLength(50);
        b.Property(p => p.BandLow).HasMaxLength(8);
        b.Property(p => p.Warnings).IsRequired();
        b.Ignore(p => p.WarningList);
        b.HasIndex(p => new { p.Key, p.Revision }).IsUnique();
        b.HasIndex(p => new { p.Status, p.BandLow });
        b.HasMany(p => p.Factors).WithOne().HasForeignKey(f => f.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JeProfileFactorConfiguration : IEntityTypeConfiguration<JeProfileFactor>
{
    public void Configure(EntityTypeBuilder<JeProfileFactor> b)
    {
        b.ToTable("JeProfileFactors");
        b.HasKey(f => new { f.ProfileId, f.Factor });
        b.Property(f => f.Levels).HasMaxLength(100).IsRequired();
        b.Property(f => f.Descriptor).IsRequired();
        b.Property(f => f.PrintedPoints).HasMaxLength(50);
    }
}

internal sealed class JeOutcomeConfiguration : IEntityTypeConfiguration<JeOutcome>
{
    public void Configure(EntityTypeBuilder<JeOutcome> b)
    {
        b.ToTable("JeOutcomes");
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.JobTitle).HasMaxLength(200).IsRequired();
        b.Property(o => o.Process).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.Result).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.ProfileTitle).HasMaxLength(300);
        b.Property(o => o.PolicyId).HasMaxLength(100);
        b.Property(o => o.Levels).HasMaxLength(200).IsRequired();
        b.Property(o => o.Band).HasMaxLength(8);
        b.Property(o => o.Reasons).IsRequired();
        b.Property(o => o.NotifiedHow).HasMaxLength(200);
        b.Property(o => o.RecordedBy).HasMaxLength(256).IsRequired();
        b.Ignore(o => o.LevelNumbers);
        b.HasIndex(o => new { o.OrganisationId, o.PostId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Post).WithMany().HasForeignKey(o => o.PostId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(o => o.Profile).WithMany().HasForeignKey(o => o.ProfileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JeOutcome>().WithMany().HasForeignKey(o => o.ReviewOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Factors).WithOne().HasForeignKey(f => f.OutcomeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OutcomeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Documents).WithOne().HasForeignKey(d => d.OutcomeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JePanelSession>().WithMany().HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JePanelSessionConfiguration : IEntityTypeConfiguration<JePanelSession>
{
    public void Configure(EntityTypeBuilder<JePanelSession> b)
    {
        b.ToTable("JePanelSessions");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Findings).IsRequired();
        b.Property(s => s.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(s => new { s.OrganisationId, s.Date });
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Members).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JeSessionMemberConfiguration : IEntityTypeConfiguration<JeSessionMember>
{
    public void Configure(EntityTypeBuilder<JeSessionMember> b)
    {
        b.ToTable("JeSessionMembers");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(200).IsRequired();
        b.Property(m => m.Side).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(m => m.SessionId);
    }
}

internal sealed class JeOutcomeFactorConfiguration : IEntityTypeConfiguration<JeOutcomeFactor>
{
    public void Configure(EntityTypeBuilder<JeOutcomeFactor> b)
    {
        b.ToTable("JeOutcomeFactors");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.SubLetters).HasMaxLength(10).IsRequired();
        b.Property(f => f.Rationale).IsRequired();
        b.HasIndex(f => new { f.OutcomeId, f.Factor }).IsUnique();
    }
}

internal sealed class JePanelMemberConfiguration : IEntityTypeConfiguration<JePanelMember>
{
    public void Configure(EntityTypeBuilder<JePanelMember> b)
    {
        b.ToTable("JePanelMembers");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(200).IsRequired();
        b.Property(m => m.Side).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(m => m.OutcomeId);
    }
}

internal sealed class JeJobDocumentConfiguration : IEntityTypeConfiguration<JeJobDocument>
{
    public void Configure(EntityTypeBuilder<JeJobDocument> b)
    {
        b.ToTable("JeJobDocuments");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Kind).HasMaxLength(100).IsRequired();
        b.Property(d => d.Version).HasMaxLength(100).IsRequired();
        b.HasIndex(d => d.OutcomeId);
    }
}

internal sealed class JeReviewRequestConfiguration : IEntityTypeConfiguration<JeReviewRequest>
{
    public void Configure(EntityTypeBuilder<JeReviewRequest> b)
    {
        b.ToTable("JeReviewRequests");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.DisputedFactors).HasMaxLength(100).IsRequired();
        b.Property(r => r.Evidence).IsRequired();
        b.HasIndex(r => r.OutcomeId);
        b.HasOne(r => r.Outcome).WithMany().HasForeignKey(r => r.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JeOutcome>().WithMany().HasForeignKey(r => r.ReviewOutcomeId).OnDelete(DeleteBehavior.Restrict);
    }
}
