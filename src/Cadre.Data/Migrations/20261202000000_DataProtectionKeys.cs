using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// The key ring that protects sign-in cookies and anti-forgery tokens, shared by every instance on one PostgreSQL
    /// database (docs/decisions/hosting-several-instances.md). ASP.NET Core Data Protection's own table shape. SQLite
    /// deployments keep their keys in the data folder and leave this table empty. Hand-written like <see cref="Initial"/>.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261202000000_DataProtectionKeys")]
    public partial class DataProtectionKeys : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(nullable: true),
                    Xml = table.Column<string>(nullable: true),
                },
                constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "DataProtectionKeys");
        }
    }
}
