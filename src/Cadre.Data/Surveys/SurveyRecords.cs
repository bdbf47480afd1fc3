using Cadre.Core.Register;
using Cadre.Core.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Surveys;

// A survey and everything hung on it. Every record is organisation-owned, so the query filters confine it and the save
// interceptor audits each create, change and removal (docs/decisions/surveys.md).

/// <summary>A survey an organisation ran: its title, period and the population it went to.</summary>
public class Survey : IOrganisationOwned, IVersioned
{
    public const int TitleLength = 200;
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly OpenedOn { get; set; }
    public DateOnly ClosedOn { get; set; }
    public PopulationSource PopulationSource { get; set; }
    /// <summary>Who the survey went to, in words (e.g. "Medical Physics posts, band 7 to 9, on 1 March 2026").</summary>
    public string PopulationDescription { get; set; } = "";
    /// <summary>The register day the population was counted on (register populations only).</summary>
    public DateOnly? PopulationOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();
}

public class SurveyQuestion : IOrganisationOwned
{
    public const int HeadingLength = 200;
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid SurveyId { get; set; }
    public int Number { get; set; }
    /// <summary>The column's name in the response file.</summary>
    public string Heading { get; set; } = "";
    public string Text { get; set; } = "";
    public QuestionKind Kind { get; set; }
    /// <summary>Choices, one a line (choice questions only).</summary>
    public string Options { get; set; } = "";
    public int? ScaleFrom { get; set; }
    public int? ScaleTo { get; set; }
    public TrainingProgramme? WithdrawalFrom { get; set; }
    public string? WithdrawalAnswer { get; set; }

    public IReadOnlyList<string> OptionList => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public QuestionSpec Spec => new(Id, Heading, Text, Kind, OptionList, ScaleFrom, ScaleTo, WithdrawalFrom, WithdrawalAnswer);
}

/// <summary>How many people the survey went to in one group.</summary>
public class SurveyPopulationGroup : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid SurveyId { get; set; }
    public PopulationDimension Dimension { get; set; }
    public string Group { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>One row of an imported response file: who answered (specialism, band, region as they said).</summary>
public class SurveyResponse : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid SurveyId { get; set; }
    public string FileName { get; set; } = "";
    public int RowNumber { get; set; }
    public string? Specialism { get; set; }
    /// <summary>The band's written form ("8a"), null when not stated.</summary>
    public string? Band { get; set; }
    public string? Region { get; set; }
}

/// <summary>One answer to one question. Free text is personal data: only analysts' pages and exports show it.</summary>
public class SurveyAnswer : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid SurveyId { get; set; }
    public Guid ResponseId { get; set; }
    public Guid QuestionId { get; set; }
    public string Value { get; set; } = "";
}

/// <summary>A theme of a survey's codebook.</summary>
public class SurveyTheme : IOrganisationOwned
{
    public const int NameLength = 200;
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid SurveyId { get; set; }
    public string Name { get; set; } = "";
    public string Definition { get; set; } = "";
    public Guid? ParentId { get; set; }
}

/// <summary>One analyst's coding of one free-text answer with one theme; <see cref="Quote"/> marks it chosen as an exemplar of the theme.</summary>
public class SurveyCoding : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid SurveyId { get; set; }
    public Guid AnswerId { get; set; }
    public Guid ThemeId { get; set; }
    /// <summary>The analyst's sign-in name.</summary>
    public string Analyst { get; set; } = "";
    public DateTime CodedAt { get; set; }
    public bool Quote { get; set; }
}

internal sealed class SurveyConfiguration :
    IEntityTypeConfiguration<Survey>, IEntityTypeConfiguration<SurveyQuestion>, IEntityTypeConfiguration<SurveyPopulationGroup>,
    IEntityTypeConfiguration<SurveyResponse>, IEntityTypeConfiguration<SurveyAnswer>, IEntityTypeConfiguration<SurveyTheme>, IEntityTypeConfiguration<SurveyCoding>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("Surveys");
        b.Property(s => s.Title).HasMaxLength(Survey.TitleLength).IsRequired();
        b.Property(s => s.PopulationSource).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.PopulationDescription).HasMaxLength(500).IsRequired();
        b.Property(s => s.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.OrganisationId, s.Title });
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.ToTable("SurveyQuestions");
        b.Property(q => q.Heading).HasMaxLength(SurveyQuestion.HeadingLength).IsRequired();
        b.Property(q => q.Text).HasMaxLength(1000).IsRequired();
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Options).HasMaxLength(4000).IsRequired();
        b.Property(q => q.WithdrawalFrom).HasConversion<string>().HasMaxLength(10);
        b.Property(q => q.WithdrawalAnswer).HasMaxLength(200);
        b.Ignore(q => q.OptionList);
        b.Ignore(q => q.Spec);
        b.HasIndex(q => new { q.SurveyId, q.Number });
        b.HasOne<Survey>().WithMany().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveyPopulationGroup> b)
    {
        b.ToTable("SurveyPopulationGroups");
        b.Property(g => g.Dimension).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.Group).HasMaxLength(200).IsRequired();
        b.HasIndex(g => g.SurveyId);
        b.HasOne<Survey>().WithMany().HasForeignKey(g => g.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("SurveyResponses");
        b.Property(r => r.FileName).HasMaxLength(260).IsRequired();
        b.Property(r => r.Specialism).HasMaxLength(200);
        b.Property(r => r.Band).HasMaxLength(10);
        b.Property(r => r.Region).HasMaxLength(200);
        b.HasIndex(r => r.SurveyId);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("SurveyAnswers");
        b.Property(a => a.Value).IsRequired();
        b.HasIndex(a => new { a.SurveyId, a.QuestionId });
        b.HasIndex(a => a.ResponseId);
        b.HasOne<SurveyResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SurveyTheme> b)
    {
        b.ToTable("SurveyThemes");
        b.Property(t => t.Name).HasMaxLength(SurveyTheme.NameLength).IsRequired();
        b.Property(t => t.Definition).HasMaxLength(2000).IsRequired();
        b.HasIndex(t => new { t.SurveyId, t.Name }).IsUnique();
        b.HasIndex(t => t.ParentId);
        b.HasOne<Survey>().WithMany().HasForeignKey(t => t.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveyTheme>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SurveyCoding> b)
    {
        b.ToTable("SurveyCodings");
        b.Property(c => c.Analyst).HasMaxLength(256).IsRequired();
        b.HasIndex(c => new { c.AnswerId, c.ThemeId, c.Analyst }).IsUnique();
        b.HasIndex(c => c.SurveyId);
        b.HasIndex(c => c.ThemeId);
        b.HasOne<SurveyAnswer>().WithMany().HasForeignKey(c => c.AnswerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveyTheme>().WithMany().HasForeignKey(c => c.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}
