using Cadre.Core.Intelligence;
using Cadre.Core.Register;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>Random registers for the disclosure tests: one to three trusts of small departments, the same seed giving the same register.</summary>
internal static class RandomRegister
{
    private static readonly char[] Themes = ['E', 'F', 'H', 'J'];
    private static readonly string[] Bands = ["4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"];

    public static WorkforceSnapshot Build(int seed)
    {
        var random = new Random(seed);
        var s = new SnapshotBuilder();
        for (var o = 0; o < random.Next(1, 4); o++)
        {
            var trust = s.Organisation($"ZR{o}", $"Trust {o}");
            for (var d = 0; d < random.Next(1, 5); d++)
            {
                var department = s.Department(trust, $"Department {o}.{d}", Themes[random.Next(Themes.Length)]);
                for (var p = 0; p < random.Next(1, 25); p++)
                {
                    var roll = random.Next(10);
                    var post = s.Post(department, Bands[random.Next(Bands.Length)], roll == 0 ? 0m : 1.0m, roll == 0 ? PostStatus.Frozen : roll == 1 ? PostStatus.Vacant : PostStatus.Funded);
                    if (roll <= 1) continue;
                    var person = s.Hold(post, random.Next(2) == 0 ? 1.0m : 0.6m, random.Next(10) == 0 ? null : random.Next(1958, 2003));
                    if (random.Next(6) == 0)
                        s.Enrolments.Add(new(person, (TrainingProgramme)random.Next(4), "Medical Physics", new DateOnly(2023 + random.Next(3), 9, 1),
                            new DateOnly(2026 + random.Next(3), 8, 31), (TrainingStatus)random.Next(4), StudyMode.FullTime));
                    if (random.Next(3) == 0)
                        s.Registrations.Add(new(person, (RegistrationType)random.Next(4), new DateOnly(2026, random.Next(1, 13), 1)));
                }
            }
        }
        return s.Build();
    }
}
