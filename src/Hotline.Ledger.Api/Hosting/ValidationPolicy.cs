using FluentValidation;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;
using Wolverine.Http.CodeGen;
using JasperFx;

namespace Hotline.Ledger.Api.Hosting;

/// <summary>
/// Runs the FluentValidation validator of an endpoint's request body before the endpoint:
/// a request that fails never reaches the code that appends events.
/// </summary>
public sealed class ValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HasRequestType))
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(chain.RequestType!);
            if (!container.HasRegistrationFor(validatorType)) continue;

            chain.Metadata.ProducesValidationProblem();
            var method = typeof(RequestValidation).GetMethod(nameof(RequestValidation.Check))!.MakeGenericMethod(chain.RequestType!);
            var call = new MethodCall(typeof(RequestValidation), method);
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}
