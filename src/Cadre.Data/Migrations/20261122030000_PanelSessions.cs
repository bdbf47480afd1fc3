using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Job evaluation panel sessions: one day, one panel (members by side, job advisers) hearing several jobs, each
    /// job's outcome linked to its session. Hand-written like <see cref="Initial"/>; the schema test compares it with the
    /// model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261122030000_PanelSessions")]
    public partial class PanelSessions : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JePanelSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    Date = table.Column<DateOnly>(nullable: false),
                    RestAgreedToSitAsThree = table.Column<bool>(nullable: false),
                    Findings = table.Column<string>(nullable: false),
                    RecordedAt = table.Column<DateTime>(nullable: false),
                    RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JePanelSessions", x => x.Id);
                    table.ForeignKey("FK_JePanelSessions_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JeSessionMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    SessionId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Side = table.Column<string>(maxLength: 32, nullable: false),
                    IsJobAdviser = table.Column<bool>(nullable: false),
                    Developing = table.Column<bool>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JeSessionMembers", x => x.Id);
                    table.ForeignKey("FK_JeSessionMembers_JePanelSessions_SessionId", x => x.SessionId, "JePanelSessions", "Id", onDelete: ReferentialAction.Cascade);
                });

            // SQLite cannot add a foreign key to an existing table, but it can add a nullable column that carries one.
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
                migrationBuilder.Sql("ALTER TABLE \"JeOutcomes\" ADD COLUMN \"SessionId\" TEXT NULL CONSTRAINT \"FK_JeOutcomes_JePanelSessions_SessionId\" REFERENCES \"JePanelSessions\" (\"Id\") ON DELETE RESTRICT;");
            else
            {
                migrationBuilder.AddColumn<Guid>(name: "SessionId", table: "JeOutcomes", nullable: true);
                migrationBuilder.AddForeignKey("FK_JeOutcomes_JePanelSessions_SessionId", "JeOutcomes", "SessionId", "JePanelSessions",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            }
            migrationBuilder.CreateIndex("IX_JePanelSessions_OrganisationId_Date", "JePanelSessions", new[] { "OrganisationId", "Date" });
            migrationBuilder.CreateIndex("IX_JeSessionMembers_SessionId", "JeSessionMembers", "SessionId");
            migrationBuilder.CreateIndex("IX_JeOutcomes_SessionId", "JeOutcomes", "SessionId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
                migrationBuilder.DropForeignKey("FK_JeOutcomes_JePanelSessions_SessionId", "JeOutcomes");
            migrationBuilder.DropIndex("IX_JeOutcomes_SessionId", "JeOutcomes");
            migrationBuilder.DropColumn("SessionId", "JeOutcomes");
            migrationBuilder.DropTable(name: "JeSessionMembers");
            migrationBuilder.DropTable(name: "JePanelSessions");
        }
    }
}
