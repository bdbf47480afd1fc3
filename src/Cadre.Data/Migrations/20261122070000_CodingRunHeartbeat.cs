using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// A running extract re-code says how far it has got and that it is still at work (<c>Total</c>, <c>Done</c>,
    /// <c>HeartbeatAt</c>), so every app instance can show its progress and an instance that stopped mid-way is noticed;
    /// <c>Attempts</c> counts how often coding was started. Existing runs get zeros and no heartbeat. Hand-written like
    /// <see cref="Initial"/>; the schema test compares it with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261122070000_CodingRunHeartbeat")]
    public partial class CodingRunHeartbeat : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(name: "Total", table: "CodingRuns", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<int>(name: "Done", table: "CodingRuns", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<DateTime>(name: "HeartbeatAt", table: "CodingRuns", nullable: true);
            migrationBuilder.AddColumn<int>(name: "Attempts", table: "CodingRuns", nullable: false, defaultValue: 0);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Attempts", table: "CodingRuns");
            migrationBuilder.DropColumn(name: "HeartbeatAt", table: "CodingRuns");
            migrationBuilder.DropColumn(name: "Done", table: "CodingRuns");
            migrationBuilder.DropColumn(name: "Total", table: "CodingRuns");
        }
    }
}
