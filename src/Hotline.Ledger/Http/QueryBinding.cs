using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration.Frames;
using JasperFx.Core;
using JasperFx.CodeGeneration.Model;
using Wolverine.Http.CodeGen;

namespace Hotline.Ledger.Http;

/// <summary>
/// Binds an endpoint parameter whose type is <see cref="BoundFromQueryAttribute"/>: its <c>Parse</c> runs first, on the
/// query string values its parameters name, and a refusal ends the request with the 400 naming the field, so every
/// route that reads a score query (or a series, or a year) reads it alike and no endpoint parses one itself.
/// </summary>
public sealed class QueryBinding : IParameterStrategy
{
    public const string MethodName = "Parse";

    public bool TryMatch(HttpChain chain, IServiceContainer container, ParameterInfo parameter, out Variable? variable)
    {
        variable = null;
        var type = parameter.ParameterType;
        if (type.GetCustomAttribute<BoundFromQueryAttribute>() is null) return false;

        var parse = type.GetMethod(MethodName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{type.Name} is bound from the query but has no public static {MethodName}");
        // Once per route, however many of the endpoint's steps ask for it.
        var call = chain.Middleware.OfType<MethodCall>().FirstOrDefault(c => c.Method == parse);
        if (call is null)
        {
            call = new MethodCall(type, parse);
            var parameters = parse.GetParameters();
            for (var i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].ParameterType != typeof(string)) continue;
                var value = chain.TryFindOrCreateQuerystringValue(parameters[i])
                    ?? throw new InvalidOperationException($"{type.Name}.{MethodName}: no query value '{parameters[i].Name}'");
                if (value.Creator is { } read) chain.Middleware.Fill(read);
                call.Arguments[i] = value;
            }

            chain.Middleware.Add(call);
            var refusal = call.Creates.Single(v => v.VariableType == typeof(FieldRefusal));
            // Two bound queries on one route must not declare the same local.
            refusal.OverrideName(char.ToLowerInvariant(type.Name[0]) + type.Name[1..] + "Refusal");
            var problem = new MethodCall(typeof(QueryBinding), nameof(Problem));
            problem.Arguments[0] = refusal;
            chain.Middleware.Add(problem);
            if (new ProblemDetailsContinuationPolicy().TryFindContinuationHandler(chain, problem, out var end) && end is not null)
                chain.Middleware.Add(end);
        }

        variable = call.Creates.Single(v => v.VariableType == type);
        return true;
    }

    /// <summary>The 400 for a refused query value; nothing to answer when the query was read.</summary>
    public static ProblemDetails Problem(FieldRefusal? refusal) =>
        refusal is null ? WolverineContinue.NoProblems : Problems.InvalidProblem(refusal);
}
