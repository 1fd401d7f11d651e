using Hotline.Ledger.Cases.Rates;
using Hotline.Ledger.Exports;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Security;

namespace Hotline.Ledger.Scoring;

public static class ScoreEndpoints
{
    /// <summary>A unit's scorecard (JSON), or its table with <c>?format=csv|xlsx</c>; the read is put on file against the unit.</summary>
    [WolverineGet("/api/units/{id}/score", OperationId = "unitScore")]
    [AuditedRead(ReadKind.ScoreReplay, ReadSubject.RouteUnit)]
    public static Task<JsonOrFile<Scorecard>> UnitScore(Guid id, ScoreQuery query, IQuerySession session, RulebookCatalog rulebooks,
        HttpContext http, string? rulebook, string? format) =>
        Score<Unit>(session, rulebooks, http, SubjectKind.Unit, id, query, rulebook, format,
            u => new ScoreSubject("unit", u.Id, u.Name, u.Code));

    /// <summary>A person's scorecard for the days they belonged to a unit, or its table; the read is put on file against the person.</summary>
    [WolverineGet("/api/people/{id}/score", OperationId = "personScore")]
    [AuditedRead(ReadKind.ScoreReplay, ReadSubject.RoutePerson)]
    public static Task<JsonOrFile<Scorecard>> PersonScore(Guid id, ScoreQuery query, IQuerySession session, RulebookCatalog rulebooks,
        HttpContext http, string? rulebook, string? format) =>
        Score<Person>(session, rulebooks, http, SubjectKind.Person, id, query, rulebook, format,
            p => new ScoreSubject("person", p.Id, p.Name, null), NotAMember, (p, q, card) => card with { Memberships = q.MembershipsOf(p) });

    /// <summary>A person is scored only for the days they belonged to a unit: a year without one has no score (ADR 0065).</summary>
    private static ProblemDetails? NotAMember(Person person, ScoreQuery q) =>
        q.Scores(person)
            ? null
            : new ProblemDetails
            {
                Title = ProblemText.Of("person.notAMember.title"),
                Detail = ProblemText.Of("person.notAMember", person.Id, q.Year, q.YearStart, q.LastCountedDay),
                Status = StatusCodes.Status404NotFound,
                Extensions = { [Problems.CodeKey] = "person.notAMember", ["year"] = q.Year },
            };

    /// <summary>
    /// The subject, its entries and its marks in one round trip (ADR 0046), while the read's record is being written
    /// (ADR 0194). An unknown subject is a 404, a problem the endpoint answers, so its record is withdrawn.
    /// </summary>
    private static async Task<JsonOrFile<Scorecard>> Score<TSubject>(IQuerySession session, RulebookCatalog rulebooks, HttpContext http,
        SubjectKind kind, Guid id, ScoreQuery query, string? rulebook, string? format, Func<TSubject, ScoreSubject> describe,
        Func<TSubject, ScoreQuery, ProblemDetails?>? refuse = null, Func<TSubject, ScoreQuery, Scorecard, Scorecard>? complete = null)
        where TSubject : class
    {
        var (export, unknown) = TableExport.Asked(http.Request, format);
        if (unknown is not null) return JsonOrFile<Scorecard>.Refused(unknown);
        // '?rulebook=draft:ID' scores under a draft (ADR 0091); without it, under the rulebook in force.
        var (draft, refusal) = await DraftScorecards.Resolve(session, http, rulebook);
        if (refusal is not null) return JsonOrFile<Scorecard>.Refused(refusal);
        // The counters on a connection of their own, read while the batch runs (ADR 0179).
        var counts = RateReader.CountsApart(session, kind, id, query, http.RequestAborted);
        var batch = session.CreateBatchQuery();
        var subjectRow = batch.Load<TSubject>(id);
        var rows = SubjectCards.Queue(batch, kind, id, query);
        await batch.Execute(http.RequestAborted);
        if (await subjectRow is not { } subject)
        {
            await counts;
            return JsonOrFile<Scorecard>.Refused(Problems.NotFoundProblem(kind == SubjectKind.Unit ? "unit" : "person", id));
        }

        if (refuse?.Invoke(subject, query) is { } notScored)
        {
            await counts;
            return JsonOrFile<Scorecard>.Refused(notScored);
        }

        var inForce = rulebooks.ForScoring(query.Year, query.AsOf)!;
        var card = draft is null
            ? await SubjectCards.Compute(session, inForce, kind, describe(subject), query, rows, counts)
            : await DraftScorecards.Compute(session, inForce, draft, kind, describe(subject), query, rows, counts);
        if (export is { } chosen)
            return JsonOrFile<Scorecard>.File(TableExport.File(http.Request, chosen, $"{(kind == SubjectKind.Unit ? "unit" : "person")}-score-{query.Year}",
                $"{card.Subject.Name} {query.Year}年度考评表", ScoreLine.Columns, ScoreLine.Of(card)));
        return JsonOrFile<Scorecard>.Json(complete is null ? card : complete(subject, query, card));
    }

    /// <summary>Every unit ranked (JSON), or the ranking as a table (ADR 0085); every unit's score is replayed, so the read is on file without a subject.</summary>
    [WolverineGet("/api/rankings", OperationId = "rankings")]
    [AuditedRead(ReadKind.ScoreReplay)]
    public static async Task<JsonOrFile<IReadOnlyList<RankedUnit>>> Rankings(ScoreQuery query, IQuerySession session, RulebookCatalog rulebooks, string? format)
    {
        if (TableExport.Refusal(format) is { } badFormat) return JsonOrFile<IReadOnlyList<RankedUnit>>.Refused(badFormat);
        var rulebook = rulebooks.ForScoring(query.Year, query.AsOf)!;
        var ranking = await Ranking.Units(session, rulebook, query);
        var (json, download) = TableExport.Choose(format, () => new SheetTable("ranking", "排名",
            [new("rank", "名次"), new("code", "单位代码"), new("name", "单位名称"), new("criteriaTotal", "基础分"), new("bonusTotal", "加分", true),
             new("deductionTotal", "减分", true), new("total", "总分")],
            ranking.Select(r => new object?[] { r.Rank, r.Code, r.Name, r.CriteriaTotal, r.BonusTotal, r.DeductionTotal, r.Total }).ToList()),
            $"ranking-{query.Year}-{query.AsOf:yyyy-MM-dd}");
        return json ? JsonOrFile<IReadOnlyList<RankedUnit>>.Json(ranking) : JsonOrFile<IReadOnlyList<RankedUnit>>.File(download!);
    }
}
