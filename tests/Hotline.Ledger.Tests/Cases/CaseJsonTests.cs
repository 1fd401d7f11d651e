using System.Text;
using System.Text.Json;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Tests.Support;
using Marten;

namespace Hotline.Ledger.Tests.Cases;

/// <summary>
/// The one-pass rebuild reads the case events and writes the case files through compile-time JSON contracts rather than
/// the store's serializer (ADR 0205). Its rows must stay those the projection writes: for every case event type and for
/// case files of every shape, the contract writes the very bytes the store's own serializer writes, and reads back the
/// very event the store wrote.
/// </summary>
public class CaseJsonTests(CaseFeedApp app) : CaseFeedTest(app)
{
    private static readonly DateTimeOffset At = new(2021, 3, 1, 1, 2, 3, 456, TimeSpan.Zero);
    private static readonly Guid Unit = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Person = Guid.Parse("00000000-0000-0000-0000-0000000000b1");

    private static IEnumerable<object> Events()
    {
        foreach (var type in Enum.GetValues<CaseEventType>())
        foreach (var result in Enum.GetValues<CaseResult>())
        {
            var fact = new CaseFact($"E-{type}-{result}", type, At.AddMinutes((int)type), At, Unit, (int)result % 2 == 0 ? Person : null,
                At.AddDays(1), (int)result % 2 == 0 ? At.AddDays(15) : null, result);
            yield return CaseEvents.Of("12345-中文", fact);
        }

        yield return new ReplyDeadlineMissed("12345-中文", Unit, At.AddDays(1), Guid.Parse("00000000-0000-0000-0000-0000000000c1"));
    }

    [Fact]
    public void Every_case_event_type_has_a_contract_that_reads_what_the_store_wrote()
    {
        var serializer = App.Store.Options.Serializer();
        Assert.All(CaseWrites.EventTypes, t => Assert.NotNull(CaseJson.For(t)));
        foreach (var e in Events())
        {
            var stored = serializer.ToJson(e);
            var contract = CaseJson.For(e.GetType())!;
            // The same record, field for field (records compare by value), and the same bytes written back.
            Assert.Equal(e, JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(stored), contract));
            Assert.Equal(stored, Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(e, contract)));
        }
    }

    [Fact]
    public void A_case_file_of_every_shape_is_written_byte_for_byte_as_the_store_writes_it()
    {
        var serializer = App.Store.Options.Serializer();
        var facts = Events().Select(e => CaseEvents.FactOf(e, At.AddSeconds(1))).OfType<CaseFact>().ToList();
        var files = new List<CaseFile>
        {
            new() { Id = Guid.NewGuid(), CaseNumber = "空" },
            new()
            {
                Id = Guid.NewGuid(), CaseNumber = "12345-中文", Facts = facts, Status = CaseStatus.Completed, Year = 2021, UnitId = Unit, PersonId = Person,
                CompletionDueAt = At.AddDays(15), ReplyDueAt = At.ToOffset(TimeSpan.FromHours(8)), ReplyCheckAt = At.AddHours(3),
                Charges = [new ReplyCharge(Unit, At.AddDays(1), Guid.NewGuid())],
            },
        };
        foreach (var status in Enum.GetValues<CaseStatus>())
            files.Add(new CaseFile { Id = Guid.NewGuid(), CaseNumber = "\"引号\"\\", Facts = facts[..3], Status = status, UnitId = Unit });
        foreach (var file in files)
            Assert.Equal(serializer.ToJson(file), Encoding.UTF8.GetString(CaseJson.Write(file)));
    }
}
