using Hotline.Ledger.Api.Hosting;
using Hotline.Ledger.Api.Security;
using JasperFx;

// The token command's standard output holds the token alone: everything else goes to standard error.
TokenCommand.KeepStandardOutputForTheToken(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddHotlineLedger();

var app = builder.Build();
app.MapHotlineLedger();

return await app.RunJasperFxCommands(args);

/// <summary>The entry point, visible to the tests' Alba host.</summary>
public partial class Program;
