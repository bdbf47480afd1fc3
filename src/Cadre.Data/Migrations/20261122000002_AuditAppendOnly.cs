using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cadre.Data.Migrations
{
    /// <summary>
    /// Makes the audit trail append-only in the database itself, so that not even SQL run outside Cadre's context (a
    /// console, a script, a future bulk update) can rewrite or remove history. The data layer refuses such changes too;
    /// this is the second lock. Triggers are not part of the EF model, so the schema comparison test does not see them;
    /// AuditTrailTests checks them directly.
    /// </summary>
    [DbContext(typeof(CadreDbContext))]
    [Migration("20261122000002_AuditAppendOnly")]
    public partial class AuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""
                    CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                    BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: audit entries cannot be changed.'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                    BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: audit entries cannot be deleted.'); END;
                    """);
            }
            else
            {
                migrationBuilder.Sql("""
                    CREATE FUNCTION "AuditEntries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION 'The audit trail is append-only: audit entries cannot be changed or deleted.';
                    END;
                    $$;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_append_only"();
                    """);
            }
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_update";""");
                migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_delete";""");
            }
            else
            {
                migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_append_only" ON "AuditEntries";""");
                migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AuditEntries_append_only"();""");
            }
        }
    }
}
