namespace Hotline.Ledger.Benchmarks.Experiments;
public static class Refl
{
    public static void Run()
    {
        var t = typeof(Marten.Events.Aggregation.SingleStreamProjection<Hotline.Ledger.Ledger.Entries.Entry, Guid>);
        foreach (var m in t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
            if (m.Name.Contains("Determine") || m.Name.Contains("Build") || m.Name.Contains("Evolve") || m.Name.Contains("Apply"))
                Console.WriteLine($"{(m.IsPublic ? "public" : "nonpublic")} {m.ReturnType} {m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))})");
        foreach (var asm in new[] { typeof(Marten.IDocumentStore).Assembly, typeof(JasperFx.Events.IEvent).Assembly })
            foreach (var type in asm.GetTypes().Where(x => x.GetInterfaces().Any(i => i.Name.StartsWith("IIdentitySetter"))))
                Console.WriteLine("setter: " + type.FullName + (type.IsPublic ? " public" : ""));
        foreach (var a in typeof(Hotline.Ledger.Ledger.Entries.Entry).Assembly.GetCustomAttributes(true)) Console.WriteLine("attr: " + a.GetType().FullName);
        foreach (var type in typeof(Hotline.Ledger.Ledger.Entries.Entry).Assembly.GetTypes().Where(x => x.Name.Contains("Evolver"))) Console.WriteLine("evolver: " + type.FullName + " : " + string.Join(",", type.GetInterfaces().Select(i => i.Name)));
    }
}
