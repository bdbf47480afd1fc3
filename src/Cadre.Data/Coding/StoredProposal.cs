using Cadre.Core.Coding;
using Cadre.Core.Register;
using Cadre.Data.Register.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Coding;

/// <summary>
/// The coding engine's proposal for one post, as the review page and the reports count and filter it, kept so that a
/// page view asks the database rather than running the engine over every post (issue 12; docs/decisions/coding-stored-proposals.md).
/// It is derived data, not a register record: not audited (the post's own changes are), removed with its post, and
/// removed again whenever an input of the engine changes (<see cref="CodingInputChanges"/>). What a page shows for a
/// post is still the engine's live answer; this row only decides which posts are counted, matched and on which page.
/// </summary>
public sealed class StoredProposal
{
    public Guid PostId { get; set; }
    /// <summary>The post's organisation and department, for the same scope as the post itself.</summary>
    public Guid OrganisationId { get; set; }
    public Guid DepartmentId { get; set; }
    /// <summary>The post's overall status (<see cref="PostProposal.Status"/>).</summary>
    public CodingStatus Status { get; set; }
    /// <summary>The post's part of the miscoded share, INTEL-COD-01 (<see cref="PostProposal.Share"/>).</summary>
    public int Roles { get; set; }
    public int Proposed { get; set; }
    public int Miscoded { get; set; }
    /// <summary>Roles needing a person's review.</summary>
    public int Reviews { get; set; }
    /// <summary>Every role's recorded and proposed code, upper case, each between bars ("|U2H|U1A|"): the code filter's prefix match.</summary>
    public string Codes { get; set; } = "|";
    /// <summary>The causes of the miscoded roles, one per role and cause ("other" when the engine names none), in order.</summary>
    public string Causes { get; set; } = "";
    /// <summary>The build of the rules and the manual version in force it was decided with (<see cref="StoredProposals.Stamp"/>).</summary>
    public string Stamp { get; set; } = "";
    /// <summary>The day it was decided for.</summary>
    public DateOnly DecidedOn { get; set; }
    /// <summary>The first day on which a holder starts or leaves, changing the engine's input; null when none is dated.</summary>
    public DateOnly? ValidUntil { get; set; }
}

/// <summary>
/// One counter per organisation, moved on by every change to an input of the engine in the same transaction. A page that
/// decided posts keeps its answers only if the counter has not moved since it began reading, so an answer read from the
/// register just before a change is never stored after it (docs/decisions/coding-stored-proposals.md).
/// </summary>
public sealed class CodingInputCounter
{
    public Guid OrganisationId { get; set; }
    public long Changes { get; set; }
}

internal sealed class StoredProposalConfiguration : IEntityTypeConfiguration<StoredProposal>
{
    public void Configure(EntityTypeBuilder<StoredProposal> b)
    {
        b.ToTable("StoredProposals");
        b.HasKey(s => s.PostId);
        b.Property(s => s.Status).AsName();
        b.Property(s => s.Codes).HasMaxLength(StoredProposals.MaxCodes).IsRequired();
        b.Property(s => s.Causes).HasMaxLength(StoredProposals.MaxCauses).IsRequired();
        b.Property(s => s.Stamp).HasMaxLength(64).IsRequired();
        b.HasOne<Post>().WithOne().HasForeignKey<StoredProposal>(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.OrganisationId, s.DepartmentId, s.Status });
    }
}

internal sealed class CodingInputCounterConfiguration : IEntityTypeConfiguration<CodingInputCounter>
{
    public void Configure(EntityTypeBuilder<CodingInputCounter> b)
    {
        b.ToTable("CodingInputCounters");
        b.HasKey(c => c.OrganisationId);
        b.HasOne<Organisation>().WithOne().HasForeignKey<CodingInputCounter>(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
