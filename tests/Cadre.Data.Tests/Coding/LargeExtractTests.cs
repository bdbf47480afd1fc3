using System.Text;
using Cadre.Data.Coding;
using Cadre.Data.Demo;
using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data.Tests.Coding;

public class LargeExtractTests
{
    [Fact]
    public async Task A_100000_row_extract_is_coded_stored_and_reports_progress_to_the_last_row()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var trust = Guid.CreateVersion7();
        await using (var sys = database.NewContext(OrganisationScope.System))
        {
            sys.Organisations.Add(new Cadre.Core.Register.Organisation { Id = trust, Name = "Trust", OdsCode = "ZZL" });
            await sys.SaveChangesAsync();
        }
        var text = new StringBuilder("post_id,role,title,department,pay_band,wte,current_code,current_area_of_work,entry_requirement,specialist,trainee_programme,manages_department,direct_hcs_pct,requires_hcs_qualification,consultant_appointment,activities,registrations\n");
        for (var i = 1; i <= 100_000; i++)
            text.Append("GEN-").Append(i).Append(i % 2 == 0
                ? ",Clinical Technologist (EBME),Clinical Technologist (EBME),EBME,5,1,T4R,Medical Equipment Management / EBME,practitioner,no,none,no,100,yes,none,EBME:100,\n"
                : ",Clinical Scientist,Clinical Scientist (Nuclear Medicine),Nuclear Medicine,7,1,U2H,Nuclear Medicine,clinical_scientist,no,none,no,100,yes,none,Nuclear Medicine:100,HCPC Clinical Scientist\n");
        var (path, rows) = await ExtractRuns.StageAsync(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "big.csv", default);
        Assert.Equal(100_000, rows);
        await using var db = database.NewContext(OrganisationScope.For([trust]), new AuditActor(null, "test"));
        var run = new CodingRun { OrganisationId = trust, FileName = "big.csv", UploadedAt = DateTime.UtcNow, UploadedBy = "test", CodedOn = DemoOrganisations.AsAt, Status = CodingRunStatus.Running };
        db.CodingRuns.Add(run);
        await db.SaveChangesAsync();
        var progress = new CodingRunProgress();
        var tracker = progress.Start(run.Id, rows);
        var seen = new List<int>();
        using var timer = new Timer(_ => { lock (seen) seen.Add(Volatile.Read(ref tracker.Done)); }, null, 0, 5);
        await ExtractRuns.ProcessAsync(db, run.Id, path, progress);
        Assert.Equal(CodingRunStatus.Completed, run.Status);
        Assert.Equal((100_000, 50_000, 50_000), (run.Roles, run.Recode, run.Unchanged));
        Assert.Equal(100_000, tracker.Done);
        Assert.False(File.Exists(path));
        var esr = await ExtractRuns.FileAsync(db, run.Id, ExtractRuns.EsrChanges, default);
        Assert.Equal(50_001, esr!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
