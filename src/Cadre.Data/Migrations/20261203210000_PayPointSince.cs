using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Pay progression (issue 11): the day a holder reached their recorded pay point, from which the date they may move to
    /// the next is worked out (PAY-PROG-01). Hand-written like <see cref="Initial"/>; the schema test compares it with the
    /// model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261203210000_PayPointSince")]
    public partial class PayPointSince : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(name: "PayPointSince", table: "Assignments", nullable: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "PayPointSince", table: "Assignments");
        }
    }
}
