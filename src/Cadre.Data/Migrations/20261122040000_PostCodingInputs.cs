using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Two of the coding engine's inputs recorded on the post: <c>Specialist</c> (needs expertise beyond the entry
    /// qualification) and <c>TraineeProgramme</c> (by name). Both nullable: null is "not recorded", and the coding then
    /// reads them from the title as before, so existing posts code exactly as they did. Hand-written like
    /// <see cref="Initial"/>; the schema test compares it with the model on SQLite and PostgreSQL.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261122040000_PostCodingInputs")]
    public partial class PostCodingInputs : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(name: "Specialist", table: "Posts", nullable: true);
            migrationBuilder.AddColumn<string>(name: "TraineeProgramme", table: "Posts", maxLength: 32, nullable: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "TraineeProgramme", table: "Posts");
            migrationBuilder.DropColumn(name: "Specialist", table: "Posts");
        }
    }
}
