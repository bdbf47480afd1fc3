using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cadre.Data.Security;

/// <summary>What sign-in and choosing a password add to Identity, for the web app and `cadre users` alike.</summary>
public static class SignInSecurity
{
    /// <summary>The common-password deny list, the rules' messages in users' words, and the sign-in throttle.</summary>
    public static IdentityBuilder AddCadreSignInSecurity(this IdentityBuilder identity)
    {
        identity.AddPasswordValidator<CommonPasswordValidator>().AddErrorDescriber<CadreIdentityErrors>();
        identity.Services.TryAddSingleton(new SignInThrottleOptions());
        identity.Services.TryAddScoped<SignInThrottle>();
        return identity;
    }
}

/// <summary>Identity's refusals in the words Cadre's pages use (its own name characters such as 'A'-'Z').</summary>
public sealed class CadreIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Your password must be at least {length} characters long" };
    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "Your password must include a number (0 to 9)" };
    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "Your password must include a small letter (a to z)" };
    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "Your password must include a capital letter (A to Z)" };
}
