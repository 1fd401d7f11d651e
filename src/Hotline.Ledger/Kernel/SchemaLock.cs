namespace Hotline.Ledger.Kernel;

/// <summary>
/// Advisory-lock keys that belong to one ledger's schema. PostgreSQL's advisory locks are per database, and several
/// ledgers can share one (test hosts, benchmark schemas): a key taken from the purpose and the schema serialises the
/// writers of one ledger without holding up those of another.
/// </summary>
public static class SchemaLock
{
    public static long Key(string purpose, string schema)
    {
        // A stable hash (string.GetHashCode is randomised per process), so every node takes the same key.
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"hotline-{purpose}:{schema}"));
        return BitConverter.ToInt64(bytes, 0);
    }
}
