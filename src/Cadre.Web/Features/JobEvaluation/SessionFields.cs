using Cadre.Core.JobEvaluation;
using Cadre.Data.JobEvaluation;

namespace Cadre.Web.Features.JobEvaluation;

/// <summary>
/// The panel session form (date, practitioners with sides, job advisers, "sat as three"), shared by recording a session
/// and changing one so both read, check and show it the same way.
/// </summary>
public sealed class SessionFields
{
    public const int MemberRows = 5;
    public const int AdviserRows = 2;
    public sealed record MemberRow(string Name, PartnershipSide Side, bool Developing);

    public string Date { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
    public List<MemberRow> Members { get; } = [];
    public List<MemberRow> Advisers { get; } = [];
    public bool RestAgreedToSitAsThree { get; set; }
    public Dictionary<string, string> FieldErrors { get; } = [];
    public IReadOnlyList<FormError> Errors { get; private set; } = [];

    public static SessionFields Read(IFormCollection form)
    {
        var fields = new SessionFields { Date = form["date"].ToString() };
        // A session recorded through the API may have more rows than the blank form offers; every row sent is read.
        for (var i = 0; i < MemberRows || (i < 20 && form.ContainsKey($"member-{i}-name")); i++)
            fields.Members.Add(new MemberRow(form[$"member-{i}-name"].ToString().Trim(), form[$"member-{i}-side"] == "staff" ? PartnershipSide.StaffSide : PartnershipSide.Management, form[$"member-{i}-developing"] == "true"));
        for (var i = 0; i < AdviserRows || (i < 20 && form.ContainsKey($"adviser-{i}-name")); i++)
            fields.Advisers.Add(new MemberRow(form[$"adviser-{i}-name"].ToString().Trim(), form[$"adviser-{i}-side"] == "staff" ? PartnershipSide.StaffSide : PartnershipSide.Management, false));
        fields.RestAgreedToSitAsThree = form["sit-as-three"] == "true";
        return fields;
    }

    public static SessionFields From(JePanelSession session)
    {
        var fields = new SessionFields { Date = session.Date.ToString("yyyy-MM-dd"), RestAgreedToSitAsThree = session.RestAgreedToSitAsThree };
        foreach (var m in session.Members.Where(m => !m.IsJobAdviser).OrderBy(m => m.Side).ThenBy(m => m.Name)) fields.Members.Add(new MemberRow(m.Name, m.Side, m.Developing));
        foreach (var m in session.Members.Where(m => m.IsJobAdviser).OrderBy(m => m.Side).ThenBy(m => m.Name)) fields.Advisers.Add(new MemberRow(m.Name, m.Side, false));
        return fields.Padded();
    }

    /// <summary>The session input, or null (with the date error added) when the date cannot be read.</summary>
    public JeSessionInput? ToInput()
    {
        DateOnly? date = DateOnly.TryParse(Date, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        if (date is null && !string.IsNullOrWhiteSpace(Date))
        {
            Add("date", "Enter the date the panel sat as a real date, for example 2026-10-01");
            return null;
        }
        return new JeSessionInput
        {
            Date = date, RestAgreedToSitAsThree = RestAgreedToSitAsThree,
            Members = Members.Select(m => new JeMemberInput(m.Name, m.Side, false, m.Developing))
                .Concat(Advisers.Select(a => new JeMemberInput(a.Name, a.Side, IsJobAdviser: true))).ToList(),
        };
    }

    /// <summary>Puts the service's field-keyed refusals on the form's fields.</summary>
    public void AddErrors(IEnumerable<KeyValuePair<string, string>> errors)
    {
        foreach (var (key, message) in errors) Add(key switch { "Date" => "date", _ => "members" }, message);
    }

    public void Add(string field, string message)
    {
        FieldErrors.TryAdd(field, message);
        Errors = [.. Errors, new FormError(field, message)];
    }

    /// <summary>Empty rows up to the form's size, sides alternating so a blank form suggests a balanced panel.</summary>
    public SessionFields Padded()
    {
        while (Members.Count < MemberRows) Members.Add(new MemberRow("", Members.Count % 2 == 0 ? PartnershipSide.Management : PartnershipSide.StaffSide, false));
        while (Advisers.Count < AdviserRows) Advisers.Add(new MemberRow("", Advisers.Count % 2 == 0 ? PartnershipSide.Management : PartnershipSide.StaffSide, false));
        return this;
    }
}
