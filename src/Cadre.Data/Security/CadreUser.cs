using Microsoft.AspNetCore.Identity;

namespace Cadre.Data.Security;

/// <summary>A person who signs in to Cadre (not to be confused with <see cref="Core.Register.Person"/>, a member of staff on the register).</summary>
public class CadreUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>
    /// Set when someone else chose the password (a one-time password from an administrator or the command line): until
    /// the user picks their own, every page but "Change your password" and sign-out sends them there.
    /// </summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The organisations whose register this user may see; nothing else is visible to them.</summary>
    public List<UserOrganisation> Organisations { get; set; } = [];
    /// <summary>For service leads: the departments they may see and change. Empty for every other role.</summary>
    public List<UserDepartmentScope> Departments { get; set; } = [];
}

/// <summary>Membership of a user in an organisation.</summary>
public class UserOrganisation
{
    public string UserId { get; set; } = "";
    public CadreUser? User { get; set; }
    public Guid OrganisationId { get; set; }
    public Core.Register.Organisation? Organisation { get; set; }
}

/// <summary>A department a service lead is responsible for.</summary>
public class UserDepartmentScope
{
    public string UserId { get; set; } = "";
    public CadreUser? User { get; set; }
    public Guid DepartmentId { get; set; }
    public Core.Register.Department? Department { get; set; }
}

/// <summary>The roles of the issue, as Identity role names. What each may do is decided by the web app's policies.</summary>
public static class CadreRoles
{
    public const string Administrator = "Administrator";
    public const string WorkforceInformation = "WorkforceInformation";
    public const string ServiceLead = "ServiceLead";
    public const string JobEvaluationPanel = "JobEvaluationPanel";
    public const string Viewer = "Viewer";

    /// <summary>
    /// Keeps the national job evaluation library, which every organisation matches against: imports suites. Not an
    /// organisation's role, so it is not in <see cref="All"/> and an organisation's administrator cannot grant it; it is
    /// given with <c>cadre users add --role national-library</c> by whoever runs the service (docs/decisions/je-library-access.md).
    /// </summary>
    public const string NationalLibrary = "NationalLibrary";

    /// <summary>The roles an organisation's administrator gives to the organisation's users.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, WorkforceInformation, ServiceLead, JobEvaluationPanel, Viewer];

    /// <summary>Every role the database holds: the organisation roles and <see cref="NationalLibrary"/>.</summary>
    public static IReadOnlyList<string> Stored { get; } = [.. All, NationalLibrary];

    /// <summary>Roles that may see people's personal details (names, year of birth, registrations) and export them.</summary>
    public static IReadOnlyList<string> SeePersonalDetails { get; } = [Administrator, WorkforceInformation, ServiceLead];

    public static bool MaySeePersonalDetails(IEnumerable<string> roles) => roles.Any(r => SeePersonalDetails.Contains(r, StringComparer.OrdinalIgnoreCase));

    /// <summary>Accepts the names people type ("workforce-information", "Service lead") and returns the canonical one.</summary>
    public static string? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = new string(name.Where(char.IsLetter).ToArray());
        return All.FirstOrDefault(r => string.Equals(r, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// As <see cref="Find"/>, including <see cref="NationalLibrary"/>: for the command line only, which whoever runs
    /// the service uses. The users page uses <see cref="Find"/>, so an organisation's administrator cannot grant it.
    /// </summary>
    public static string? FindStored(string? name) =>
        Find(name) ?? (name is not null && string.Equals(new string(name.Where(char.IsLetter).ToArray()), NationalLibrary, StringComparison.OrdinalIgnoreCase) ? NationalLibrary : null);

    /// <summary>Identity options Cadre uses everywhere (web sign-in and the CLI): strong passwords, lockout, unique emails.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
