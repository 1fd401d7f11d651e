namespace Hotline.Ledger.Benchmarks.Experiments;
public static class Refl
{
    public static void Run()
    {
        foreach (var m in typeof(Marten.MartenRegistry.DocumentMappingExpression<Hotline.Ledger.Ledger.Entries.Entry>).GetMethods().Where(m => m.Name == "Duplicate"))
            Console.WriteLine($"{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name + (p.HasDefaultValue ? "=" + p.DefaultValue : "")))})");
    }
}
