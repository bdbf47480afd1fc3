using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cadre.Data.Security;

/// <summary>
/// A failed (or under way) sign-in attempt, kept for one throttle window. In the database rather than in memory so that
/// every instance behind a load balancer counts the same attempts (docs/decisions/sign-in.md).
/// </summary>
public class SignInAttempt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    /// <summary>What was typed as the user name, trimmed and upper-cased: the same key whether or not such an account exists.</summary>
    public string Account { get; set; } = "";
    public string? Address { get; set; }
}

/// <summary>How many failed sign-ins are allowed, per account name and per address, within one window.</summary>
public sealed class SignInThrottleOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Matches Identity's lockout (5 wrong passwords), so a known and an unknown name are refused alike.</summary>
    public int PerAccount { get; set; } = 5;
    /// <summary>
    /// Higher than per account: a whole trust's staff may reach Cadre from one address (a proxy or NAT), so this limit
    /// is against one machine trying many names (password spraying), not against one person mistyping.
    /// </summary>
    public int PerAddress { get; set; } = 50;
}

/// <summary>
/// A sliding window of failed sign-ins. An attempt is written <em>before</em> the password is checked and the count
/// then includes it, so instances racing on the same name cannot each slip in under the limit. A refused attempt is
/// removed again: it did not try a password, so it does not lengthen the wait. A success clears the name's attempts.
/// </summary>
public sealed class SignInThrottle(CadreDbContext db, SignInThrottleOptions options)
{
    public const int AccountLength = 256;
    public SignInThrottleOptions Options => options;

    public static string AccountKey(string typed)
    {
        var key = typed.Trim().ToUpperInvariant();
        return key.Length <= AccountLength ? key : key[..AccountLength];
    }

    /// <summary>Records an attempt and answers how long the caller must wait, or null when the attempt may go ahead.</summary>
    public async Task<(Guid Attempt, TimeSpan? Wait)> BeginAsync(string account, string? address, DateTime now, CancellationToken cancel)
    {
        var since = now - options.Window;
        // Housekeeping: attempts older than the window count for nothing.
        await db.SignInAttempts.Where(a => a.At < since).ExecuteDeleteAsync(cancel);
        var attempt = new SignInAttempt { At = now, Account = account, Address = address };
        db.SignInAttempts.Add(attempt);
        await db.SaveChangesAsync(cancel);
        db.Entry(attempt).State = EntityState.Detached;

        var wait = await WaitAsync(account, address, now, exclude: attempt.Id, cancel);
        if (wait is not null) await ForgetAsync(attempt.Id, cancel);
        return (attempt.Id, wait);
    }

    /// <summary>After a failure: how long the name or address must now wait (null while under both limits).</summary>
    public Task<TimeSpan?> WaitAfterFailureAsync(string account, string? address, DateTime now, CancellationToken cancel) =>
        WaitAsync(account, address, now, exclude: null, cancel);

    /// <summary>After a success the name starts afresh (as Identity resets its count of wrong passwords).</summary>
    public Task SucceededAsync(string account, CancellationToken cancel) =>
        db.SignInAttempts.Where(a => a.Account == account).ExecuteDeleteAsync(cancel);

    private Task ForgetAsync(Guid attempt, CancellationToken cancel) =>
        db.SignInAttempts.Where(a => a.Id == attempt).ExecuteDeleteAsync(cancel);

    private async Task<TimeSpan?> WaitAsync(string account, string? address, DateTime now, Guid? exclude, CancellationToken cancel)
    {
        var since = now - options.Window;
        var byAccount = await db.SignInAttempts.AsNoTracking().Where(a => a.Account == account && a.At >= since && a.Id != exclude)
            .OrderByDescending(a => a.At).Select(a => a.At).Take(options.PerAccount).ToListAsync(cancel);
        var byAddress = address is null ? [] : await db.SignInAttempts.AsNoTracking().Where(a => a.Address == address && a.At >= since && a.Id != exclude)
            .OrderByDescending(a => a.At).Select(a => a.At).Take(options.PerAddress).ToListAsync(cancel);
        // Like a lockout: once the limit is reached the wait runs a whole window from the latest failure, so the time
        // told does not depend on how the failures were spread (a known account's lockout behaves the same way).
        DateTime? until = null;
        if (byAccount.Count >= options.PerAccount) until = byAccount[0] + options.Window;
        if (byAddress.Count >= options.PerAddress && (until is null || byAddress[0] + options.Window > until)) until = byAddress[0] + options.Window;
        return until is { } u && u > now ? u - now : null;
    }

    /// <summary>The words the page shows: whole minutes, rounded up, at least one.</summary>
    public static string Message(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return $"Too many sign-in attempts. Try again in {minutes} {(minutes == 1 ? "minute" : "minutes")}.";
    }
}

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> b)
    {
        b.ToTable("SignInAttempts");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Account).HasMaxLength(SignInThrottle.AccountLength).IsRequired();
        b.Property(a => a.Address).HasMaxLength(64);
        b.HasIndex(a => new { a.Account, a.At });
        b.HasIndex(a => new { a.Address, a.At });
        b.HasIndex(a => a.At);
    }
}
