namespace Cadre.Core.Coding;

/// <summary>
/// INTEL-COD-01, defined once for the coding review page, the reports and the API: roles (one per job description) whose
/// recorded occupation code differs from the code the engine proposes, as a share of the roles the engine could propose
/// a code for. Roles that need a person's review have no proposed code, so they are neither miscoded nor counted in the
/// denominator; every page states the denominator beside the figure (docs/decisions/one-definition-per-figure.md).
/// </summary>
/// <param name="Roles">Every role checked.</param>
/// <param name="Proposed">Roles with a proposed code: the denominator.</param>
/// <param name="Miscoded">Roles whose recorded code differs from the proposed one.</param>
public readonly record struct MiscodedShare(int Roles, int Proposed, int Miscoded)
{
    /// <summary>A code was proposed and the recorded one (if any) differs from it.</summary>
    public static bool IsMiscoded(string? recordedCode, OccupationCode? proposed) =>
        proposed is { } p && !string.Equals(recordedCode?.Trim(), p.ToString(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Roles left out of the denominator because the engine could not propose a code without a person.</summary>
    public int WithoutProposal => Roles - Proposed;

    /// <summary>One decimal place, half away from zero (the reports' convention); null when no code could be proposed.</summary>
    public decimal? Percent => Proposed == 0 ? null : Math.Round(Miscoded * 100m / Proposed, 1, MidpointRounding.AwayFromZero);

    public static MiscodedShare operator +(MiscodedShare a, MiscodedShare b) =>
        new(a.Roles + b.Roles, a.Proposed + b.Proposed, a.Miscoded + b.Miscoded);
}
