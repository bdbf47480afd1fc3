namespace Cadre.Web.Features.People;

public static class PeopleQuery
{
    public static IQueryable<Person> Search(IQueryable<Person> people, string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return people;
        var term = q.Trim().ToLower();
        return people.Where(p => p.GivenName.ToLower().Contains(term) || p.FamilyName.ToLower().Contains(term) || p.StaffNumber.ToLower().Contains(term)
            || (p.GivenName + " " + p.FamilyName).ToLower().Contains(term));
    }
}
