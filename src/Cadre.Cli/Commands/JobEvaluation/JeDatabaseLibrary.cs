using System.CommandLine;
using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Cli.Commands.JobEvaluation;

/// <summary>
/// The profile library a <c>cadre je</c> command works on: the database's (every suite imported into it, with its
/// versions and archive) when <c>--data DIR</c> or <c>--postgres CONN</c> is given, otherwise the suites shipped with
/// Cadre. The database is brought up to date and seeded with the shipped suite first, as <c>cadre je import</c> does.
/// </summary>
internal static class JeDatabaseLibrary
{
    public static void AddTo(Command command)
    {
        command.Options.Add(DatabaseArguments.Data);
        command.Options.Add(DatabaseArguments.Postgres);
    }

    public static bool Requested(ParseResult parse) => parse.GetValue(DatabaseArguments.Data) is not null || parse.GetValue(DatabaseArguments.Postgres) is not null;

    /// <summary>Where the profiles came from, for the report's heading.</summary>
    public sealed record Library(IReadOnlyList<NationalProfile> All, string Source)
    {
        public IReadOnlyList<NationalProfile> OfferedForMatching => All.Where(p => p.IsOfferedForMatching).ToList();

        /// <summary>The current profile of that title (compared as the library compares titles), else its latest version.</summary>
        public NationalProfile? Find(string title)
        {
            bool Same(NationalProfile p) => NationalProfile.KeyFor("", p.Title) == NationalProfile.KeyFor("", title);
            return All.FirstOrDefault(p => p.Status == ProfileStatus.Current && Same(p)) ?? All.LastOrDefault(Same);
        }
    }

    /// <summary>The library to use; a missing SQLite database is refused naming --data rather than created by a read.</summary>
    public static async Task<Library> LoadAsync(ParseResult parse, string what, CancellationToken cancel)
    {
        if (!Requested(parse))
            return new Library(JeReference.Default.LoadLibrary().All, "the national profile suites shipped with Cadre");
        var database = DatabaseArguments.Read(parse);
        if (database.Provider == Cadre.Data.DatabaseProvider.Sqlite && database.DataDirectory is { } dir && !File.Exists(Path.Combine(dir, Cadre.Data.DatabaseOptions.SqliteFileName)))
            throw new CliException($"--data {parse.GetValue(DatabaseArguments.Data)}: no Cadre database there ({Path.Combine(dir, Cadre.Data.DatabaseOptions.SqliteFileName)} does not exist); create it with 'cadre db migrate --data DIR' or 'cadre je import FILE --data DIR'.");
        await using var services = DatabaseArguments.Services(database, what);
        await using var db = DatabaseArguments.Context(services);
        await db.Database.MigrateAsync(cancel);
        await JeLibraryStore.EnsureSeedAsync(db, cancel);
        var rows = await db.Set<JeProfile>().AsNoTracking().Include(p => p.Factors)
            .OrderBy(p => p.SuiteName).ThenBy(p => p.Position).ThenBy(p => p.Revision).ToListAsync(cancel);
        return new Library(rows.Select(JeLibraryStore.ToCore).ToList(), $"the library in {database.Describe()}");
    }
}
