using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Failed sign-in attempts within the throttle window, per typed name and per address (<c>SignInThrottle</c>), kept in
    /// the database so that several instances count the same attempts. Hand-written like <see cref="Initial"/>; the schema
    /// test compares it with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261203000000_SignInAttempts")]
    public partial class SignInAttempts : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignInAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    Account = table.Column<string>(maxLength: 256, nullable: false),
                    Address = table.Column<string>(maxLength: 64, nullable: true),
                },
                constraints: table => table.PrimaryKey("PK_SignInAttempts", x => x.Id));
            migrationBuilder.CreateIndex("IX_SignInAttempts_Account_At", "SignInAttempts", ["Account", "At"]);
            migrationBuilder.CreateIndex("IX_SignInAttempts_Address_At", "SignInAttempts", ["Address", "At"]);
            migrationBuilder.CreateIndex("IX_SignInAttempts_At", "SignInAttempts", "At");
        }

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "SignInAttempts");
    }
}
