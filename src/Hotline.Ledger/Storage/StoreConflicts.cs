using Npgsql;

namespace Hotline.Ledger.Storage;

/// <summary>
/// Failures that mean "someone else wrote the same thing at the same moment": the transaction rolled
/// back whole and the work can be done again from a fresh read.
/// </summary>
public static class StoreConflicts
{
    // Matched by name: these types move between Marten, Weasel and JasperFx assemblies across versions.
    private static readonly HashSet<string> Names =
    [
        "ConcurrencyException", "EventStreamUnexpectedMaxEventIdException", "ExistingStreamIdCollisionException",
        "DocumentAlreadyExistsException",
    ];

    // The SQL state Marten's quick-append function raises when a stream moved on since it was read.
    private const string StreamVersionMismatch = "MT003";

    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException!)
        {
            if (Names.Contains(e.GetType().Name)) return true;
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or StreamVersionMismatch })
                return true;
            if (e is AggregateException { InnerExceptions.Count: > 1 } many) return many.InnerExceptions.Any(IsConflict);
        }

        return false;
    }
}
