namespace Hotline.Ledger.Registry.People;

/// <summary>The rules of a person's moves between units, on the person as the ledger holds them: pure, no store.</summary>
public static class PersonMoves
{
    public static Rejection? RefuseRegistration(RegisterPerson command, DateOnly today) =>
        command.EffectiveOn is { } on && on > today ? Rejection.Invalid("effectiveOn", "person.effectiveOn.future", today) : null;

    public static Rejection? RefuseTransfer(Person person, TransferPerson command, DateOnly today)
    {
        if (command.EffectiveOn > today) return Rejection.Invalid("effectiveOn", "person.effectiveOn.future", today);
        var current = person.Current;
        // A person who left may join a unit again, from a day after the last one they belonged to.
        if (current.To is { } left)
            return command.EffectiveOn <= left ? Rejection.Invalid("effectiveOn", "person.effectiveOn.afterLeaving", left) : null;
        if (command.EffectiveOn <= current.From) return Rejection.Invalid("effectiveOn", "person.effectiveOn.beforeJoining", current.From);
        return command.ToUnitId == current.UnitId ? Rejection.Invalid("toUnitId", "person.toUnitId.same") : null;
    }

    public static Rejection? RefuseDeparture(Person person, RecordDeparture command, DateOnly today)
    {
        var current = person.Current;
        if (current.To is { } left) return Rejection.Conflict("lastDay", "person.left", left);
        if (command.LastDay > today) return Rejection.Invalid("lastDay", "person.lastDay.future", today);
        return command.LastDay < current.From ? Rejection.Invalid("lastDay", "person.lastDay.beforeJoining", current.From) : null;
    }

    public static PersonTransferred Transfer(Person person, TransferPerson command, string actor) =>
        new(person.Id, person.Current.UnitId, command.ToUnitId, command.EffectiveOn, actor);

    public static PersonLeft Depart(Person person, RecordDeparture command, string actor) =>
        new(person.Id, person.Current.UnitId, command.LastDay, actor);
}
