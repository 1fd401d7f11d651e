using System.Text;
using Hotline.Ledger.Appeals;
using Hotline.Ledger.Commendations.Plans;
using Hotline.Ledger.Evaluation.YearEnd;
using Hotline.Ledger.Entries;
using Hotline.Ledger.Registry.People;
using Hotline.Ledger.Registry.Units;
using Hotline.Ledger.Rulebooks;

namespace Hotline.Ledger.Notices;

/// <summary>Writes a raised notice out in full, in Chinese: the unit, the case or entry, the clause, the points, the deadline.</summary>
public static class NoticeComposer
{
    public static async Task<Notice> Compose(NoticeRaised raised, IQuerySession session, RulebookCatalog rulebooks, DateTimeOffset now, CancellationToken ct)
    {
        var notice = new Notice
        {
            Id = raised.NoticeId, Kind = raised.Kind, KindLabel = NoticeKinds.Labels.GetValueOrDefault(raised.Kind, raised.Kind),
            UnitId = raised.UnitId, PersonId = raised.PersonId, EntryId = raised.EntryId, CaseNumber = raised.CaseNumber,
            Clause = raised.Clause, Points = raised.Points, DueAt = raised.DueAt, SubjectId = raised.SubjectId, RaisedAt = now,
        };
        var rulebookId = raised.Rulebook;

        // A rescission and an appeal's decision name only their entry or appeal: the rest is read from it.
        if (raised.Kind == NoticeKinds.EntryRescinded && raised.EntryId is { } entryId && await session.LoadAsync<Entry>(entryId, ct) is { } entry)
        {
            (notice.UnitId, notice.PersonId, notice.CaseNumber, notice.Clause, notice.Points) = (entry.UnitId, entry.PersonId, entry.CaseNumber, entry.Clause, entry.Points);
            notice.Month = entry.Month;
            rulebookId = entry.Rulebook;
        }
        else if (raised.Kind == NoticeKinds.AppealDecided && raised.SubjectId is { } appealId && await session.LoadAsync<Appeal>(appealId, ct) is { } appeal)
        {
            (notice.UnitId, notice.PersonId, notice.EntryId, notice.Clause) = (appeal.UnitId, appeal.PersonId, appeal.EntryId, appeal.Clause);
            notice.Points ??= appeal.ContestedPoints;
            rulebookId = appeal.Rulebook;
        }

        if (raised.Kind == NoticeKinds.ReportDueSoon) notice.Month = raised.Detail;
        var year = raised.Kind switch
        {
            NoticeKinds.EvaluationReturned or NoticeKinds.EvaluationApproved when raised.SubjectId is { } e =>
                (await session.LoadAsync<YearEndEvaluation>(e, ct))?.Year,
            NoticeKinds.PlanReturned or NoticeKinds.PlanApproved when raised.SubjectId is { } p =>
                (await session.LoadAsync<CommendationPlan>(p, ct))?.Year,
            _ => null,
        };
        if (notice.UnitId is { } unitId && await session.LoadAsync<Unit>(unitId, ct) is { } unit)
            (notice.UnitCode, notice.UnitName) = (unit.Code, unit.Name);
        if (notice.PersonId is { } personId && await session.LoadAsync<Person>(personId, ct) is { } person)
            notice.PersonName = person.Name;
        if (notice.Clause is { } code)
        {
            var rulebook = rulebookId is not null ? rulebooks.Get(rulebookId) : rulebooks.InForceOn(OfficeCalendar.DateOf(now));
            // The rulebook carries the measures' own Chinese wording as the title.
            notice.ClauseText = rulebook?.Find(code)?.Title ?? code;
        }

        notice.Title = TitleOf(notice, raised, year);
        notice.Text = TextOf(notice, raised);
        return notice;
    }

