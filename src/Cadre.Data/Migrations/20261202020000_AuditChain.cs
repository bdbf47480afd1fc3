using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Makes tampering with the audit trail evident: each entry gets a sequence number (1, 2, 3 … with no gaps) and a
    /// seal chained to the previous entry's (<c>AuditChain</c>). Entries already written are numbered here in the order
    /// they were written and left unsealed (the key is outside the database, so SQL cannot seal them); the chain starts
    /// after them. The append-only triggers are lifted for the numbering only, in this migration's own transaction, and
    /// put back as they were. Hand-written like <see cref="Initial"/>; the schema test compares it with the model.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261202020000_AuditChain")]
    public partial class AuditChain : Migration
    {
        private bool IsSqlite(MigrationBuilder b) => b.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(name: "Sequence", table: "AuditEntries", nullable: false, defaultValue: 0L);
            migrationBuilder.AddColumn<string>(name: "Hash", table: "AuditEntries", maxLength: 64, nullable: false, defaultValue: "");
            if (IsSqlite(migrationBuilder))
            {
                migrationBuilder.Sql("""DROP TRIGGER "AuditEntries_no_update";""");
                migrationBuilder.Sql("""
                    UPDATE "AuditEntries" SET "Sequence" = (SELECT n FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "When", "Id") AS n FROM "AuditEntries") AS r
                    WHERE r."Id" = "AuditEntries"."Id");
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                    BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: audit entries cannot be changed.'); END;
                    """);
            }
            else
            {
                migrationBuilder.Sql("""ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_append_only";""");
                migrationBuilder.Sql("""
                    UPDATE "AuditEntries" AS a SET "Sequence" = r.n
                    FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "When", "Id") AS n FROM "AuditEntries") AS r WHERE r."Id" = a."Id";
                    """);
                migrationBuilder.Sql("""ALTER TABLE "AuditEntries" ENABLE TRIGGER "AuditEntries_append_only";""");
            }
            migrationBuilder.CreateIndex("IX_AuditEntries_Sequence", "AuditEntries", "Sequence", unique: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex("IX_AuditEntries_Sequence", "AuditEntries");
            migrationBuilder.DropColumn(name: "Hash", table: "AuditEntries");
            migrationBuilder.DropColumn(name: "Sequence", table: "AuditEntries");
        }
    }
}
