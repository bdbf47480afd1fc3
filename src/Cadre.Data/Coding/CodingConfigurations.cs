using Cadre.Core.Register;
using Cadre.Data.Register.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Coding;

internal sealed class CodingDecisionRecordConfiguration : IEntityTypeConfiguration<CodingDecisionRecord>
{
    public void Configure(EntityTypeBuilder<CodingDecisionRecord> b)
    {
        b.ToTable("CodingDecisions");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Role).HasMaxLength(200).IsRequired();
        b.Property(d => d.Wte).Wte();
        b.Property(d => d.Action).AsName();
        b.Property(d => d.PreviousCode).HasMaxLength(8);
        b.Property(d => d.PreviousAreaOfWork).HasMaxLength(200);
        b.Property(d => d.ProposedCode).HasMaxLength(8);
        b.Property(d => d.ProposedAreaOfWork).HasMaxLength(200);
        b.Property(d => d.ProposalStatus).HasMaxLength(16).IsRequired();
        b.Property(d => d.Rules).HasMaxLength(400).IsRequired();
        b.Property(d => d.Reason).HasMaxLength(2000).IsRequired();
        b.Property(d => d.ChosenCode).HasMaxLength(8);
        b.Property(d => d.ChosenAreaOfWork).HasMaxLength(200);
        b.Property(d => d.OverrideReason).HasMaxLength(2000);
        b.Property(d => d.ManualVersion).HasMaxLength(16).IsRequired();
        b.Property(d => d.Who).HasMaxLength(256).IsRequired();
        b.Property(d => d.WhoUserId).HasMaxLength(450);
        b.HasOne(d => d.Post).WithMany().HasForeignKey(d => d.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.PostId, d.When });
    }
}

internal sealed class CodingRunConfiguration : IEntityTypeConfiguration<CodingRun>
{
    public void Configure(EntityTypeBuilder<CodingRun> b)
    {
        b.ToTable("CodingRuns");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.FileName).HasMaxLength(260).IsRequired();
        b.Property(r => r.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.UploadedByUserId).HasMaxLength(450);
        b.Property(r => r.Status).AsName();
        b.Property(r => r.Message).HasMaxLength(2000);
        b.Property(r => r.AppliedBy).HasMaxLength(256);
        // Added to a table that already had rows (migration CodingRunHeartbeat): existing runs start from zero.
        b.Property(r => r.Total).HasDefaultValue(0);
        b.Property(r => r.Done).HasDefaultValue(0);
        b.Property(r => r.Attempts).HasDefaultValue(0);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganisationId, r.UploadedAt });
    }
}

internal sealed class CodingRunFileConfiguration : IEntityTypeConfiguration<CodingRunFile>
{
    public void Configure(EntityTypeBuilder<CodingRunFile> b)
    {
        b.ToTable("CodingRunFiles");
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Name).HasMaxLength(32).IsRequired();
        b.Property(f => f.Content).IsRequired();
        b.HasOne(f => f.CodingRun).WithMany().HasForeignKey(f => f.CodingRunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.CodingRunId, f.Name }).IsUnique();
    }
}
