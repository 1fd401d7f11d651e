using Hotline.Ledger.Kernel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotline.Ledger.Api.Idempotency;
using Hotline.Ledger.Api.Security;
using Hotline.Ledger.Cases;
using Hotline.Ledger.Deadlines;
using Hotline.Ledger.Http;
using Hotline.Ledger.Integrity;
using Hotline.Ledger.Notices;
using Hotline.Ledger.Province;
using Hotline.Ledger.Rulebooks;
using Hotline.Ledger.Storage;
using Hotline.Ledger.Tenancy;
using Hotline.Ledger.Time;
using Hotline.Ledger.Web;
using JasperFx;
using JasperFx.Events.Daemon;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using Scalar.AspNetCore;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Hotline.Ledger.Api.Hosting;

public static class HotlineHost
{
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Database=hotline;Username=hotline;Password=hotline";

    public static WebApplicationBuilder AddHotlineLedger(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var node = ClusterNode.From(config);
        builder.Services.AddSingleton(node);
        var connectionString = node.Named(config.GetConnectionString("Hotline") ?? DefaultConnectionString);
        var schema = config["Hotline:Schema"] ?? "hotline";

        builder.Services.AddSingleton(TimeProvider.System);

        // A malformed rulebook stops start-up here, with the fault in the message.
        builder.Services.AddSingleton(new RulebookCatalog(RulebookLoader.LoadBuiltIn()));

        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddValidatorsFromAssemblyContaining<RulebookCatalog>(ServiceLifetime.Singleton);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.Complete);
        ProblemCodes.QuietJsonReadErrors(builder.Logging);
        // FluentValidation's own messages name fields as the API does ('reason', not 'Reason').
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        builder.Services.AddExceptionHandler<ConflictExceptionHandler>();
        builder.Services.AddOpenApi(o =>
        {
            OpenApiBearer.Declare(o);
            OpenApiOptionalFields.Declare(o);
            OpenApiPolicy.Declare(o);
        });

        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);

        // One configuration for any schema: the ledger's own, and the integrity check's scratch copy (in the city's database).
        StoreOptions StoreOptionsFor(IServiceProvider services, string forSchema, NpgsqlDataSource? scratchIn = null)
        {
            var opts = new StoreOptions();
            if (scratchIn is not null) opts.Connection(scratchIn);
            // Every city its own database, the master database the default city's (ADR 0110).
            else opts.Tenancy = new CityTenancy(opts, dataSource, forSchema);
            opts.DatabaseSchemaName = forSchema;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            SliceStorage.Configure(services, opts);
            opts.Storage.ExtendedSchemaObjects.Add(IdempotencyStorage.Table(forSchema));
            // The screens' sessions and key ring, shared by every node (ADR 0117).
            foreach (var table in Hotline.Ledger.Web.SignIn.WebStorage.Tables(forSchema)) opts.Storage.ExtendedSchemaObjects.Add(table);
            opts.Events.TimeProvider = new StoreClock(services.GetRequiredService<TimeProvider>());
            opts.Logger(new RefusalAwareMartenLogger(services.GetRequiredService<ILogger<IDocumentStore>>()));
            return opts;
        }

        builder.Services.AddSingleton(services => new StoreOptionsSource(s => StoreOptionsFor(services, s, services.GetRequiredService<CityDatabase>().Current)));
        builder.Services.AddSingleton<CityDatabase>();
        builder.Services.AddSingleton<Cities>();
        builder.Services.AddSingleton<CityStates>();
        builder.Services.AddSingleton<CityRevisions>();
        builder.Services.AddSingleton<ReadModelIntegrity>();
        builder.Services.AddSingleton<IntegrityVerifier>();
        builder.Services.AddMarten(services => StoreOptionsFor(services, schema))
            // Lightweight sessions that join a keyed request's transaction (ADR 0060).
            .BuildSessionsWith<RequestSessionFactory>()
            .IntegrateWithWolverine(w =>
            {
                w.MessageStorageSchemaName = schema;
                // Wolverine's main message store is the master database's, which is also the default city's.
                w.MasterDataSource = dataSource;
                NoticeModule.ConfigureForwarding(w);
                node.ConfigureMarten(w);
            });
        // In place of Marten's own start-up migration, which stops the host when PostgreSQL does not answer.
        builder.Services.AddSingleton<DatabaseStartup>();
        builder.Services.AddHostedService(StartDatabase);

        // After the schema is applied, so that the drafts' table exists when it is read.
        StartedWithTheDatabase.Add<Hotline.Ledger.Rulebooks.Drafts.AdoptedRevisionsAtStartup>(builder.Services);

        if (config.GetValue<bool>("Hotline:Demo")) StartedWithTheDatabase.Add<DemoCity>(builder.Services);

        builder.Host.UseWolverine(opts =>
        {
            opts.Discovery.IncludeAssembly(typeof(RulebookCatalog).Assembly);
            opts.Policies.AutoApplyTransactions();
            // A message is handled in its city (the envelope's tenant): sessions and per-city services follow it.
            opts.Policies.AddMiddleware(typeof(CityOfTheMessage));
            // A disabled city's recurring jobs are not run (ADR 0185).
            opts.Policies.AddMiddleware(typeof(DisabledCityWork), chain => EveryCity.Messages.Contains(chain.MessageType));
            opts.Policies.AddMiddleware(typeof(EveryCity), chain => EveryCity.Messages.Contains(chain.MessageType));
            // Several nodes may share the database: Wolverine elects a leader and spreads the agents (ADR 0115).
            node.ConfigureWolverine(opts);
            DeadlineModule.ConfigureWolverine(opts, config);
            NoticeModule.ConfigureWolverine(opts, config);
            var integrity = config.GetSection(IntegrityOptions.Section).Get<IntegrityOptions>() ?? new IntegrityOptions();
            // An empty cron turns the scheduled verification off (GET /api/integrity?readModels=true still runs it).
            if (!string.IsNullOrWhiteSpace(integrity.VerifyCron))
                opts.Schedules.ScheduleRecurring<VerifyLedgerIntegrity>(integrity.VerifyCron, OfficeCalendar.Zone);
        });
        // Wolverine's runtime needs the database to start: without it, it starts once the database answers.
        StartedWithTheDatabase.Wrap(builder.Services);
        StartedWithTheDatabase.Add<NodeAnnouncement>(builder.Services);
        builder.Services.AddWolverineHttp();
        builder.Services.AddCaseFeed();
        builder.Services.AddDeadlines(config);
        builder.Services.AddNotices(config);
        builder.Services.AddProvince();
        // The province reads the cities on this deployment, each in its own database (ADR 0110).
        builder.Services.AddSingleton<Hotline.Ledger.Province.IProvinceCities, Hotline.Ledger.Province.TenantCities>();
        builder.Services.Configure<IdempotencyOptions>(config.GetSection(IdempotencyOptions.Section));
        // Single entries are written in batches by one writer (ADR 0120).
        builder.Services.AddSingleton<GroupCommit>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GroupCommit>());
        builder.Services.AddSingleton<Hotline.Ledger.Entries.SingleEntries>();
        // An approved year is closed to appeals: the evaluation, above the appeals, answers whether it is.
        builder.Services.AddSingleton<Hotline.Ledger.Appeals.IApprovedYears, Hotline.Ledger.Evaluation.YearEnd.ApprovedEvaluations>();
        builder.AddHotlineSecurity();
        builder.AddHotlineWeb();
        return builder;
    }

    private static DatabaseStartup StartDatabase(IServiceProvider services) => services.GetRequiredService<DatabaseStartup>();

    public static WebApplication MapHotlineLedger(this WebApplication app)
    {
        app.UseMiddleware<NodeHeader>();
        app.UseMiddleware<RequestLanguage>();
        // A refusal the handler answered is not an unhandled exception: it is logged there, at its own level.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService,
        });
        app.UseStatusCodePages();

        // Health and the API documentation are the only routes open without a token (docs/security.md).
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

        app.UseHotlineSecurity();
        app.UseMiddleware<CityOfTheRequest>();
        app.UseMiddleware<ContentTypeRequired>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapWolverineEndpoints(o =>
        {
            // '?unitId=abc' must be a 400, never a silently widened query.
            o.RejectUnparseableQueryValues = true;
            // A score query (or a series', a year…) is read once, before the endpoint (Hotline.Ledger.Http.QueryBinding).
            o.AddParameterHandlingStrategy<QueryBinding>();
            // Wolverine's tenant (its sessions and message store) is the request's city, from the claim alone.
            o.TenantId.DetectWith(new CityTenantDetection());
            o.AddPolicy<AccessPolicy>();
            o.AddPolicy<RequestStampPolicy>();
            o.AddPolicy<ValidationPolicy>();
            o.AddPolicy<OpenApiPolicy>();
            // After Wolverine's transaction policies: an answer read back from the store follows the save.
            o.AddPolicy<StoredAnswerPolicy>();
            // Last: an audited read's record starts after every step that may refuse the read.
            o.AddPolicy<Hotline.Ledger.Security.AuditedReadPolicy>();
        });
        app.MapHotlineWeb();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        // Hostile input (docs/security.md): a number is a JSON number, never a string holding one.
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
