namespace Hotline.Ledger.Benchmarks.City;

public sealed record CityUnit(int Index, Guid Id, string Code, string Name, int CaseWeight);

/// <summary>A spell in one unit; <see cref="To"/> inclusive, null while it lasts.</summary>
public sealed record CitySpell(int Unit, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date <= To);
}

public sealed class CityPerson(int index, Guid id, string name, List<CitySpell> spells)
{
    public int Index { get; } = index;
    public Guid Id { get; } = id;
    public string Name { get; } = name;
    public IReadOnlyList<CitySpell> Spells { get; } = spells;

    public int UnitOn(DateOnly date)
    {
        foreach (var s in Spells) if (s.Covers(date)) return s.Unit;
        return Spells[0].Unit;
    }
}

/// <summary>
/// The city's cast, decided up front from the seed: units with their case load, people with their
/// memberships over the years (transfers included), so that every generated fact names a person in
/// the unit they belonged to on its date.
/// </summary>
public sealed class CityPlan
{
    private static readonly string[] Departments =
    [
        "住房和城乡建设局", "交通运输局", "水利局", "自然资源和规划局", "生态环境局", "城市管理局", "市场监督管理局", "人力资源和社会保障局",
        "教育局", "卫生健康委员会", "民政局", "公安局", "农业农村局", "商务局", "文化广电和旅游局", "应急管理局", "医疗保障局", "税务局",
        "供电公司", "自来水公司", "燃气公司", "公共交通公司", "退役军人事务局", "信访局",
    ];

    private static readonly string[] Districts = ["浉河区", "平桥区", "罗山县", "光山县", "新县", "商城县", "固始县", "潢川县", "淮滨县", "息县"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华"];

    public required CityScale Scale { get; init; }
    public required IReadOnlyList<CityUnit> Units { get; init; }
    public required IReadOnlyList<CityPerson> People { get; init; }

    /// <summary>Per unit, the people who ever belonged to it with the spell.</summary>
    public required IReadOnlyList<IReadOnlyList<(CityPerson Person, CitySpell Spell)>> Rosters { get; init; }

    private int[]? _cumulativeWeights;

    public static CityPlan Build(CityScale scale, int seed)
    {
        var rng = new Random(seed);
        var founding = OfficeCalendar.EndOf(scale.Founding.AddDays(-1));
        var units = Enumerable.Range(0, scale.Units).Select(i =>
        {
            var name = i < Departments.Length ? "信阳市" + Departments[i] : Districts[i % Districts.Length] + Departments[i % Departments.Length] + $"（{i / Departments.Length}）";
            return new CityUnit(i, SeededIds.Next(rng, founding), $"U{i + 1:D4}", name, CaseWeight: 1 + rng.Next(8));
        }).ToList();

        // Everyone is on a unit's staff from the founding day, when the registry is loaded.
        var firstDay = scale.Founding;
        var people = new List<CityPerson>(scale.People);
        for (var p = 0; p < scale.People; p++)
        {
            // Everyone starts somewhere; about 8% a year move to another unit on a working day of the year.
            var spells = new List<CitySpell> { new(p % scale.Units, firstDay, null) };
            for (var year = scale.FirstYear; year <= scale.LastYear; year++)
            {
                if (rng.NextDouble() >= 0.08) continue;
                var on = new DateOnly(year, 1, 1).AddDays(1 + rng.Next(360));
                var current = spells[^1];
                if (on <= current.From) continue;
                var to = (current.Unit + 1 + rng.Next(scale.Units - 1)) % scale.Units;
                spells[^1] = current with { To = on.AddDays(-1) };
                spells.Add(new CitySpell(to, on, null));
            }

            var name = Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)] + (p >= 400 ? $"{p}" : "");
            people.Add(new CityPerson(p, SeededIds.Next(rng, founding), name, spells));
        }

        var rosters = Enumerable.Range(0, scale.Units).Select(_ => new List<(CityPerson, CitySpell)>()).ToList();
        foreach (var person in people)
        foreach (var spell in person.Spells)
            rosters[spell.Unit].Add((person, spell));

        return new CityPlan { Scale = scale, Units = units, People = people, Rosters = rosters };
    }

    /// <summary>A random member of the unit on the date, or null when it has none then.</summary>
    public CityPerson? MemberOn(Random rng, int unit, DateOnly date)
    {
        var roster = Rosters[unit];
        if (roster.Count == 0) return null;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var (person, spell) = roster[rng.Next(roster.Count)];
            if (spell.Covers(date)) return person;
        }

        foreach (var (person, spell) in roster) if (spell.Covers(date)) return person;
        return null;
    }

    /// <summary>A unit drawn in proportion to its case load.</summary>
    public int CaseUnit(Random rng)
    {
        if (_cumulativeWeights is null)
        {
            var sums = new int[Units.Count];
            for (int i = 0, total = 0; i < sums.Length; i++) sums[i] = total += Units[i].CaseWeight;
            _cumulativeWeights = sums;
        }

        var pick = rng.Next(_cumulativeWeights[^1]);
        var at = Array.BinarySearch(_cumulativeWeights, pick);
        // An exact hit on a running total belongs to the next unit; a miss gives the first total above.
        return at >= 0 ? at + 1 : ~at;
    }
}
