using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Job evaluation: the national profile library (suites, profile versions, factor rows) and each organisation's
    /// outcomes (panel members, job information, factor levels and rationale) and review requests. Hand-written like
    /// <see cref="Initial"/>; the schema test compares it with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261122010000_JobEvaluation")]
    public partial class JobEvaluation : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JeSuites",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Version = table.Column<string>(maxLength: 100, nullable: false),
                    ImportedAt = table.Column<DateTime>(nullable: false),
                    ImportedBy = table.Column<string>(maxLength: 256, nullable: false),
                    Source = table.Column<string>(maxLength: 300, nullable: false),
                    Notes = table.Column<string>(nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_JeSuites", x => x.Id));

            migrationBuilder.CreateTable(
                name: "JeProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SuiteId = table.Column<Guid>(nullable: false),
                    SuiteName = table.Column<string>(maxLength: 200, nullable: false),
                    Title = table.Column<string>(maxLength: 300, nullable: false),
                    Key = table.Column<string>(maxLength: 510, nullable: false),
                    Version = table.Column<string>(maxLength: 100, nullable: false),
                    Revision = table.Column<int>(nullable: false),
                    Status = table.Column<string>(maxLength: 32, nullable: false),
                    StatusNote = table.Column<string>(maxLength: 500, nullable: true),
                    JobStatement = table.Column<string>(nullable: false),
                    ComputedMin = table.Column<int>(nullable: true),
                    ComputedMax = table.Column<int>(nullable: true),
                    ComputedMinBand = table.Column<string>(maxLength: 8, nullable: true),
                    ComputedMaxBand = table.Column<string>(maxLength: 8, nullable: true),
                    PrintedScore = table.Column<string>(maxLength: 50, nullable: true),
                    PrintedBand = table.Column<string>(maxLength: 50, nullable: true),
                    BandLow = table.Column<string>(maxLength: 8, nullable: true),
                    Warnings = table.Column<string>(nullable: false),
                    Position = table.Column<int>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JeProfiles", x => x.Id);
                    table.ForeignKey("FK_JeProfiles_JeSuites_SuiteId", x => x.SuiteId, "JeSuites", "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JeProfileFactors",
                columns: table => new
                {
                    ProfileId = table.Column<Guid>(nullable: false),
                    Factor = table.Column<int>(nullable: false),
                    Levels = table.Column<string>(maxLength: 100, nullable: false),
                    Descriptor = table.Column<string>(nullable: false),
                    PrintedPoints = table.Column<string>(maxLength: 50, nullable: true),
                    MinPoints = table.Column<int>(nullable: false),
                    MaxPoints = table.Column<int>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JeProfileFactors", x => new { x.ProfileId, x.Factor });
                    table.ForeignKey("FK_JeProfileFactors_JeProfiles_ProfileId", x => x.ProfileId, "JeProfiles", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JeOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    PostId = table.Column<Guid>(nullable: true),
                    JobTitle = table.Column<string>(maxLength: 200, nullable: false),
                    Process = table.Column<string>(maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(nullable: false),
                    RestAgreedToSitAsThree = table.Column<bool>(nullable: false),
                    ReachedByConsensus = table.Column<bool>(nullable: false),
                    ProfileId = table.Column<Guid>(nullable: true),
                    ProfileTitle = table.Column<string>(maxLength: 300, nullable: true),
                    PolicyId = table.Column<string>(maxLength: 100, nullable: true),
                    Levels = table.Column<string>(maxLength: 200, nullable: false),
                    Total = table.Column<int>(nullable: false),
                    Band = table.Column<string>(maxLength: 8, nullable: true),
                    Result = table.Column<string>(maxLength: 32, nullable: false),
                    Reasons = table.Column<string>(nullable: false),
                    ReviewOfId = table.Column<Guid>(nullable: true),
                    NotifiedOn = table.Column<DateOnly>(nullable: true),
                    NotifiedHow = table.Column<string>(maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(nullable: false),
                    RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JeOutcomes", x => x.Id);
                    table.ForeignKey("FK_JeOutcomes_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey("FK_JeOutcomes_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                    table.ForeignKey("FK_JeOutcomes_JeProfiles_ProfileId", x => x.ProfileId, "JeProfiles", "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey("FK_JeOutcomes_JeOutcomes_ReviewOfId", x => x.ReviewOfId, "JeOutcomes", "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JeOutcomeFactors",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    OutcomeId = table.Column<Guid>(nullable: false),
                    Factor = table.Column<int>(nullable: false),
                    Level = table.Column<int>(nullable: false),
                    SubLetters = table.Column<string>(maxLength: 10, nullable: false),
                    Rationale = table.Column<string>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JeOutcomeFactors", x => x.Id);
                    table.ForeignKey("FK_JeOutcomeFactors_JeOutcomes_OutcomeId", x => x.OutcomeId, "JeOutcomes", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JePanelMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    OutcomeId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Side = table.Column<string>(maxLength: 32, nullable: false),
                    IsJobAdviser = table.Column<bool>(nullable: false),
                    Developing = table.Column<bool>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JePanelMembers", x => x.Id);
                    table.ForeignKey("FK_JePanelMembers_JeOutcomes_OutcomeId", x => x.OutcomeId, "JeOutcomes", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JeJobDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    OutcomeId = table.Column<Guid>(nullable: false),
                    Kind = table.Column<string>(maxLength: 100, nullable: false),
                    Version = table.Column<string>(maxLength: 100, nullable: false),
                    Dated = table.Column<DateOnly>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JeJobDocuments", x => x.Id);
                    table.ForeignKey("FK_JeJobDocuments_JeOutcomes_OutcomeId", x => x.OutcomeId, "JeOutcomes", "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JeReviewRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    OutcomeId = table.Column<Guid>(nullable: false),
                    ReceivedOn = table.Column<DateOnly>(nullable: false),
                    InWriting = table.Column<bool>(nullable: false),
                    DisputedFactors = table.Column<string>(maxLength: 100, nullable: false),
                    Evidence = table.Column<string>(nullable: false),
                    RecordedAt = table.Column<DateTime>(nullable: false),
                    ReviewOutcomeId = table.Column<Guid>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JeReviewRequests", x => x.Id);
                    table.ForeignKey("FK_JeReviewRequests_JeOutcomes_OutcomeId", x => x.OutcomeId, "JeOutcomes", "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey("FK_JeReviewRequests_JeOutcomes_ReviewOutcomeId", x => x.ReviewOutcomeId, "JeOutcomes", "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex("IX_JeProfiles_SuiteId", "JeProfiles", "SuiteId");
            migrationBuilder.CreateIndex("IX_JeProfiles_Key_Revision", "JeProfiles", new[] { "Key", "Revision" }, unique: true);
            migrationBuilder.CreateIndex("IX_JeProfiles_Status_BandLow", "JeProfiles", new[] { "Status", "BandLow" });
            migrationBuilder.CreateIndex("IX_JeOutcomes_OrganisationId_PostId", "JeOutcomes", new[] { "OrganisationId", "PostId" });
            migrationBuilder.CreateIndex("IX_JeOutcomes_PostId", "JeOutcomes", "PostId");
            migrationBuilder.CreateIndex("IX_JeOutcomes_ProfileId", "JeOutcomes", "ProfileId");
            migrationBuilder.CreateIndex("IX_JeOutcomes_ReviewOfId", "JeOutcomes", "ReviewOfId");
            migrationBuilder.CreateIndex("IX_JeOutcomeFactors_OutcomeId_Factor", "JeOutcomeFactors", new[] { "OutcomeId", "Factor" }, unique: true);
            migrationBuilder.CreateIndex("IX_JePanelMembers_OutcomeId", "JePanelMembers", "OutcomeId");
            migrationBuilder.CreateIndex("IX_JeJobDocuments_OutcomeId", "JeJobDocuments", "OutcomeId");
            migrationBuilder.CreateIndex("IX_JeReviewRequests_OutcomeId", "JeReviewRequests", "OutcomeId");
            migrationBuilder.CreateIndex("IX_JeReviewRequests_ReviewOutcomeId", "JeReviewRequests", "ReviewOutcomeId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "JeReviewRequests");
            migrationBuilder.DropTable(name: "JeJobDocuments");
            migrationBuilder.DropTable(name: "JePanelMembers");
            migrationBuilder.DropTable(name: "JeOutcomeFactors");
            migrationBuilder.DropTable(name: "JeOutcomes");
            migrationBuilder.DropTable(name: "JeProfileFactors");
            migrationBuilder.DropTable(name: "JeProfiles");
            migrationBuilder.DropTable(name: "JeSuites");
        }
    }
}
