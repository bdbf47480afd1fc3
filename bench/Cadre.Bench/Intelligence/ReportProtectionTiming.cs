using System.Diagnostics;
using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Bench.Intelligence;

/// <summary>
/// <c>report-protection [posts...]</c>: builds the three workforce reports under disclosure control over a generated
/// register of the given size (default 150, 1,500 and 6,000 posts) and prints the time each takes once warm, so the cost
/// of complementary suppression (the whole-report elimination) can be seen as registers grow. See docs/benchmarks.md.
/// </summary>
public static class ReportProtectionTiming
{
    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [150, 1_500, 6_000];
        Console.WriteLine("posts\tdepartments\thead of service (viewer) ms\tbenchmark ms\tprofession ms\thidden cells (hos/bench/prof)");
        foreach (var posts in sizes)
        {
            var snapshot = Register(posts, seed: 20261202);
            Report? hos = null, bench = null, profession = null;
            // One untimed run to warm the JIT, then the best of three.
            var times = new[] { 0, 1, 2 }.Select(_ => new[]
            {
                Time(() => hos = HeadOfServiceReport.Build(snapshot, control: true)),
                Time(() => bench = OrganisationBenchmark.Build(snapshot)),
                Time(() => profession = ProfessionReport.Build(snapshot)),
            }).Skip(1).ToList();
            static int Hidden(Report r) => r.Tables.Sum(t => t.Rows.Sum(row => row.Count(c => c is Disclosure.Suppressed)));
            Console.WriteLine($"{posts}\t{snapshot.Departments.Count}\t{times.Min(t => t[0]):0}\t{times.Min(t => t[1]):0}\t{times.Min(t => t[2]):0}\t{Hidden(hos!)}/{Hidden(bench!)}/{Hidden(profession!)}");
        }
        return 0;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Three trusts of departments of about 25 posts each, nine in ten filled, with ages, enrolments and registrations.</summary>
    private static WorkforceSnapshot Register(int postCount, int seed)
    {
        var random = new Random(seed);
        char[] themes = ['E', 'F', 'H', 'J'];
        var organisations = Enumerable.Range(0, 3).Select(i => new OrganisationRow(Guid.NewGuid(), $"ZB{i}", $"Trust {i}")).ToList();
        var departments = Enumerable.Range(0, Math.Max(1, postCount / 25))
            .Select(i => new DepartmentRow(Guid.NewGuid(), organisations[i % 3].Id, $"Department {i}", themes[random.Next(themes.Length)])).ToList();
        var posts = new List<PostRow>();
        var holders = new List<HolderRow>();
        var people = new List<PersonRow>();
        var enrolments = new List<EnrolmentRow>();
        var registrations = new List<RegistrationRow>();
        string[] bands = ["4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"];
        for (var i = 0; i < postCount; i++)
        {
            var d = departments[random.Next(departments.Count)];
            var roll = random.Next(10);
            var post = new PostRow(Guid.NewGuid(), d.OrganisationId, d.Id, "Clinical Scientist", PayBand.Parse(bands[random.Next(bands.Length)]), 1.0m,
                roll == 0 ? PostStatus.Frozen : PostStatus.Funded, null, TraineeProgramme.None, [], []);
            posts.Add(post);
            if (roll == 0) continue;
            var person = Guid.NewGuid();
            people.Add(new PersonRow(person, random.Next(1958, 2003)));
            holders.Add(new HolderRow(post.Id, person, 1.0m));
            if (random.Next(8) == 0)
                enrolments.Add(new EnrolmentRow(person, (TrainingProgramme)random.Next(4), "Medical Physics", new DateOnly(2024, 9, 1), new DateOnly(2027, 8, 31), TrainingStatus.Active, StudyMode.FullTime));
            if (random.Next(2) == 0) registrations.Add(new RegistrationRow(person, RegistrationType.HcpcClinicalScientist, new DateOnly(2027, random.Next(1, 13), 1)));
        }
        return new WorkforceSnapshot
        {
            On = new DateOnly(2026, 12, 2), Organisations = organisations, Departments = departments, Posts = posts, Holders = holders,
            People = people, Enrolments = enrolments, Registrations = registrations,
        };
    }
}
