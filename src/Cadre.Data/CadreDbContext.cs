using System.Linq.Expressions;
using System.Reflection;
using Cadre.Core.Register;
using Cadre.Data.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cadre.Data;

/// <summary>
/// Cadre's database: Identity plus the register and, later, each feature's own tables (each feature adds
/// <see cref="IEntityTypeConfiguration{T}"/> classes in this assembly and its own migration). Every entity that is
/// <see cref="IOrganisationOwned"/> is filtered to the current <see cref="IOrganisationScope"/> automatically.
/// </summary>
public class CadreDbContext(DbContextOptions<CadreDbContext> options, IOrganisationScope scope, IAuditActor actor)
    : IdentityDbContext<CadreUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The query filter name, should a system job need <c>IgnoreQueryFilters(["Organisation"])</c>.</summary>
    public const string OrganisationFilter = "Organisation";
    /// <summary>The query filter that narrows a service lead to their departments.</summary>
    public const string DepartmentFilter = "Department";

    public IOrganisationScope Scope { get; } = scope;
    public IAuditActor Actor { get; } = actor;

    /// <summary>The transaction the audit chain opened for this save, if the caller had none (see AuditChainInterceptor).</summary>
    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? ChainTransaction { get; set; }

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Accreditation> Accreditations => Set<Accreditation>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostActivity> PostActivities => Set<PostActivity>();
    public DbSet<PostRole> PostRoles => Set<PostRole>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ProfessionalRegistration> Registrations => Set<ProfessionalRegistration>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<TrainingEnrolment> TrainingEnrolments => Set<TrainingEnrolment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserOrganisation> UserOrganisations => Set<UserOrganisation>();
    public DbSet<UserDepartmentScope> UserDepartmentScopes => Set<UserDepartmentScope>();
    public DbSet<Coding.CodingDecisionRecord> CodingDecisions => Set<Coding.CodingDecisionRecord>();
    public DbSet<Coding.CodingRun> CodingRuns => Set<Coding.CodingRun>();
    public DbSet<Coding.CodingRunFile> CodingRunFiles => Set<Coding.CodingRunFile>();
    /// <summary>The engine's proposal per post, kept in step with its inputs (StoredProposals, CodingInputChanges).</summary>
    public DbSet<Coding.StoredProposal> StoredProposals => Set<Coding.StoredProposal>();
    public DbSet<Coding.CodingInputCounter> CodingInputCounters => Set<Coding.CodingInputCounter>();
    public DbSet<Planning.PlanningScenario> PlanningScenarios => Set<Planning.PlanningScenario>();
    public DbSet<Planning.PlanningResult> PlanningResults => Set<Planning.PlanningResult>();
    public DbSet<Surveys.Survey> Surveys => Set<Surveys.Survey>();
    public DbSet<Surveys.SurveyQuestion> SurveyQuestions => Set<Surveys.SurveyQuestion>();
    public DbSet<Surveys.SurveyPopulationGroup> SurveyPopulationGroups => Set<Surveys.SurveyPopulationGroup>();
    public DbSet<Surveys.SurveyResponse> SurveyResponses => Set<Surveys.SurveyResponse>();
    public DbSet<Surveys.SurveyAnswer> SurveyAnswers => Set<Surveys.SurveyAnswer>();
    public DbSet<Surveys.SurveyTheme> SurveyThemes => Set<Surveys.SurveyTheme>();
    public DbSet<Surveys.SurveyCoding> SurveyCodings => Set<Surveys.SurveyCoding>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    /// <summary>Organisations' own identity providers (OpenID Connect), one each at most.</summary>
    public DbSet<OrganisationSignIn> OrganisationSignIns => Set<OrganisationSignIn>();
    /// <summary>Failed sign-ins within the throttle window (SignInThrottle).</summary>
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    /// <summary>The cookie and anti-forgery key ring, shared by every instance on PostgreSQL (empty on SQLite).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    // Read by the query filters on every query (EF passes them as parameters), so one model serves every user.
    internal bool ScopeUnrestricted => Scope.IsUnrestricted;
    internal Guid[] ScopeOrganisationIds => Scope.OrganisationIds as Guid[] ?? Scope.OrganisationIds.ToArray();
    internal bool ScopeAllDepartments => Scope.IsUnrestricted || Scope.DepartmentIds is null;
    internal Guid[] ScopeDepartmentIds => Scope.DepartmentIds as Guid[] ?? Scope.DepartmentIds?.ToArray() ?? [];

    /// <summary>
    /// Pinned, so that the web app's Identity options (e.g. a template's passkey schema) cannot change the tables behind
    /// the migrations' back; moving to a newer Identity schema is a deliberate change with its own migration.
    /// </summary>
    protected override Version SchemaVersion => Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version1;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CadreDbContext).Assembly);

        builder.Entity<Organisation>().HasQueryFilter(OrganisationFilter, o => ScopeUnrestricted || ScopeOrganisationIds.Contains(o.Id));
        builder.Entity<Department>().HasQueryFilter(OrganisationFilter, d => ScopeUnrestricted
            || (ScopeOrganisationIds.Contains(d.OrganisationId) && (ScopeAllDepartments || ScopeDepartmentIds.Contains(d.Id))));
        var apply = typeof(CadreDbContext).GetMethod(nameof(ApplyScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).Distinct())
        {
            if (type == typeof(Department) || !typeof(IOrganisationOwned).IsAssignableFrom(type)) continue;
            apply.MakeGenericMethod(type).Invoke(this, [builder]);
        }

        // A service lead sees the people (and their records) who hold a post in a department they lead, and the details
        // of those posts. A second named filter, so that it adds to the organisation filter rather than replacing it.
        builder.Entity<Assignment>().HasQueryFilter(DepartmentFilter, a => ScopeAllDepartments || ScopeDepartmentIds.Contains(a.Post!.DepartmentId));
        builder.Entity<Person>().HasQueryFilter(DepartmentFilter, p => ScopeAllDepartments || p.Assignments.Any(a => ScopeDepartmentIds.Contains(a.Post!.DepartmentId)));
        builder.Entity<ProfessionalRegistration>().HasQueryFilter(DepartmentFilter, r => ScopeAllDepartments || r.Person!.Assignments.Any(a => ScopeDepartmentIds.Contains(a.Post!.DepartmentId)));
        builder.Entity<Certificate>().HasQueryFilter(DepartmentFilter, c => ScopeAllDepartments || c.Person!.Assignments.Any(a => ScopeDepartmentIds.Contains(a.Post!.DepartmentId)));
        builder.Entity<TrainingEnrolment>().HasQueryFilter(DepartmentFilter, t => ScopeAllDepartments || t.Person!.Assignments.Any(a => ScopeDepartmentIds.Contains(a.Post!.DepartmentId)));
        builder.Entity<PostActivity>().HasQueryFilter(DepartmentFilter, a => ScopeAllDepartments || ScopeDepartmentIds.Contains(a.Post!.DepartmentId));
        builder.Entity<PostRole>().HasQueryFilter(DepartmentFilter, r => ScopeAllDepartments || ScopeDepartmentIds.Contains(r.Post!.DepartmentId));
        // Job evaluation: a service lead sees the outcomes (and review requests) of posts in the departments they lead;
        // an outcome recorded for no post belongs to no department, so only organisation-wide roles see it.
        builder.Entity<JobEvaluation.JeOutcome>().HasQueryFilter(DepartmentFilter, o => ScopeAllDepartments || (o.PostId != null && ScopeDepartmentIds.Contains(o.Post!.DepartmentId)));
        // Planning: a service lead sees the scenarios made for the departments they lead; a scenario for the whole
        // organisation or a theme reads other departments' staff, so only organisation-wide roles see it.
        builder.Entity<Planning.PlanningScenario>().HasQueryFilter(DepartmentFilter, s => ScopeAllDepartments || (s.DepartmentId != null && ScopeDepartmentIds.Contains(s.DepartmentId.Value)));
        // A stored proposal is derived data (not audited, so not IOrganisationOwned) read in the same scope as its post.
        builder.Entity<Coding.StoredProposal>().HasQueryFilter(OrganisationFilter, s => ScopeUnrestricted || ScopeOrganisationIds.Contains(s.OrganisationId));
        builder.Entity<Coding.StoredProposal>().HasQueryFilter(DepartmentFilter, s => ScopeAllDepartments || ScopeDepartmentIds.Contains(s.DepartmentId));
        builder.Entity<JobEvaluation.JeReviewRequest>().HasQueryFilter(DepartmentFilter, r => ScopeAllDepartments || (r.Outcome!.PostId != null && ScopeDepartmentIds.Contains(r.Outcome.Post!.DepartmentId)));

        // Register keys are made in C# when an object is created (Guid v7), never by EF. Saying so means a new child added
        // to a loaded parent (an activity on an existing post) is inserted, not mistaken for an existing row to update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => t.ClrType.Namespace == typeof(Post).Namespace))
            if (entity.FindPrimaryKey() is { Properties: [{ ClrType: var keyType } key] } && keyType == typeof(Guid))
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    private void ApplyScopeFilter<T>(ModelBuilder builder) where T : class, IOrganisationOwned
    {
        Expression<Func<T, bool>> filter = typeof(IDepartmentOwned).IsAssignableFrom(typeof(T))
            ? e => ScopeUnrestricted || (ScopeOrganisationIds.Contains(e.OrganisationId)
                   && (ScopeAllDepartments || ScopeDepartmentIds.Contains(((IDepartmentOwned)e).DepartmentId)))
            : e => ScopeUnrestricted || ScopeOrganisationIds.Contains(e.OrganisationId);
        builder.Entity<T>().HasQueryFilter(OrganisationFilter, filter);
    }
}