    private static string TitleOf(Notice n, NoticeRaised raised, int? year)
    {
        var of = year is { } y ? $"{y}年度" : "";
        var who = n.UnitName is not null ? $"{n.UnitName}：" : "";
        return n.Kind switch
        {
            NoticeKinds.ReplyDueSoon => $"{who}交办事项{n.CaseNumber}回复期限将至（{Local(n.DueAt)}）",
            NoticeKinds.ReportDueSoon => $"{who}{MonthText(n.Month)}工作情况尚未向市长热线办公室通报，期限{Local(n.DueAt)}",
            NoticeKinds.WarningRed when n.CaseNumber is null =>
                $"{who}{(n.PersonName is not null ? n.PersonName + "：" : "")}{n.Clause}亮红灯，本项不得分",
            NoticeKinds.WarningRed => $"{who}交办事项{n.CaseNumber}已超过回复期限（{Local(n.DueAt)}），即将扣分",
            NoticeKinds.EntryRecorded => $"{who}{(n.Points < 0 ? "扣" : "加")}{Math.Abs(n.Points ?? 0):0.##}分（{n.Clause}）",
            NoticeKinds.EntryRescinded => $"{who}{n.Clause}的{Math.Abs(n.Points ?? 0):0.##}分{(n.Points < 0 ? "扣分" : "加分")}已撤销",
            NoticeKinds.AppealDecided => $"{who}申诉已决定：{Outcome(raised.Detail)}",
            NoticeKinds.ReferralMade => $"{who}{(n.PersonName is not null ? n.PersonName + "：" : "")}已移送市监察机关问责",
            NoticeKinds.EvaluationReturned => $"{of}考评初步意见被领导退回",
            NoticeKinds.EvaluationApproved => $"{of}考评结果已经领导批准",
            NoticeKinds.PlanReturned => $"{of}表彰方案被领导退回",
            NoticeKinds.PlanApproved => $"{of}表彰方案已经领导批准",
            _ => n.KindLabel,
        };
    }

    private static string TextOf(Notice n, NoticeRaised raised)
    {
        var text = new StringBuilder();
        text.Append("事项：").Append(n.KindLabel).Append('\n');
        if (n.UnitName is not null) text.Append("单位：").Append(n.UnitName).Append('（').Append(n.UnitCode).Append("）\n");
        if (n.PersonName is not null) text.Append("个人：").Append(n.PersonName).Append('\n');
        if (n.CaseNumber is not null) text.Append("交办事项：").Append(n.CaseNumber).Append('\n');
        if (n.Month is not null) text.Append("月份：").Append(MonthText(n.Month)).Append('\n');
        if (n.EntryId is not null) text.Append("记录编号：").Append(n.EntryId).Append('\n');
        if (n.Clause is not null) text.Append("条款：").Append(n.Clause).Append(' ').Append(n.ClauseText).Append('\n');
        if (n.Points is { } points)
            text.Append(n.Kind is NoticeKinds.ReplyDueSoon or NoticeKinds.ReportDueSoon or NoticeKinds.WarningRed ? "可能扣分：" : "分值：")
                .Append(points.ToString("+0.##;-0.##;0")).Append("分\n");
        if (n.DueAt is not null) text.Append("期限：").Append(Local(n.DueAt)).Append("（北京时间）\n");
        if (raised.OccurredOn is { } on) text.Append("发生日期：").Append(on.ToString("yyyy-MM-dd")).Append('\n');
        var detail = n.Kind switch
        {
            NoticeKinds.AppealDecided => raised.Detail is { } d && d.IndexOf('\n') is var i and >= 0 ? Outcome(d) + "。" + d[(i + 1)..] : null,
            NoticeKinds.ReportDueSoon => null,
            _ => raised.Detail,
        };
        if (!string.IsNullOrWhiteSpace(detail)) text.Append("说明：").Append(detail).Append('\n');
        text.Append("通知编号：").Append(n.Id);
        return text.ToString();
    }

    private static string Outcome(string? detail) => detail?.Split('\n')[0] switch
    {
        Appeal.Upheld => "申诉成立",
        Appeal.Rejected => "申诉不成立",
        { } other => other,
        null => "",
    };

    private static string MonthText(string? month) =>
        month is { Length: 7 } ? $"{month[..4]}年{int.Parse(month[5..])}月" : month ?? "";

    private static string Local(DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, OfficeCalendar.Zone).ToString("yyyy-MM-dd HH:mm") : "";
}
