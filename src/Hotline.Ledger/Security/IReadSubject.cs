namespace Hotline.Ledger.Security;

/// <summary>An answer that names whose records it shows, so that its read is recorded against them.</summary>
public interface IReadSubject
{
    Guid? UnitId { get; }
    Guid? PersonId { get; }
}
