namespace Cadre.Web;

/// <summary>
/// How the generated password of the first administrator reaches the person installing Cadre without being left in
/// the service's log (issue 12): printed only to a terminal; otherwise written to a file only the service's account can
/// read, and the log names the file, never the password.
/// </summary>
public static class FirstAdministratorNotice
{
    public const string FileName = "first-administrator.txt";

    public static string Write(string dataDirectory, string email, string password, bool interactive)
    {
        if (interactive)
            return $"First run: sign in as {email} with the password {password}\n" +
                   "This password is shown only this once. Keep it safe; add more users with `cadre users add`.";
        var path = Path.Combine(dataDirectory, FileName);
        Data.DataFolder.WritePrivate(path, $"Sign in to Cadre as {email} with the password {password}\n" +
            "Delete this file once you have signed in.\n");
        return $"First run: sign in as {email} with the password in {path} (readable only by this account; delete it once you have signed in).";
    }
}
