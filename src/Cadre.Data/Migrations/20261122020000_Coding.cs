using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Occupation coding workflow: the history of coding decisions on posts (accept, override, applied from an extract)
    /// and the ESR extracts uploaded for re-coding with their outputs. See docs/decisions/coding-workflow.md.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261122020000_Coding")]
    public partial class Coding : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CodingDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: false),
                    PostId = table.Column<Guid>(nullable: false),
                    PostRoleId = table.Column<Guid>(nullable: true),
                    Role = table.Column<string>(maxLength: 200, nullable: false),
                    Wte = table.Column<double>(nullable: false),
                    Action = table.Column<string>(maxLength: 32, nullable: false),
                    PreviousCode = table.Column<string>(maxLength: 8, nullable: true),
                    PreviousAreaOfWork = table.Column<string>(maxLength: 200, nullable: true),
                    ProposedCode = table.Column<string>(maxLength: 8, nullable: true),
                    ProposedAreaOfWork = table.Column<string>(maxLength: 200, nullable: true),
                    ProposalStatus = table.Column<string>(maxLength: 16, nullable: false),
                    Rules = table.Column<string>(maxLength: 400, nullable: false),
                    Reason = table.Column<string>(maxLength: 2000, nullable: false),
                    ChosenCode = table.Column<string>(maxLength: 8, nullable: true),
                    ChosenAreaOfWork = table.Column<string>(maxLength: 200, nullable: true),
                    OverrideReason = table.Column<string>(maxLength: 2000, nullable: true),
                    ManualVersion = table.Column<string>(maxLength: 16, nullable: false),
                    CodingRunId = table.Column<Guid>(nullable: true),
                    When = table.Column<DateTime>(nullable: false),
                    Who = table.Column<string>(maxLength: 256, nullable: false),
                    WhoUserId = table.Column<string>(maxLength: 450, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodingDecisions_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CodingRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    FileName = table.Column<string>(maxLength: 260, nullable: false),
                    UploadedAt = table.Column<DateTime>(nullable: false),
                    UploadedBy = table.Column<string>(maxLength: 256, nullable: false),
                    UploadedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                    CodedOn = table.Column<DateOnly>(nullable: false),
                    Status = table.Column<string>(maxLength: 32, nullable: false),
                    Roles = table.Column<int>(nullable: false),
                    Unchanged = table.Column<int>(nullable: false),
                    Recode = table.Column<int>(nullable: false),
                    Review = table.Column<int>(nullable: false),
                    CodeChanged = table.Column<int>(nullable: false),
                    Problems = table.Column<int>(nullable: false),
                    Message = table.Column<string>(maxLength: 2000, nullable: true),
                    AppliedAt = table.Column<DateTime>(nullable: true),
                    AppliedBy = table.Column<string>(maxLength: 256, nullable: true),
                    AppliedPosts = table.Column<int>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodingRuns_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CodingRunFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    CodingRunId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 32, nullable: false),
                    Content = table.Column<string>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingRunFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodingRunFiles_CodingRuns_CodingRunId",
                        column: x => x.CodingRunId,
                        principalTable: "CodingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(name: "IX_CodingDecisions_PostId_When", table: "CodingDecisions", columns: new[] { "PostId", "When" });
            migrationBuilder.CreateIndex(name: "IX_CodingRuns_OrganisationId_UploadedAt", table: "CodingRuns", columns: new[] { "OrganisationId", "UploadedAt" });
            migrationBuilder.CreateIndex(name: "IX_CodingRunFiles_CodingRunId_Name", table: "CodingRunFiles", columns: new[] { "CodingRunId", "Name" }, unique: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "CodingRunFiles");
            migrationBuilder.DropTable(name: "CodingDecisions");
            migrationBuilder.DropTable(name: "CodingRuns");
        }
    }
}
