using Microsoft.EntityFrameworkCore;

namespace Cadre.Web;

/// <summary>
/// /health/ready: whether this instance should be sent requests. Not until the database answers and every migration
/// this build knows is applied, so a load balancer holds traffic back while another instance migrates.
/// </summary>
internal static class Readiness
{
    public static async Task<IResult> CheckAsync(CadreDbContext db, CancellationToken cancel)
    {
        try
        {
            // Asking for the history reaches the database too (a new SQLite file has none yet, and is not "unreachable").
            var pending = (await CadreDatabaseInitialiser.PendingMigrationsAsync(db, cancel)).Count;
            return pending == 0
                ? Results.Text("Ready")
                : Results.Text($"Not ready: the database is waiting for {pending} migration{(pending == 1 ? "" : "s")}.", statusCode: 503);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return Results.Text("Not ready: the database cannot be reached.", statusCode: 503);
        }
    }
}
