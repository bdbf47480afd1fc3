using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// The coding engine's proposal per post, kept so that the review page and the reports count, filter and page in the
    /// database instead of running the engine over every post on each view, and one counter per organisation moved on by
    /// every change to an input of the engine (docs/decisions/coding-stored-proposals.md). Existing organisations' counters
    /// start at zero; the proposals themselves are decided on the first read. Hand-written like <see cref="Initial"/>; the
    /// schema test compares it with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261205100000_StoredProposals")]
    public partial class StoredProposals : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoredProposals",
                columns: table => new
                {
                    PostId = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: false),
                    Status = table.Column<string>(maxLength: 32, nullable: false),
                    Roles = table.Column<int>(nullable: false),
                    Proposed = table.Column<int>(nullable: false),
                    Miscoded = table.Column<int>(nullable: false),
                    Reviews = table.Column<int>(nullable: false),
                    Codes = table.Column<string>(maxLength: 400, nullable: false),
                    Causes = table.Column<string>(maxLength: 400, nullable: false),
                    Stamp = table.Column<string>(maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(nullable: false),
                    ValidUntil = table.Column<DateOnly>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredProposals", x => x.PostId);
                    table.ForeignKey("FK_StoredProposals_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.CreateIndex("IX_StoredProposals_OrganisationId_DepartmentId_Status", "StoredProposals",
                new[] { "OrganisationId", "DepartmentId", "Status" });

            migrationBuilder.CreateTable(
                name: "CodingInputCounters",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(nullable: false),
                    Changes = table.Column<long>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingInputCounters", x => x.OrganisationId);
                    table.ForeignKey("FK_CodingInputCounters_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.Sql("INSERT INTO \"CodingInputCounters\" (\"OrganisationId\", \"Changes\") SELECT \"Id\", 0 FROM \"Organisations\"");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "CodingInputCounters");
            migrationBuilder.DropTable(name: "StoredProposals");
        }
    }
}
