using System.Globalization;
using System.Runtime.CompilerServices;
using Cadre.Core.Coding.Reference;
using Cadre.Core.Text;
using Cadre.Core.Register;

namespace Cadre.Core.Coding.Extract;

/// <summary>
/// Reads the <c>cadre code</c> input (one row per role) from a <see cref="TextReader"/>, one row at a time, checking
/// every field. Nothing is guessed: a value that is not what the column allows is a problem naming the row, the column,
/// the value and what is expected.
/// </summary>
public sealed class ExtractReader
{
    public static readonly string[] Columns =
    [
        "post_id", "role", "title", "department", "pay_band", "wte", "current_code", "current_area_of_work", "entry_requirement",
        "specialist", "trainee_programme", "manages_department", "direct_hcs_pct", "requires_hcs_qualification",
        "consultant_appointment", "activities", "registrations",
    ];

    private const int TemplateLimit = 8_192;
    // Once the memo is full, if fewer than one row in twenty has found its job description there, the extract does not
    // repeat job descriptions (every row is its own): stop building and looking up keys, which then only cost time.
    private const int RepeatCheckRows = 4 * TemplateLimit;
    private int _rowsSeen;
    private int _repeatsSeen;
    private bool _memoUseless;
    private readonly CsvRecordReader _csv;
    private readonly ServiceCatalogue _services;
    private readonly List<string> _fields = new(24);
    private readonly int[] _index = new int[Columns.Length];
    private char[] _key = new char[512];
    // Roles that differ only in post, role name and WTE (many posts share one job description) are checked once.
    // Bounded: cleared when full, so memory stays flat however long the extract.
    private readonly Dictionary<string, PostRole> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostRole>.AlternateLookup<ReadOnlySpan<char>> _templatesBySpan;
    // Role names, current codes and Areas of Work repeat down an extract; keep one copy of each (bounded).
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly List<ExtractProblem> _problems = [];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _internedBySpan;
    private readonly Dictionary<string, OccupationCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OccupationCode>.AlternateLookup<ReadOnlySpan<char>> _codesBySpan;

    /// <summary>
    /// The job description of the row last read: one shared object for every row with the same <see cref="CurrentKey"/>
    /// (while the bounded memo holds it), so callers can memoise by reference instead of by string.
    /// </summary>
    public PostRole? CurrentJobDescription { get; private set; }

    /// <summary>
    /// True when <see cref="CurrentJobDescription"/> was already read on an earlier row. Only such job descriptions are
    /// worth memoising: when every row is a different job description, memoising each one costs a dictionary entry and
    /// keeps its decision alive for the garbage collector to copy, and no later row ever uses it.
    /// </summary>
    public bool CurrentJobDescriptionRepeats { get; private set; }
    // Activity names repeat across an extract; remember each spelling's resolution so a million rows resolve a few hundred names.
    private readonly Dictionary<string, ActivityResolution> _resolved = new(StringComparer.Ordinal);

