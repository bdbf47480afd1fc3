using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Each organisation's own identity provider for OpenID Connect sign-in (docs/decisions/sign-in.md); the client secret
    /// is stored protected by Data Protection. Links from a provider's users to Cadre accounts are Identity's own
    /// AspNetUserLogins rows, which already exist. Hand-written like <see cref="Initial"/>; the schema test compares it
    /// with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261205000000_OrganisationSignIns")]
    public partial class OrganisationSignIns : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrganisationSignIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    DisplayName = table.Column<string>(maxLength: 60, nullable: false),
                    Issuer = table.Column<string>(maxLength: 400, nullable: false),
                    ClientId = table.Column<string>(maxLength: 200, nullable: false),
                    ProtectedClientSecret = table.Column<string>(maxLength: 4000, nullable: true),
                    ClientSecretSetAt = table.Column<DateTime>(nullable: true),
                    UserClaim = table.Column<string>(maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false),
                    UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationSignIns", x => x.Id);
                    table.ForeignKey("FK_OrganisationSignIns_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.CreateIndex("IX_OrganisationSignIns_OrganisationId", "OrganisationSignIns", "OrganisationId", unique: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "OrganisationSignIns");
    }
}
