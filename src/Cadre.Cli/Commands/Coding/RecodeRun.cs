using System.Text;
using Cadre.Core.Coding;
using Cadre.Core.Coding.Extract;

namespace Cadre.Cli.Commands.Coding;

/// <summary>
/// One run of <c>cadre code</c>: reads the extract row by row, checks every row, codes each post as it goes into temporary
/// files, and moves them into place only when the whole file was good. A bad file leaves no output at all.
/// Memory stays flat: only the roles of the post being coded are held.
/// </summary>
public static class RecodeRun
{
    public static int Execute(FileInfo input, FileInfo output, DirectoryInfo? reportDir, DateOnly on, TextWriter stdout, TextWriter stderr)
    {
        if (!input.Exists)
        {
            stderr.WriteLine($"cadre code: cannot find the input file '{input.FullName}'.");
            return 2;
        }
        var outDir = output.Directory ?? new DirectoryInfo(".");
        if (!outDir.Exists)
        {
            stderr.WriteLine($"cadre code: the folder for --out '{outDir.FullName}' does not exist.");
            return 2;
        }

        var engine = CodingEngine.Default;
        var temps = new List<string>();
        string Temp(DirectoryInfo dir, string name)
        {
            var path = Path.Combine(dir.FullName, $".{name}.{Environment.ProcessId}.tmp");
            temps.Add(path);
            return path;
        }

        var summary = new RecodeSummary();
        var succeeded = false;
        var reportDirIsNew = reportDir is not null && !reportDir.Exists;
        try
        {
            var status = Write(input, output, reportDir, on, engine, summary, Temp, stderr);
            if (status != 0) return status;
            foreach (var t in temps) File.Move(t, FinalName(t), overwrite: true);
            succeeded = true;
        }
        finally
        {
            // A refused or failed run leaves nothing behind: no output file, no half-written report.
            if (!succeeded)
            {
                Cleanup(temps);
                if (reportDirIsNew && Directory.Exists(reportDir!.FullName) && !Directory.EnumerateFileSystemEntries(reportDir.FullName).Any())
                    Directory.Delete(reportDir.FullName);
            }
        }

        stdout.WriteLine($"Coded {summary.Roles} roles against Occupation Code Manual v{engine.Reference.Manual.InForceOn(on).Name}: " +
                         $"{summary.Unchanged} unchanged, {summary.Recode} to recode, {summary.Review} to review; " +
                         $"{summary.CodeChanged} ({RecodeSummary.Percent(summary.CodeChanged, summary.Roles)}) currently miscoded.");
        stdout.WriteLine($"Decisions: {output.FullName}");
        if (reportDir is not null) stdout.WriteLine($"Report: {reportDir.FullName} (summary.txt, codes.csv, moves.csv, causes.csv, review.csv, esr-changes.csv)");
        return 0;
    }

    private static int Write(FileInfo input, FileInfo output, DirectoryInfo? reportDir, DateOnly on, CodingEngine engine, RecodeSummary summary,
        Func<DirectoryInfo, string, string> temp, TextWriter stderr)
    {
        var outDir = output.Directory ?? new DirectoryInfo(".");
        if (reportDir is not null) Directory.CreateDirectory(reportDir.FullName);
        RecodeOutcome outcome;
        using (var inReader = new StreamReader(input.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
        using (var decisions = Writer(temp(outDir, output.Name)))
        using (var review = reportDir is null ? null : Writer(temp(reportDir, "review.csv")))
        using (var esr = reportDir is null ? null : Writer(temp(reportDir, "esr-changes.csv")))
        {
            outcome = new ExtractRecoder(engine, on).Run(inReader, decisions, review, esr, p => stderr.WriteLine(p));
        }
        if (outcome.Problems > 0) return Refuse(stderr, input, outcome.Problems, outcome.BadRows, output);
        if (outcome.Summary.Roles == 0)
        {
            stderr.WriteLine($"cadre code: refused {input.Name}: it has a header but no rows; nothing was written to {output.Name}.");
            return 1;
        }
        summary.Merge(outcome.Summary);

        if (reportDir is not null)
        {
            File.WriteAllText(temp(reportDir, "summary.txt"), summary.ToText(input.Name));
            using (var moves = Writer(temp(reportDir, "moves.csv"))) summary.WriteMovesCsv(moves);
            using (var causes = Writer(temp(reportDir, "causes.csv"))) summary.WriteCausesCsv(causes);
            using (var codes = Writer(temp(reportDir, "codes.csv"))) summary.WriteCodesCsv(codes);
        }
        return 0;
    }

    private static string FinalName(string temp)
    {
        var dir = Path.GetDirectoryName(temp)!;
        var name = Path.GetFileName(temp);
        name = name[1..name.LastIndexOf('.', name.LastIndexOf('.') - 1)];
        return Path.Combine(dir, name);
    }

    private static StreamWriter Writer(string path) => new(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };

    private static void Cleanup(IEnumerable<string> temps)
    {
        foreach (var t in temps)
            try { File.Delete(t); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int Refuse(TextWriter stderr, FileInfo input, int problems, int rows, FileInfo output)
    {
        stderr.WriteLine($"cadre code: refused {input.Name}: {problems} problem{(problems == 1 ? "" : "s")} in {rows} row{(rows == 1 ? "" : "s")}; nothing was written to {output.Name}. Correct the file and run again.");
        return 1;
    }
}
