namespace Hotline.Ledger.Notices;

/// <summary>The mail server notices are sent through (<c>Hotline:Notices:Smtp</c>).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>Auto</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (MailKit's names).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "hotline@localhost";
    public string FromName { get; set; } = "市长热线办公室";
}
