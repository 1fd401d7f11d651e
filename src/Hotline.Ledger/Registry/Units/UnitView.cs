using Hotline.Ledger.Exports;

namespace Hotline.Ledger.Registry.Units;

public sealed record UnitView(Guid Id, string Code, string Name, DateTimeOffset RegisteredAt) : IViewOf<Unit, UnitView>
{
    static UnitView IViewOf<Unit, UnitView>.Of(Unit unit, IServiceProvider services) => Of(unit);

    public static UnitView Of(Unit u) => new(u.Id, u.Code, u.Name, u.RegisteredAt);

    /// <summary>The columns of the downloaded list (ADR 0082).</summary>
    public static readonly IReadOnlyList<Column<UnitView>> Columns =
    [
        new("单位代码", u => u.Code), new("单位名称", u => u.Name), new("登记时间（北京时间）", u => u.RegisteredAt), new("单位编号", u => u.Id),
    ];
}
