using System.Globalization;
using Cadre.Core;
using Cadre.Core.Coding.Extract;

namespace Cadre.Bench.Coding;

/// <summary>
/// Writes a synthetic ESR extract in the <c>cadre code</c> input format: a deterministic mix of Healthcare Science roles
/// (assistants to consultants, trainees, managers, two-role posts) across all themes, with current codes that are right,
/// wrong by theme or level, retired T codes and S codes, the way a real recode meets them.
/// </summary>
public static class ExtractGenerator
{
    /// <param name="jobDescriptions">How many distinct job descriptions the posts share (0: every row its own).</param>
    public static void Write(string path, int rows, int jobDescriptions = 5_000, int seed = 42)
    {
        var rnd = new Random(seed);
        var mpce = new List<(string Name, char Theme)>();
        var other = new List<(string Name, char Theme)>();
        using (var r = new StreamReader(ReferenceFiles.Open("occupation-codes/list-of-services.csv")))
            foreach (var row in CsvText.ReadTable(r)) mpce.Add((row["service"], row["theme_char"][0]));
        using (var r = new StreamReader(ReferenceFiles.Open("occupation-codes/areas-of-work.csv")))
            foreach (var row in CsvText.ReadTable(r)) mpce.Add((row["area_of_work"], row["theme_char"][0]));
        using (var r = new StreamReader(ReferenceFiles.Open("occupation-codes/specialism-themes.csv")))
            foreach (var row in CsvText.ReadTable(r)) other.Add((row["specialism"], row["theme_char"][0]));
        string[] tCodes = ["T1Q", "T1P", "T4R", "T4N", "T1H", "T3A", "T7E", "T0R", "T1G", "TAQ", "T8Q", "TBD"];
        string[] sCodes = ["S4F", "S2X", "S4X", "S2N", "S4N", "S4C"];
        string[] departments = ["Medical Physics", "Clinical Engineering", "Estates", "Pathology", "Cardiology", "Audiology", "Radiology", "Oncology"];
        int[][] splits = [[100], [100], [70, 30], [50, 50], [60, 40], [40, 30, 30], [60, 20, 20]];

        var byTheme = mpce.Concat(other).GroupBy(x => x.Theme).ToDictionary(g => g.Key, g => g.ToList());
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        w.WriteLine(string.Join(",", ExtractReader.Columns));
        var post = 0;
        var pool = jobDescriptions > 0 ? Enumerable.Range(0, jobDescriptions).Select(_ => JobDescription()).ToArray() : null;
        for (var i = 0; i < rows; i++)
        {
            // About one post in twenty has two job descriptions: its second role follows on the next row.
            var secondRole = i > 0 && rnd.Next(20) == 0;
            if (!secondRole) post++;
            string[] fields;
            if (pool is null) fields = JobDescription();
            else
            {
                // Posts sharing a job description share its deciding facts; their current coding varies a little.
                var jd = pool[rnd.Next(pool.Length)];
                fields = (string[])jd.Clone();
                var v = rnd.Next(10);
                if (v == 8) fields[6] = CurrentCode(fields[6].Length == 3 ? fields[6][2] : 'H');
                else if (v == 9) fields[6] = "";
                if (rnd.Next(4) == 0) fields[7] = "";
            }
            fields[0] = "P" + post.ToString("D7", CultureInfo.InvariantCulture);
            fields[1] = secondRole ? "second role" : "main role";
            fields[5] = secondRole ? "0.4" : Pick(rnd, "1.0", "1.0", "0.8", "0.6");
            CsvText.WriteRecord(w, fields);
        }
        return;

        string CurrentCode(char theme)
        {
            var currentKind = rnd.Next(100);
            return currentKind < 35 ? $"U{Pick(rnd, "2", "4", "1", "3", "A", "0", "9", "5")}{theme}"
                : currentKind < 55 ? $"U{Pick(rnd, "2", "4")}{Pick(rnd, "H", "J", "E", "A")}"
                : currentKind < 80 ? tCodes[rnd.Next(tCodes.Length)]
                : currentKind < 90 ? sCodes[rnd.Next(sCodes.Length)]
                : "";
        }

        string[] JobDescription()
        {
            var fields = new string[ExtractReader.Columns.Length];
            var source = rnd.Next(10) < 6 ? mpce : other;
            var first = source[rnd.Next(source.Count)];
            var split = splits[rnd.Next(splits.Length)];
            var names = new List<string>(3);
            var pcts = new List<int>(3);
            var sameTheme = byTheme[first.Theme];
            foreach (var pct in split)
            {
                var a = names.Count == 0 ? first : rnd.Next(3) == 0 ? source[rnd.Next(source.Count)] : sameTheme[rnd.Next(sameTheme.Count)];
                var at = names.IndexOf(a.Name);
                if (at >= 0) pcts[at] += pct;
                else { names.Add(a.Name); pcts.Add(pct); }
            }
            var activities = names.Select((n, k) => $"{n}:{pcts[k]}");
            var lifeScience = first.Theme is 'A' or 'B' or 'C' or 'D';
            var kind = rnd.Next(100);
            string entry, band, title, trainee = "none", appointment = "none", manages = "no", direct = "", requires = "yes", registrations = "", specialist = rnd.Next(3) == 0 ? "yes" : "no";
            if (kind < 10) { entry = "assistant"; band = rnd.Next(8) == 0 ? "4" : Pick(rnd, "2", "3"); title = "Healthcare Science Assistant"; }
            else if (kind < 20) { entry = "associate"; band = rnd.Next(8) == 0 ? "3" : "4"; title = "Healthcare Science Associate"; }
            else if (kind < 45) { entry = "practitioner"; band = Pick(rnd, "5", "6", "6", "7"); title = Pick(rnd, "Clinical Technologist", "Healthcare Science Practitioner", "Medical Engineering Technician"); }
            else if (kind < 55 && lifeScience) { entry = "biomedical_scientist"; band = Pick(rnd, "5", "6", "7"); title = "Biomedical Scientist"; registrations = "HCPC Biomedical Scientist"; }
            else if (kind < 85) { entry = "clinical_scientist"; band = Pick(rnd, "7", "8a", "8b"); title = Pick(rnd, "Clinical Scientist", "Principal Clinical Scientist", "Physicist"); registrations = rnd.Next(10) == 0 ? "" : "HCPC Clinical Scientist"; }
            else if (kind < 90) { entry = "consultant"; band = Pick(rnd, "8c", "8d", "9", "8b"); title = "Consultant Clinical Scientist"; appointment = Pick(rnd, "panel", "peer_review", "none"); registrations = "HCPC Clinical Scientist;HSSR"; specialist = "yes"; }
            else if (kind < 95) { entry = "clinical_scientist"; band = "6"; title = "Trainee Clinical Scientist"; trainee = Pick(rnd, "STP", "STP", "PTP", "associate"); }
            else { entry = "clinical_scientist"; band = Pick(rnd, "8a", "8b", "8c", "8d"); title = "Head of Service"; manages = "yes"; direct = rnd.Next(0, 60).ToString(CultureInfo.InvariantCulture); requires = rnd.Next(5) == 0 ? "no" : "yes"; registrations = "HCPC Clinical Scientist"; }

            var current = CurrentCode(first.Theme);
            fields[2] = title;
            fields[3] = departments[rnd.Next(departments.Length)];
            fields[4] = band;
            fields[6] = current;
            fields[7] = rnd.Next(2) == 0 ? first.Name : "";
            fields[8] = entry;
            fields[9] = specialist;
            fields[10] = trainee;
            fields[11] = manages;
            fields[12] = direct;
            fields[13] = requires;
            fields[14] = appointment;
            fields[15] = string.Join(";", activities);
            fields[16] = registrations;
            return fields;
        }
    }

    private static string Pick(Random rnd, params string[] options) => options[rnd.Next(options.Length)];

    /// <summary>
    /// The code lookup an analyst would join the extract to: current code -> new code, from the inferred T-to-U level and
    /// theme suggestions in the reference notes and S-matrix note 16, U codes mapping to themselves.
    /// </summary>
    public static void WriteLookup(string path)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine("current_code,new_code");
        using (var r = new StreamReader(ReferenceFiles.Open("occupation-codes/u-matrix-v22.1.csv")))
            foreach (var row in CsvText.ReadTable(r)) w.WriteLine($"{row["code"]},{row["code"]}");
        using (var r = new StreamReader(ReferenceFiles.Open("occupation-codes/t-matrix-retired.csv")))
            foreach (var row in CsvText.ReadTable(r))
            {
                var level = row["suggested_u_level"].Length > 0 ? row["suggested_u_level"][0] : '2';
                var theme = row["suggested_u_theme"].Length > 0 ? row["suggested_u_theme"][0] : 'H';
                w.WriteLine($"{row["code"]},U{level}{theme}");
            }
        w.WriteLine("S4F,U4H");
    }
}
