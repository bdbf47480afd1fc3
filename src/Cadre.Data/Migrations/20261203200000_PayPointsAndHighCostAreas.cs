using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Money (issue 11): a holder's Agenda for Change pay point on their assignment, where recorded, and the high cost area
    /// zone an organisation's staff are paid in. Existing assignments have no point (costed at the default) and existing
    /// organisations no zone. Hand-written like <see cref="Initial"/>; the schema test compares it with the model on SQLite
    /// and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261203200000_PayPointsAndHighCostAreas")]
    public partial class PayPointsAndHighCostAreas : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "PayPoint", table: "Assignments", maxLength: 32, nullable: true);
            migrationBuilder.AddColumn<string>(name: "HighCostArea", table: "Organisations", maxLength: 32, nullable: false, defaultValue: "None");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "PayPoint", table: "Assignments");
            migrationBuilder.DropColumn(name: "HighCostArea", table: "Organisations");
        }
    }
}
