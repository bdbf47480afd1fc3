using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// The projection of each version of a saved planning scenario, computed once and kept, and claimed through the
    /// database while it is computed (heartbeat and attempts, as an extract re-code), so any instance shows it and none
    /// repeats it (docs/decisions/hosting-several-instances.md). Removed with its scenario. Hand-written like
    /// <see cref="Initial"/>; the schema test compares it with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261203100000_PlanningResults")]
    public partial class PlanningResults : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanningResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ScenarioId = table.Column<Guid>(nullable: false),
                    ScenarioVersion = table.Column<Guid>(nullable: false),
                    Runs = table.Column<int>(nullable: false),
                    Seed = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    ResultJson = table.Column<string>(nullable: true),
                    HeartbeatAt = table.Column<DateTime>(nullable: true),
                    Attempts = table.Column<int>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanningResults", x => x.Id);
                    table.ForeignKey("FK_PlanningResults_PlanningScenarios_ScenarioId", x => x.ScenarioId, "PlanningScenarios", "Id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.CreateIndex("IX_PlanningResults_ScenarioId_ScenarioVersion_Runs_Seed", "PlanningResults",
                new[] { "ScenarioId", "ScenarioVersion", "Runs", "Seed" }, unique: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "PlanningResults");
        }
    }
}
