using Hotline.Ledger.Registry;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Marks;

/// <summary>Whether a liaison may see a mark: when its unit is theirs, or its person is (<see cref="LiaisonScope"/>).</summary>
public static class MarkScope
{
    public static async Task<bool> SeesMark(UnitScope scope, IQuerySession session, Guid markId, CancellationToken cancellation = default)
    {
        if (!scope.Confined) return true;
        if (await session.LoadAsync<Mark>(markId, cancellation) is not { } mark) return false;
        return mark.SubjectKind == SubjectKind.Unit
            ? scope.Sees(mark.SubjectId)
            : await LiaisonScope.SeesPerson(scope, session, mark.SubjectId, cancellation);
    }
}
