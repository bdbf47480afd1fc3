using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Workforce planning scenarios saved per organisation (the scenario JSON, its scope and who made and changed it,
    /// with a version for refusing stale edits). See docs/decisions/planning-web.md. Hand-written like
    /// <see cref="Initial"/>; the schema test compares it with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261122050000_PlanningScenarios")]
    public partial class PlanningScenarios : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanningScenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    DepartmentId = table.Column<Guid>(nullable: true),
                    ScienceTheme = table.Column<char>(nullable: true),
                    ScopeLabel = table.Column<string>(maxLength: 200, nullable: false),
                    BaselineOn = table.Column<DateOnly>(nullable: false),
                    ScenarioJson = table.Column<string>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false),
                    UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanningScenarios", x => x.Id);
                    table.ForeignKey("FK_PlanningScenarios_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey("FK_PlanningScenarios_Departments_DepartmentId", x => x.DepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
                });
            migrationBuilder.CreateIndex("IX_PlanningScenarios_OrganisationId_Name", "PlanningScenarios", new[] { "OrganisationId", "Name" });
            migrationBuilder.CreateIndex("IX_PlanningScenarios_DepartmentId", "PlanningScenarios", "DepartmentId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "PlanningScenarios");
        }
    }
}
