using System.Net;
using Cadre.Web.Tests.Infrastructure;

namespace Cadre.Web.Tests.Reports;

/// <summary>The reports' queries on each database (PostgreSQL when CADRE_TEST_PG names a server, as in BothDatabasesTests).</summary>
public sealed class ReportsBothDatabasesTests
{
    public static IEnumerable<object[]> Databases() => BothDatabasesTests.Databases();

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_report_and_download_works(string database)
    {
        string? server = null;
        if (database == "postgresql")
            server = Environment.GetEnvironmentVariable("CADRE_TEST_PG") is { Length: > 0 } pg ? pg
                : throw new InvalidOperationException("CADRE_TEST_PG is not set: ./test starts a PostgreSQL server and sets it.");
        var app = new CadreWebFixture { PostgresServer = server };
        await app.InitializeAsync();
        try
        {
            using var client = await app.ClientAsync(CadreWebFixture.Users.Workforce);
            foreach (var page in new[] { "/reports/head-of-service", "/reports/organisations", "/reports/profession" })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
                Assert.Contains("INTEL-", await client.GetStringAsync(page + "?format=csv"));
            }
            var csv = await client.GetStringAsync("/reports/head-of-service?format=csv");
            Assert.Contains("INTEL-EST-07,Headcount,", csv);
            using var lead = await app.ClientAsync(CadreWebFixture.Users.Lead);
            Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/reports/head-of-service?department={app.LeadDepartment}")).StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