    public ExtractReader(TextReader reader, ServiceCatalogue services)
    {
        _csv = new CsvRecordReader(reader);
        _services = services;
        _templatesBySpan = _templates.GetAlternateLookup<ReadOnlySpan<char>>();
        _internedBySpan = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        _codesBySpan = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Reads the header; returns the problems with it (missing columns, an empty file). Empty means good.</summary>
    public IReadOnlyList<ExtractProblem> ReadHeader()
    {
        if (!_csv.Read(_fields) || (_fields.Count == 1 && _fields[0].Trim().Length == 0))
            return [new ExtractProblem(1, "", "", $"the file is empty; expected a header row with the columns {string.Join(", ", Columns)}")];
        var header = _fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var problems = new List<ExtractProblem>();
        for (var i = 0; i < Columns.Length; i++)
        {
            _index[i] = header.IndexOf(Columns[i]);
            if (_index[i] < 0) problems.Add(new ExtractProblem(1, Columns[i], "", "this column is missing from the header row; expected columns: " + string.Join(", ", Columns)));
        }
        return problems;
    }

    /// <summary>Reads and checks the next data row; false at the end of the file. Blank lines are skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ReadNext(out ExtractRow row)
    {
        while (_csv.Read())
        {
            if (IsBlank()) continue;
            row = Parse(_csv.RecordNumber);
            return true;
        }
        row = null!;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsBlank()
    {
        for (var i = 0; i < _csv.FieldCount; i++) if (!_csv.Field(i).IsWhiteSpace()) return false;
        return true;
    }

    private ReadOnlySpan<char> Span(int column) => _csv.Field(_index[column]).Trim();

    private string Field(int column) => Span(column).ToString();

    private string Interned(int column)
    {
        var span = Span(column);
        if (span.IsEmpty) return "";
        if (_internedBySpan.TryGetValue(span, out var s)) return s;
        s = span.ToString();
        if (_interned.Count < 4_096) _interned[s] = s;
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    // Writes the key into the reused buffer and returns its length: no allocation until a new key must be kept.
    private int BuildKey()
    {
        var n = 0;
        for (var c = 2; c < Columns.Length; c++)
        {
            if (c is 5 or 6 or 7) continue; // WTE and the current coding are per row
            var f = Span(c);
            if (n + f.Length + 1 > _key.Length) Array.Resize(ref _key, Math.Max(_key.Length * 2, n + f.Length + 1));
            f.CopyTo(_key.AsSpan(n));
            n += f.Length;
            _key[n++] = '\u001f';
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ExtractRow Parse(int rowNumber)
    {
        // One list reused for every row; a row keeps its own copy only when it has problems.
        var problems = _problems;
        problems.Clear();
        if (_csv.NotUtf8Field >= 0 || _csv.TooLongField >= 0) return Unreadable(rowNumber, problems);

        var postId = Field(0);
        if (postId.Length == 0) problems.Add(new ExtractProblem(rowNumber, Columns[0], "", "the post id is empty; expected the ESR position number or another id for the post"));

        if (!_memoUseless && ++_rowsSeen == RepeatCheckRows && _repeatsSeen * 20 < _rowsSeen && _templates.Count >= TemplateLimit) _memoUseless = true;
        var keyLength = _memoUseless ? 0 : BuildKey();
        if (!_memoUseless && _templatesBySpan.TryGetValue(_key.AsSpan(0, keyLength), out var template))
        {
            _repeatsSeen++;
            CurrentJobDescription = template;
            CurrentJobDescriptionRepeats = true;
            var wteOnly = ParseWte(rowNumber, problems);
            var currentOnly = ParseCurrentCode(rowNumber, problems);
            return problems.Count > 0
                ? new ExtractRow(rowNumber, null, problems.ToArray())
                : new ExtractRow(rowNumber, template with { PostId = postId, Role = Interned(1), Wte = wteOnly, CurrentCode = currentOnly, CurrentAreaOfWork = Interned(7) }, []);
        }

        var bandText = Field(4);
        // The band is only read when the row has no problems, so the default never reaches the engine.
        var band = PayBand.TryParse(bandText, out var parsed) ? parsed.Value : default;
        if (parsed is null) problems.Add(new ExtractProblem(rowNumber, Columns[4], bandText, "not an Agenda for Change band; expected one of 1-7, 8a, 8b, 8c, 8d, 9"));

        var wte = ParseWte(rowNumber, problems);

        var current = ParseCurrentCode(rowNumber, problems);

        CurrentJobDescription = null;
        CurrentJobDescriptionRepeats = false;
        var entry = Enum(8, Span(8), problems, rowNumber, EntryRequirementsLookup, required: true);
        var specialist = YesNo(9, Span(9), problems, rowNumber, required: true);
        var trainee = Enum(10, Span(10), problems, rowNumber, TraineeProgrammesLookup, required: false) ?? TraineeProgramme.None;
        var manages = YesNo(11, Span(11), problems, rowNumber, required: true);

        var pctText = Span(12);
        var direct = 100m;
        if (pctText.Length > 0 || manages == true)
        {
            if (!decimal.TryParse(pctText.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out direct) || direct < 0 || direct > 100)
                problems.Add(new ExtractProblem(rowNumber, Columns[12], pctText.ToString(), "not a percentage; expected a number from 0 to 100 (the share of time in direct healthcare science, needed for a department manager)"));
        }

        var requires = YesNo(13, Span(13), problems, rowNumber, required: true);
        var appointment = Enum(14, Span(14), problems, rowNumber, AppointmentsLookup, required: false) ?? ConsultantAppointment.None;
        var activities = Activities(Span(15), problems, rowNumber);
        var registrations = Registrations(Span(16));

        if (problems.Count > 0) return new ExtractRow(rowNumber, null, problems.ToArray());
        var role = new PostRole
        {
            PostId = postId,
            Role = Interned(1),
            Title = Interned(2),
            Department = Interned(3),
            PayBand = band,
            Wte = wte,
            CurrentCode = current,
            CurrentAreaOfWork = Interned(7),
            EntryRequirement = entry!.Value,
            Specialist = specialist!.Value,
            TraineeProgramme = trainee,
            ManagesDepartment = manages!.Value,
            DirectHcsPercent = direct,
            RequiresHcsQualification = requires!.Value,
            ConsultantAppointment = appointment,
            Activities = activities,
            Registrations = registrations,
        };
        if (!_memoUseless && _templates.Count < TemplateLimit) _templates[new string(_key, 0, keyLength)] = role; // the first job descriptions seen are the common ones
        CurrentJobDescription = role;
        return new ExtractRow(rowNumber, role, []);
    }

    // A byte that is not UTF-8 or a cell longer than a spreadsheet's: the row is refused by column, never guessed at.
    private ExtractRow Unreadable(int rowNumber, List<ExtractProblem> problems)
    {
        var field = _csv.NotUtf8Field >= 0 ? _csv.NotUtf8Field : _csv.TooLongField;
        var at = Array.IndexOf(_index, field);
        var column = at >= 0 ? Columns[at] : $"{field + 1} (not one Cadre reads)";
        var value = _csv.FieldString(field);
        if (_csv.NotUtf8Field >= 0)
        {
            var bad = value.IndexOf(TextEncodings.NotUtf8);
            problems.Add(new ExtractProblem(rowNumber, column, value[..bad],
                "this value holds a byte that is not UTF-8 text (the value shown is what comes before it); save the file as \"CSV UTF-8\" and upload it again"));
        }
        else
            problems.Add(new ExtractProblem(rowNumber, column, value[..40] + "…",
                $"this value is longer than {InputLimits.Describe(InputLimits.CellCharacters)} characters, more than a spreadsheet cell holds"));
        return new ExtractRow(rowNumber, null, problems.ToArray());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private OccupationCode? ParseCurrentCode(int rowNumber, List<ExtractProblem> problems)
    {
        var text = Span(6);
        if (text.Length == 0) return null;
        if (_codesBySpan.TryGetValue(text, out var known)) return known;
        if (text.Length == 3 && char.IsAsciiLetterOrDigit(text[0]) && char.IsAsciiLetterOrDigit(text[1]) && char.IsAsciiLetterOrDigit(text[2]))
        {
            var code = OccupationCode.Parse(text.ToString());
            if (_codes.Count < 4_096) _codes[text.ToString()] = code;
            return code;
        }
        problems.Add(new ExtractProblem(rowNumber, Columns[6], text.ToString(), "not an occupation code; expected three letters or digits such as U2H or T1Q, or empty for a new post"));
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private decimal ParseWte(int rowNumber, List<ExtractProblem> problems)
    {
        var text = Span(5);
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var wte) && wte > 0 && wte <= 10) return wte;
        problems.Add(new ExtractProblem(rowNumber, Columns[5], text.ToString(), "not a whole-time equivalent; expected a positive number such as 1.0 or 0.6"));
        return 0;
    }

    private static readonly Dictionary<string, EntryRequirement> EntryRequirements = new()
    {
        ["assistant"] = EntryRequirement.Assistant, ["associate"] = EntryRequirement.Associate, ["practitioner"] = EntryRequirement.Practitioner,
        ["clinical_scientist"] = EntryRequirement.ClinicalScientist, ["biomedical_scientist"] = EntryRequirement.BiomedicalScientist,
        ["consultant"] = EntryRequirement.Consultant,
    };

    private static readonly Dictionary<string, TraineeProgramme> TraineeProgrammes = new()
    {
        ["none"] = TraineeProgramme.None, ["stp"] = TraineeProgramme.Stp, ["ptp"] = TraineeProgramme.Ptp,
        ["associate"] = TraineeProgramme.Associate, ["bms"] = TraineeProgramme.Bms, ["hsst"] = TraineeProgramme.Hsst,
    };

    private static readonly Dictionary<string, ConsultantAppointment> Appointments = new()
    {
        ["panel"] = ConsultantAppointment.Panel, ["peer_review"] = ConsultantAppointment.PeerReview, ["none"] = ConsultantAppointment.None,
    };

    // Span lookups made once, so a field is matched without a string being made for it.
    private static readonly Dictionary<string, EntryRequirement>.AlternateLookup<ReadOnlySpan<char>> EntryRequirementsLookup = EntryRequirements.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, TraineeProgramme>.AlternateLookup<ReadOnlySpan<char>> TraineeProgrammesLookup = TraineeProgrammes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, ConsultantAppointment>.AlternateLookup<ReadOnlySpan<char>> AppointmentsLookup = Appointments.GetAlternateLookup<ReadOnlySpan<char>>();

    // Case, spaces and hyphens forgiven ("Clinical Scientist", "peer-review"); anything else is refused with the allowed values.
    private static T? Enum<T>(int column, ReadOnlySpan<char> text, List<ExtractProblem> problems, int row, Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> values, bool required) where T : struct
    {
        if (text.IsEmpty && !required) return null;
        Span<char> key = stackalloc char[32];
        if (text.Length <= key.Length)
        {
            for (var i = 0; i < text.Length; i++) key[i] = text[i] is ' ' or '-' ? '_' : char.ToLowerInvariant(text[i]);
            if (values.TryGetValue(key[..text.Length], out var v)) return v;
        }
        problems.Add(new ExtractProblem(row, Columns[column], text.ToString(),
            (text.IsEmpty ? "empty" : "not an allowed value") + "; expected one of " + string.Join(" | ", values.Dictionary.Keys)));
        return null;
    }

    private static bool? YesNo(int column, ReadOnlySpan<char> text, List<ExtractProblem> problems, int row, bool required)
    {
        if (text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("y", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("n", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        if (text.IsEmpty && !required) return null;
        problems.Add(new ExtractProblem(row, Columns[column], text.ToString(), (text.IsEmpty ? "empty" : "not yes or no") + "; expected yes | no"));
        return null;
    }

    // Registration lists repeat down an extract: one array per spelling (bounded).
    private readonly Dictionary<string, string[]> _registrations = new(StringComparer.Ordinal);

    private string[] Registrations(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return [];
        var lookup = _registrations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known)) return known;
        var whole = text.ToString();
        var list = whole.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (_registrations.Count < 4_096) _registrations[whole] = list;
        return list;
    }

    // One activity ("name:percent") as read before: the same Activity object for every row that names it (bounded).
    private readonly Dictionary<string, (Activity? Activity, ActivityResolution Resolution, string Name)> _activities = new(StringComparer.Ordinal);

    private IReadOnlyList<Activity> Activities(ReadOnlySpan<char> text, List<ExtractProblem> problems, int row)
    {
        const int col = 15;
        if (text.IsEmpty)
        {
            problems.Add(new ExtractProblem(row, Columns[col], "", "empty; expected the role's work as \"service or area:percent;...\" summing to 100, e.g. \"Radiotherapy Physics:80;Radiation Safety:20\""));
            return [];
        }
        var parts = 0;
        foreach (var range in text.Split(';')) if (!text[range].IsWhiteSpace()) parts++;
        var list = new Activity[parts];
        var count = 0;
        var sum = 0m;
        var good = true;
        var lookup = _activities.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in text.Split(';'))
        {
            var part = text[range].Trim();
            if (part.IsEmpty) continue;
            if (!lookup.TryGetValue(part, out var known))
            {
                known = ReadActivity(part.ToString());
                if (_activities.Count < 20_000) _activities[part.ToString()] = known;
            }
            if (known.Activity is null)
            {
                problems.Add(ActivityProblem(row, part.ToString()));
                good = false;
                continue;
            }
            if (known.Resolution.Target is null)
            {
                var hint = known.Resolution.Suggestions.Count > 0 ? $" (did you mean {string.Join(", ", known.Resolution.Suggestions.Select(s => $"'{s}'"))}?)" : "";
                problems.Add(new ExtractProblem(row, Columns[col], known.Name, $"unknown service: {known.Resolution.Problem}{hint}"));
            }
            sum += known.Activity.Percent;
            list[count++] = known.Activity;
        }
        if (count < list.Length) Array.Resize(ref list, count);
        if (good && count > 0 && Math.Abs(sum - 100m) > 0.01m)
            problems.Add(new ExtractProblem(row, Columns[col], text.ToString(), $"the percentages add up to {sum.ToString("0.##", CultureInfo.InvariantCulture)}; expected them to sum to 100"));
        if (count == 0 && problems.All(p => p.Column != Columns[col]))
            problems.Add(new ExtractProblem(row, Columns[col], text.ToString(), "no activities; expected \"service or area:percent;...\" summing to 100"));
        return list;
    }

    // An activity with a good percentage (its name resolved, or not), or no Activity when the percentage is missing or bad.
    private (Activity? Activity, ActivityResolution Resolution, string Name) ReadActivity(string part)
    {
        var colon = part.LastIndexOf(':');
        if (colon <= 0) return (null, NoResolution, part);
        var name = part[..colon].Trim();
        var pctText = part[(colon + 1)..].Trim().TrimEnd('%').Trim();
        if (!decimal.TryParse(pctText, NumberStyles.Number, CultureInfo.InvariantCulture, out var pct) || pct <= 0 || pct > 100)
            return (null, NoResolution, part);
        if (!_resolved.TryGetValue(name, out var resolution))
        {
            resolution = _services.Resolve(name);
            if (_resolved.Count < 10_000) _resolved[name] = resolution;
        }
        return (new Activity(name, pct), resolution, name);
    }

    private static readonly ActivityResolution NoResolution = new(null, null, []);

    private static ExtractProblem ActivityProblem(int row, string part)
    {
        const int col = 15;
        var colon = part.LastIndexOf(':');
        if (colon <= 0) return new ExtractProblem(row, Columns[col], part, "no percentage; expected \"service or area:percent\", e.g. \"Nuclear Medicine:60\"");
        var pctText = part[(colon + 1)..].Trim().TrimEnd('%').Trim();
        return new ExtractProblem(row, Columns[col], part, $"'{pctText}' is not a percentage; expected a number greater than 0 and at most 100");
    }
}
