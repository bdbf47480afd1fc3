using Cadre.Data.Security;
using Cadre.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cadre.Data.Tests.Schema;

/// <summary>
/// The migrations are written by hand, so nothing else checks them against the model: here a database built by running
/// every migration must have exactly the tables, columns, indexes and keys of one created straight from the model.
/// Change the model without a migration and this fails, naming the difference.
/// </summary>
public class MigrationsMatchModelTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migrated_schema_equals_the_model(string kind)
    {
        await using var migrated = await TestDatabase.CreateAsync(kind, migrate: true);
        await using var created = await TestDatabase.CreateAsync(kind, migrate: false);
        await using var a = migrated.NewContext(OrganisationScope.System);
        await using var b = created.NewContext(OrganisationScope.System);
        Assert.True(await b.Database.EnsureCreatedAsync());

        var fromMigrations = await DatabaseSchema.ReadAsync(a);
        var fromModel = await DatabaseSchema.ReadAsync(b);

        Assert.Contains("table Posts", fromModel);
        Assert.True(fromModel.Count > 100, $"only {fromModel.Count} schema lines were read");
        Assert.True(fromMigrations.SequenceEqual(fromModel), "Migrations and model differ; add a migration.\n" + DatabaseSchema.Difference(fromMigrations, fromModel));
        Assert.Empty(await a.Database.GetPendingMigrationsAsync());
    }

    /// <summary>The comparison itself must notice a model change: add one column to the model and it must be reported.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_model_change_without_a_migration_is_detected(string kind)
    {
        await using var migrated = await TestDatabase.CreateAsync(kind, migrate: true);
        await using var created = await TestDatabase.CreateAsync(kind, migrate: false);
        var changedOptions = new DbContextOptionsBuilder<CadreDbContext>();
        created.Options.Configure(changedOptions);
        changedOptions.ReplaceService<IModelCustomizer, ExtraColumnCustomizer>();
        changedOptions.ReplaceService<IModelCacheKeyFactory, ExtraColumnCacheKey>();
        await using var changed = new CadreDbContext(changedOptions.Options, OrganisationScope.System, AuditActor.System("test"));
        await changed.Database.EnsureCreatedAsync();
        await using var a = migrated.NewContext(OrganisationScope.System);

        var difference = DatabaseSchema.Difference(await DatabaseSchema.ReadAsync(a), await DatabaseSchema.ReadAsync(changed));
        Assert.Contains("Posts.UnmigratedColumn", difference);
    }

    private sealed class ExtraColumnCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Core.Register.Post>().Property<string>("UnmigratedColumn");
        }
    }

    private sealed class ExtraColumnCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), "extra-column", designTime);
    }
}
