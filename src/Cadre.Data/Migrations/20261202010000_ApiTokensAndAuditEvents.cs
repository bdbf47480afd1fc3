using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// API tokens for integrations (only the digest of each secret is stored), and the caller's address and user agent
    /// on audit entries, for the events the trail now records besides changes (sign-ins, token use, exports, reads).
    /// Hand-written like <see cref="Initial"/>; the schema test compares it with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261202010000_ApiTokensAndAuditEvents")]
    public partial class ApiTokensAndAuditEvents : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    Kind = table.Column<string>(maxLength: 32, nullable: false),
                    UserId = table.Column<string>(maxLength: 450, nullable: true),
                    Access = table.Column<string>(maxLength: 32, nullable: false),
                    Areas = table.Column<string>(maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<DateTime>(nullable: false),
                    RevokedAt = table.Column<DateTime>(nullable: true),
                    RevokedBy = table.Column<string>(maxLength: 256, nullable: true),
                    Prefix = table.Column<string>(maxLength: 12, nullable: false),
                    Hash = table.Column<string>(maxLength: 64, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey("FK_ApiTokens_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
                    table.ForeignKey("FK_ApiTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                });
            migrationBuilder.CreateIndex("IX_ApiTokens_Hash", "ApiTokens", "Hash", unique: true);
            migrationBuilder.CreateIndex("IX_ApiTokens_OrganisationId", "ApiTokens", "OrganisationId");
            migrationBuilder.CreateIndex("IX_ApiTokens_UserId", "ApiTokens", "UserId");

            migrationBuilder.AddColumn<string>(name: "Address", table: "AuditEntries", maxLength: 64, nullable: true);
            migrationBuilder.AddColumn<string>(name: "UserAgent", table: "AuditEntries", maxLength: 512, nullable: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "UserAgent", table: "AuditEntries");
            migrationBuilder.DropColumn(name: "Address", table: "AuditEntries");
            migrationBuilder.DropTable(name: "ApiTokens");
        }
    }
}
