using Hotline.Ledger.Api.Hosting;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
builder.AddHotlineLedger();

var app = builder.Build();
app.MapHotlineLedger();

return await app.RunJasperFxCommands(args);

/// <summary>The entry point, visible to the tests' Alba host.</summary>
public partial class Program;
