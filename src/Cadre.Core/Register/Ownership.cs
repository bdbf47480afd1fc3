namespace Cadre.Core.Register;

/// <summary>
/// A record that belongs to one organisation. The data layer filters every query and guards every write on this, so a
/// user of one trust can never read or change another trust's rows; later features mark their own records with it.
/// </summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; set; }
}

/// <summary>A record that belongs to one department, so that a service lead's view can be narrowed to their departments.</summary>
public interface IDepartmentOwned : IOrganisationOwned
{
    Guid DepartmentId { get; set; }
}

/// <summary>
/// A record edited by people who may collide: <see cref="Version"/> changes on every save and is checked on update, so a
/// second editor gets "changed by someone else" instead of silently overwriting.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
